/**
 * Strict field validation (`?fieldValidation=Strict|Warn`): finding the fields of a request body that the
 * kind's schema does not declare, reported the way the API server's strict JSON decoder reports them.
 *
 * Duplicate-field detection, which upstream's decoder also performs, needs the raw JSON text (a parsed
 * object has already dropped duplicates), so it is not done here.
 */
import { kindSchema, schemaCatalog } from './catalog';
import type { OpenApiSchema } from './types';

/** Upstream's decoder stops collecting strict errors after this many. */
const MAX_ERRORS = 100;

/**
 * Paths of the fields in `obj` that the schema of group/version/kind does not know, in document order and
 * upstream's notation (`spec.foo`, `spec.template.spec.containers[0].imagee`, `metadata.labelz`).
 * `apiVersion` and `kind` are never reported; free-form values (RawExtension, FieldsV1, IntOrString,
 * Quantity, Time) are not descended into; map values are checked only when they are objects with a schema.
 * Returns [] for kinds the catalog does not have.
 */
export function unknownFields(group: string, version: string, kind: string, obj: unknown): string[] {
  const schema = kindSchema(group, version, kind);
  if (!schema || !isPlainObject(obj)) return [];
  const found: string[] = [];
  const top: Record<string, unknown> = { ...obj };
  delete top.apiVersion;
  delete top.kind;
  walk(top, schema, '', found);
  return found.slice(0, MAX_ERRORS);
}

function walk(value: unknown, schema: OpenApiSchema, path: string, found: string[]): void {
  if (found.length >= MAX_ERRORS) return;
  const s = resolve(schema);
  if (!s || s['x-kubernetes-preserve-unknown-fields']) return;
  if (Array.isArray(value)) {
    if (s.items) value.forEach((item, i) => walk(item, s.items!, `${path}[${i}]`, found));
    return;
  }
  if (!isPlainObject(value)) return;
  if (s.properties) {
    for (const [key, child] of Object.entries(value)) {
      const prop = Object.hasOwn(s.properties, key) ? s.properties[key] : undefined;
      if (prop) walk(child, prop, join(path, key), found);
      else found.push(join(path, key));
    }
  } else if (s.additionalProperties && typeof s.additionalProperties === 'object') {
    for (const [key, child] of Object.entries(value)) walk(child, s.additionalProperties, join(path, key), found);
  }
  // Anything else (scalars, free-form objects) accepts whatever it is given.
}

/** Follows `$ref` (and a lone `allOf` wrapper) to the schema that declares the shape. */
function resolve(schema: OpenApiSchema): OpenApiSchema | undefined {
  let s: OpenApiSchema | undefined = schema;
  for (let hops = 0; s && hops < 8; hops++) {
    if (s.$ref) s = schemaCatalog().schemas.get(s.$ref.replace('#/components/schemas/', ''));
    else if (s.allOf?.length === 1 && !s.properties) s = s.allOf[0];
    else return s;
  }
  return s;
}

const join = (path: string, key: string) => (path ? `${path}.${key}` : key);

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** One strict decoding error per path, as upstream words it (also the text of each `Warn` warning). */
export function strictDecodingErrors(paths: string[]): string[] {
  return paths.map((p) => `unknown field ${goQuote(p)}`);
}

/** `strict decoding error: unknown field "spec.foo", unknown field "spec.bar"`. */
export function strictDecodingMessage(paths: string[]): string {
  return `strict decoding error: ${strictDecodingErrors(paths).join(', ')}`;
}

/**
 * The 400 BadRequest message for a create or update (POST/PUT) body with unknown fields under
 * `fieldValidation=Strict`: `Pod in version "v1" cannot be handled as a Pod: strict decoding error: ...`.
 */
export function strictDecodingBadRequestMessage(kind: string, version: string, paths: string[]): string {
  return `${kind} in version ${goQuote(version)} cannot be handled as a ${kind}: ${strictDecodingMessage(paths)}`;
}

/** Go's strconv.Quote for the characters field names can contain. */
export function goQuote(s: string): string {
  const escapes: Record<string, string> = {
    '"': '\\"', '\\': '\\\\', '\x07': '\\a', '\b': '\\b', '\f': '\\f', '\n': '\\n', '\r': '\\r', '\t': '\\t', '\v': '\\v',
  };
  let out = '"';
  for (const ch of s) {
    const code = ch.codePointAt(0)!;
    if (escapes[ch]) out += escapes[ch];
    else if (code < 0x20 || code === 0x7f) out += `\\x${code.toString(16).padStart(2, '0')}`;
    else out += ch;
  }
  return out + '"';
}
