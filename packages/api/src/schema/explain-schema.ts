/**
 * Schema readers behind `explain`, following kubectl's explain v2 template helpers (typeGuess,
 * description, extractEnum, resolveRef) including Go template truthiness, so mk prints what kubectl prints
 * for the same OpenAPI v3 document.
 */
import type { OpenApiDocument, OpenApiSchema } from './types';

/** Go template truth: false, 0, nil and empty strings, arrays and maps are false. */
export function truthy(v: unknown): boolean {
  if (v === undefined || v === null || v === false || v === 0 || v === '') return false;
  if (Array.isArray(v)) return v.length > 0;
  if (typeof v === 'object') return Object.keys(v).length > 0;
  return true;
}

/** The map a `#/components/schemas/...` reference points at; undefined for anything else. */
export function resolveRef(ref: unknown, doc: OpenApiDocument): OpenApiSchema | undefined {
  if (typeof ref !== 'string' || !ref.startsWith('#') || ref.length < 2) return undefined;
  let cur: unknown = doc;
  for (const key of ref.slice(1).split('/')) {
    if (key === '') continue;
    const next = typeof cur === 'object' && cur !== null ? (cur as Record<string, unknown>)[key] : undefined;
    if (typeof next !== 'object' || next === null || Array.isArray(next)) return undefined;
    cur = next;
  }
  return cur as OpenApiSchema;
}

/** A map-valued `additionalProperties` (a boolean one does not describe values). */
export function mapValues(s: OpenApiSchema): OpenApiSchema | undefined {
  const ap = s.additionalProperties;
  return truthy(ap) && typeof ap === 'object' ? ap : undefined;
}

/** The short type shown in angle brackets: `string`, `[]Container`, `map[string]string`, `Object`. */
export function typeGuess(s: OpenApiSchema, doc: OpenApiDocument): string {
  if (truthy(s.items)) return `[]${typeGuess(s.items!, doc)}`;
  const values = mapValues(s);
  if (values) return `map[string]${typeGuess(values, doc)}`;
  if (truthy(s.allOf) && !truthy(s.properties) && s.allOf!.length === 1) return typeGuess(s.allOf![0], doc);
  if (s.$ref) {
    // Named objects (and schemas without a type, like IntOrString) show their name; named scalars their type.
    const target = resolveRef(s.$ref, doc);
    if (!target || !target.type || target.type === 'object') {
      const name = s.$ref.split('/').pop() ?? '';
      return name.split('.').pop() || 'Object';
    }
    return target.type;
  }
  return s.type === 'object' ? 'Object' : s.type || 'Object';
}

/** The description of a schema followed by those of what it wraps (allOf, items, map values), one per line. */
export function descriptionText(schema: OpenApiSchema, doc: OpenApiDocument): string {
  const s = resolveRef(schema.$ref, doc) ?? schema;
  if (!truthy(s)) return '';
  let out = s.description ? `${s.description}\n` : '';
  for (const part of s.allOf ?? []) out += descriptionText(part, doc);
  if (truthy(s.items)) out += descriptionText(s.items!, doc);
  const values = mapValues(s);
  if (values) out += descriptionText(values, doc);
  return out;
}

/**
 * The enum hint: `ENUM:` with one value per line under FIELD, or `enum: a, b, c, d, ....` (at most four
 * values) under a field of the list. Empty strings show as `""`.
 */
export function enumText(s: OpenApiSchema, longView: boolean, indentAmount = 0): string {
  if (!truthy(s.enum)) return '';
  const limit = longView ? -1 : 4;
  let out = longView ? 'ENUM:' : `\n${' '.repeat(indentAmount)}enum: `;
  for (const [i, value] of s.enum!.entries()) {
    if (limit > -1 && i >= limit) {
      out += ', ....';
      break;
    }
    if (longView) out += '\n    ';
    else if (i > 0) out += ', ';
    out += value === '' ? '""' : goFormat(value);
  }
  return out;
}

/** fmt.Sprint of a decoded JSON value, for the scalars enums hold. */
function goFormat(v: unknown): string {
  if (v === null || v === undefined) return '<nil>';
  return String(v);
}

/** kubectl's indent: pads the first line and every line after a newline. */
export function indent(amount: number, s: string): string {
  const pad = ' '.repeat(amount);
  return pad + s.replaceAll('\n', `\n${pad}`);
}
