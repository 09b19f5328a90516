/**
 * JSON text exactly as Go's encoding/json writes a map[string]interface{}: keys sorted by byte order,
 * and <, >, &, U+2028, U+2029 escaped. kubectl stores the last-applied-configuration annotation in this
 * form, so mk must produce the same bytes for `apply` to be idempotent across mk and kubectl;
 * JSON.stringify cannot, because JS orders integer-like keys first.
 */
import { compareBytes } from '@mk/api';

/** Go's json.Marshal (indent '') or json.MarshalIndent(v, "", indent) rendering of a JSON value. */
export function goJson(value: unknown, indent = ''): string {
  return encode(value, indent, '', true);
}

/** Like goJson but keeping each object's key order: how Go renders a typed struct built in field order. */
export function goJsonStruct(value: unknown, indent = ''): string {
  return encode(value, indent, '', false);
}

function encode(value: unknown, indent: string, prefix: string, sortKeys: boolean): string {
  if (value === null || value === undefined) return 'null';
  const inner = prefix + indent;
  const open = indent ? `\n${inner}` : '';
  const close = indent ? `\n${prefix}` : '';
  const sep = indent ? `,\n${inner}` : ',';
  if (Array.isArray(value)) {
    if (value.length === 0) return '[]';
    return `[${open}${value.map((v) => encode(v, indent, inner, sortKeys)).join(sep)}${close}]`;
  }
  switch (typeof value) {
    case 'string':
      return goString(value);
    case 'number':
      return Number.isFinite(value) ? JSON.stringify(value) : 'null';
    case 'boolean':
      return value ? 'true' : 'false';
    case 'object': {
      const record = value as Record<string, unknown>;
      const keys = Object.keys(record).filter((k) => record[k] !== undefined);
      if (sortKeys) keys.sort(compareBytes);
      if (keys.length === 0) return '{}';
      const colon = indent ? ': ' : ':';
      return `{${open}${keys.map((k) => `${goString(k)}${colon}${encode(record[k], indent, inner, sortKeys)}`).join(sep)}${close}}`;
    }
    default:
      return 'null';
  }
}

function goString(s: string): string {
  return JSON.stringify(s).replace(/[<>&\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
