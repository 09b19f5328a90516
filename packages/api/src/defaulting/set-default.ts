/**
 * Helpers for filling Go zero values in untyped JSON: a defaulter in Go
 * tests `== ""`, `== nil` or `== 0`; these do the same on JSON objects.
 */
export type JsonObject = Record<string, unknown>;

/** True for a JSON object (not an array). */
export function isObject(v: unknown): v is JsonObject {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

/** The object at o[k], created empty when missing. */
export function objectAt(o: JsonObject, k: string): JsonObject {
  if (!isObject(o[k])) o[k] = {};
  return o[k] as JsonObject;
}

/** The objects in the array at o[k] (non-objects skipped). */
export function objectsIn(o: JsonObject, k: string): JsonObject[] {
  const v = o[k];
  return Array.isArray(v) ? v.filter(isObject) : [];
}

/** Sets o[k] when it is missing, null or "" (a string field's zero value). */
export function defaultString(o: JsonObject, k: string, value: string): void {
  if (o[k] === undefined || o[k] === null || o[k] === '') o[k] = value;
}

/** Sets o[k] when it is missing or null (a pointer field's zero value). */
export function defaultPointer(o: JsonObject, k: string, value: unknown): void {
  if (o[k] === undefined || o[k] === null) o[k] = typeof value === 'object' && value !== null ? structuredClone(value) : value;
}

/** Sets o[k] when it is missing, null or 0 (an int field's zero value). */
export function defaultNumber(o: JsonObject, k: string, value: number): void {
  if (o[k] === undefined || o[k] === null || o[k] === 0) o[k] = value;
}
