/**
 * Small helpers over plain JSON values (what `JSON.parse` returns), shared by
 * every patch algorithm in this folder.
 */

/** A JSON object. */
export type JsonObject = Record<string, unknown>;

/** The JSON kind of a value; `undefined` means "absent". */
export type JsonKind = 'object' | 'array' | 'string' | 'number' | 'boolean' | 'null' | 'undefined';

/** True for a JSON object (not null, not an array). */
export function isJsonObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The JSON kind of `value`; patch algorithms compare kinds where upstream compares Go types. */
export function jsonKind(value: unknown): JsonKind {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  const kind = typeof value;
  if (kind === 'object') return 'object';
  if (kind === 'string' || kind === 'number' || kind === 'boolean' || kind === 'undefined') return kind;
  return 'undefined';
}

/** Structural equality of two JSON values (key order ignored, list order significant). */
export function deepEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (Array.isArray(a)) {
    return Array.isArray(b) && a.length === b.length && a.every((item, i) => deepEqual(item, b[i]));
  }
  if (isJsonObject(a) && isJsonObject(b)) {
    const keys = Object.keys(a);
    if (keys.length !== Object.keys(b).length) return false;
    return keys.every((key) => Object.prototype.hasOwnProperty.call(b, key) && deepEqual(a[key], b[key]));
  }
  return false;
}

/** A deep copy of a JSON value, so algorithms may work in place without touching their inputs. */
export function cloneJson<T>(value: T): T {
  return value === undefined ? value : structuredClone(value);
}

/** True when `object` has `key` as an own property. */
export function hasKey(object: JsonObject, key: string): boolean {
  return Object.prototype.hasOwnProperty.call(object, key);
}

/**
 * Renders a value the way Go's `%v` does for decoded JSON (`map[a:1 b:x]`, `[1 2]`), so error
 * messages read like the API server's.
 */
export function formatGoValue(value: unknown): string {
  if (value === null || value === undefined) return '<nil>';
  if (Array.isArray(value)) return `[${value.map(formatGoValue).join(' ')}]`;
  if (isJsonObject(value)) {
    const keys = Object.keys(value).sort();
    return `map[${keys.map((key) => `${key}:${formatGoValue(value[key])}`).join(' ')}]`;
  }
  return String(value);
}
