/**
 * Typed reads of untyped JSON objects: validators walk client-supplied JSON,
 * so every read tolerates a missing or wrongly typed field the way Go's
 * zero values would (empty string, 0, empty list).
 */
export type JsonObject = Record<string, unknown>;

/** The object at v, or an empty one. */
export function obj(v: unknown): JsonObject {
  return v !== null && typeof v === 'object' && !Array.isArray(v) ? (v as JsonObject) : {};
}

/** The object at v, or undefined (Go's nil pointer). */
export function optObj(v: unknown): JsonObject | undefined {
  return v !== null && typeof v === 'object' && !Array.isArray(v) ? (v as JsonObject) : undefined;
}

/** The array at v, or an empty one. */
export function arr(v: unknown): unknown[] {
  return Array.isArray(v) ? v : [];
}

/** The string at v, or "". */
export function str(v: unknown): string {
  return typeof v === 'string' ? v : '';
}

/** The number at v, or 0. */
export function num(v: unknown): number {
  return typeof v === 'number' ? v : 0;
}

/** True when v holds a value (Go's non-nil pointer). */
export function isSet(v: unknown): boolean {
  return v !== undefined && v !== null;
}

/** A string map (labels, selectors, data). */
export function strMap(v: unknown): Record<string, string> | undefined {
  const o = optObj(v);
  return o as Record<string, string> | undefined;
}
