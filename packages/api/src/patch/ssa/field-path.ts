/**
 * Field paths of server-side apply (structured-merge-diff's `fieldpath`): one element per
 * step — a struct field or map key (`f:name`), a list-map item (`k:{"name":"web"}`), a set
 * item (`v:"x"`) or a list index (`i:0`) — with the FieldsV1 spelling of each and the
 * human form used in conflict messages (`.spec.containers[name="web"].image`).
 */
import { isJsonObject } from '../json';

/** One step of a field path. A key's fields are sorted by name. */
export type PathElement =
  | { readonly field: string }
  | { readonly key: ReadonlyArray<readonly [string, unknown]> }
  | { readonly value: unknown }
  | { readonly index: number };

/** A path from the object root. */
export type FieldPath = readonly PathElement[];

/** A list-map item element from its key fields (sorted, as upstream stores them). */
export function keyElement(fields: Record<string, unknown>): PathElement {
  const entries = Object.keys(fields)
    .sort()
    .map((name) => [name, fields[name]] as const);
  return { key: entries };
}

/** The FieldsV1 spelling of an element: `f:…`, `k:{…}`, `v:…` or `i:…`. */
export function serializeElement(element: PathElement): string {
  if ('field' in element) return `f:${element.field}`;
  if ('key' in element) return `k:{${element.key.map(([name, v]) => `${JSON.stringify(name)}:${JSON.stringify(v)}`).join(',')}}`;
  if ('value' in element) return `v:${JSON.stringify(element.value)}`;
  return `i:${element.index}`;
}

/** Parses a FieldsV1 key back into an element; `undefined` for unknown kinds (skipped, as upstream does). */
export function parseElement(text: string): PathElement | undefined {
  if (text.length < 2 || text[1] !== ':') throw new Error(`invalid managed fields key: ${text}`);
  const body = text.slice(2);
  switch (text[0]) {
    case 'f':
      return { field: body };
    case 'v':
      return { value: JSON.parse(body) as unknown };
    case 'k': {
      const parsed: unknown = JSON.parse(body);
      if (!isJsonObject(parsed)) throw new Error(`invalid managed fields key: ${text}`);
      return keyElement(parsed);
    }
    case 'i':
      return { index: Number.parseInt(body, 10) };
    default:
      return undefined;
  }
}

/** How upstream prints a path in conflicts: `.spec.replicas`, `[name="web"]`, `[=x]`, `[0]`. */
export function formatPath(path: FieldPath): string {
  return path.map(formatElement).join('');
}

function formatElement(element: PathElement): string {
  if ('field' in element) return `.${element.field}`;
  if ('key' in element) return `[${element.key.map(([name, v]) => `${name}=${formatValue(v)}`).join(',')}]`;
  if ('value' in element) return `[=${formatValue(element.value)}]`;
  return `[${element.index}]`;
}

function formatValue(value: unknown): string {
  if (value === null) return 'null';
  if (typeof value === 'string') return JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map(formatValue).join(',')}]`;
  if (isJsonObject(value)) return Object.entries(value).map(([k, v]) => `${k}=${formatValue(v)}`).join('');
  return String(value);
}

/** Upstream's total order of elements: fields < keys < values < indexes, then by content. */
export function compareElements(a: PathElement, b: PathElement): number {
  const rank = (e: PathElement) => ('field' in e ? 0 : 'key' in e ? 1 : 'value' in e ? 2 : 3);
  if (rank(a) !== rank(b)) return rank(a) - rank(b);
  if ('field' in a && 'field' in b) return compareStrings(a.field, b.field);
  if ('index' in a && 'index' in b) return a.index - b.index;
  if ('value' in a && 'value' in b) return compareValues(a.value, b.value);
  if ('key' in a && 'key' in b) {
    for (let i = 0; i < Math.min(a.key.length, b.key.length); i++) {
      const byName = compareStrings(a.key[i][0], b.key[i][0]);
      if (byName !== 0) return byName;
      const byValue = compareValues(a.key[i][1], b.key[i][1]);
      if (byValue !== 0) return byValue;
    }
    return a.key.length - b.key.length;
  }
  return 0;
}

function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Numbers < strings < booleans < lists < maps < null, as structured-merge-diff orders values. */
function compareValues(a: unknown, b: unknown): number {
  const rank = (v: unknown) =>
    typeof v === 'number' ? 0 : typeof v === 'string' ? 1 : typeof v === 'boolean' ? 2 : Array.isArray(v) ? 3 : v === null ? 5 : 4;
  if (rank(a) !== rank(b)) return rank(a) - rank(b);
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  if (typeof a === 'string' && typeof b === 'string') return compareStrings(a, b);
  if (typeof a === 'boolean' && typeof b === 'boolean') return Number(a) - Number(b);
  return compareStrings(JSON.stringify(a) ?? '', JSON.stringify(b) ?? '');
}
