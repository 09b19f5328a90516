/**
 * Splits one manifest file into objects the way kubectl's YAMLOrJSONDecoder and resource visitor do:
 * a JSON stream when the text starts with `{`, otherwise multi-document YAML (YAML 1.1 scalars, as
 * sigs.k8s.io/yaml parses them); empty and `null` documents are skipped and `List`s are flattened.
 */
import { parseAllDocuments } from 'yaml';
import type { KObject } from '@mk/api';
import { goJson } from './go-json';

/** One object read from a manifest, with the file (or `STDIN`) it came from. */
export interface ManifestDoc {
  object: KObject;
  source: string;
}

/** What one file yielded: the objects before the first error, and that error (kubectl stops the file there). */
export interface DecodeResult {
  docs: ManifestDoc[];
  errors: Error[];
}

/** How strictly to read: `validate` is kubectl's --validate other than ignore (apply, create). */
export interface DecodeOptions {
  validate?: boolean;
}

/** Decodes the text of one manifest file; `source` is used in messages. */
export function decodeManifest(text: string, source: string, opts: DecodeOptions = {}): DecodeResult {
  const body = text.replace(/^\uFEFF/, '');
  const { values, parseError } = body.trimStart().startsWith('{') ? splitJsonStream(body) : parseYamlDocuments(body);
  const result: DecodeResult = { docs: [], errors: [] };
  for (const raw of values) {
    if (raw === null || raw === undefined) continue;
    const invalid = opts.validate ? typeMetaErrors(raw) : [];
    if (invalid.length > 0) {
      // A validation failure ends the file, as kubectl's stream visitor returns it.
      const detail = invalid.length === 1 ? invalid[0] : `[${invalid.join(', ')}]`;
      result.errors.push(new Error(`error validating ${JSON.stringify(source)}: error validating data: ${detail}; ${STOP_VALIDATE_MESSAGE}`));
      return result;
    }
    if (typeof raw !== 'object' || Array.isArray(raw)) {
      const type = Array.isArray(raw) ? 'array' : typeof raw;
      result.errors.push(new Error(`unable to decode "${source}": json: cannot unmarshal ${type} into Go value of type map[string]interface {}`));
      continue;
    }
    flatten(raw as KObject, source, result);
  }
  if (parseError) result.errors.push(new Error(`error parsing ${source}: ${parseError}`));
  return result;
}

const STOP_VALIDATE_MESSAGE = 'if you choose to ignore these errors, turn validation off with --validate=false';

/** kubectl's getObjectKind checks (pkg/validation), run before anything is sent when validating. */
export function typeMetaErrors(raw: unknown): string[] {
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) return ['invalid object to validate'];
  const obj = raw as Record<string, unknown>;
  const errors: string[] = [];
  if (obj.apiVersion === undefined || obj.apiVersion === null) errors.push('apiVersion not set');
  else if (typeof obj.apiVersion !== 'string') errors.push("apiVersion isn't string type");
  if (obj.kind === undefined || obj.kind === null) errors.push('kind not set');
  else if (typeof obj.kind !== 'string') errors.push("kind isn't string type");
  return errors;
}

function flatten(obj: KObject, source: string, into: DecodeResult): void {
  if (Array.isArray(obj.items)) {
    // The unstructured decoder treats any object with `items` as a list; items without
    // apiVersion/kind inherit them from the list (PodList -> Pod), as client-go does.
    const itemKind = typeof obj.kind === 'string' && obj.kind.endsWith('List') ? obj.kind.slice(0, -4) : '';
    for (const item of obj.items as unknown[]) {
      if (item === null || typeof item !== 'object' || Array.isArray(item)) continue;
      const child = { ...(item as KObject) };
      if (!child.kind && itemKind) child.kind = itemKind;
      if (!child.apiVersion && obj.apiVersion) child.apiVersion = obj.apiVersion;
      flatten(child, source, into);
    }
    return;
  }
  if (typeof obj.kind !== 'string' || obj.kind === '') {
    into.errors.push(new Error(`unable to decode "${source}": Object 'Kind' is missing in '${goJson(obj)}'`));
    return;
  }
  into.docs.push({ object: obj, source });
}

/** Values parsed before the first syntax error, and that error's message. */
interface ParsedStream {
  values: unknown[];
  parseError?: string;
}

/** YAML 1.1 like go-yaml v2, but timestamps stay strings (sigs.k8s.io/yaml keeps them as text). */
function parseYamlDocuments(text: string): ParsedStream {
  const docs = parseAllDocuments(text, {
    version: '1.1',
    customTags: (tags) => tags.filter((t) => typeof t === 'string' || t.tag !== 'tag:yaml.org,2002:timestamp'),
  });
  const values: unknown[] = [];
  for (const doc of Array.isArray(docs) ? docs : [docs]) {
    const err = doc.errors[0];
    if (err) {
      const line = err.linePos?.[0]?.line;
      // The yaml library appends the position; the line number is already in front.
      const detail = err.message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '');
      return { values, parseError: `error converting YAML to JSON: yaml: ${line ? `line ${line}: ` : ''}${detail}` };
    }
    values.push(doc.toJS({ maxAliasCount: 1000 }));
  }
  return { values };
}

/** Splits concatenated JSON values (`{...}{...}`), as json.Decoder reads a stream. */
function splitJsonStream(text: string): ParsedStream {
  const values: unknown[] = [];
  let i = 0;
  try {
    while (i < text.length) {
      while (i < text.length && /\s/.test(text[i]!)) i++;
      if (i >= text.length) break;
      const end = endOfJsonValue(text, i);
      values.push(JSON.parse(text.slice(i, end)));
      i = end;
    }
  } catch (e) {
    return { values, parseError: (e as Error).message };
  }
  return { values };
}

function endOfJsonValue(text: string, start: number): number {
  if (text[start] !== '{' && text[start] !== '[') {
    const m = /^[^\s{}[\]]+/.exec(text.slice(start));
    return start + (m ? m[0].length : 1);
  }
  let depth = 0;
  let inString = false;
  for (let i = start; i < text.length; i++) {
    const c = text[i];
    if (inString) {
      if (c === '\\') i++;
      else if (c === '"') inString = false;
    } else if (c === '"') inString = true;
    else if (c === '{' || c === '[') depth++;
    else if (c === '}' || c === ']') {
      depth--;
      if (depth === 0) return i + 1;
    }
  }
  throw new Error('unexpected EOF');
}
