/**
 * `explain` rendering: kubectl 1.32's plaintext layout (explain v2, `--output=plaintext`) computed from a
 * group version's OpenAPI v3 document, as a pure function. The traversal mirrors kubectl's template:
 * fields follow properties, then array items, then map values, then allOf alternatives; `$ref` cycles stop
 * the walk; fields are listed in name order.
 */
import { descriptionText, enumText, indent, mapValues, resolveRef, truthy, typeGuess } from './explain-schema';
import type { OpenApiDocument, OpenApiSchema } from './types';
import { wrapString } from './wordwrap';

/** Options of `explain`. */
export interface ExplainOptions {
  /** `--recursive`: list nested fields as a tree, without descriptions. */
  recursive?: boolean;
}

/**
 * What kubectl prints: `lines` go to stdout (print each followed by a newline); when `error` is set, kubectl
 * prints `error: <error>` after them and exits 1.
 */
export interface ExplainResult {
  lines: string[];
  error?: string;
}

/** Renders `explain <resource>[.field...]` for the kind `group/version/kind` found in `doc`. */
export function explainLines(
  doc: OpenApiDocument,
  group: string,
  version: string,
  kind: string,
  fieldPath: string[],
  options: ExplainOptions = {},
): ExplainResult {
  let text = group ? `GROUP:      ${group}\n` : '';
  text += `KIND:       ${kind}\nVERSION:    ${version}\n\n`;

  const schema = findKindSchema(doc, group, version, kind);
  if (!schema) {
    return { lines: toLines(text), error: `GVK map[group:${group} kind:${kind} version:${version}] not found in OpenAPI schema` };
  }
  const body = new Renderer(doc, options.recursive ?? false).output(schema, fieldPath, new Set());
  if (!body) {
    return { lines: toLines(text), error: `field "${fieldPath[fieldPath.length - 1]}" does not exist` };
  }
  return { lines: toLines(`${text}${body}\n`) };
}

/** The field path of an explain argument: `pods.spec.containers` → [spec, containers]; accepts `deployments.apps.spec`. */
export function explainFieldPath(argument: string, resource: string, group: string): string[] {
  const input = argument.replace(/\.$/, '');
  const groupResource = group ? `${resource}.${group}` : resource;
  const rest = input.startsWith(`${groupResource}.`) || input === groupResource
    ? input.slice(groupResource.length)
    : input.slice(input.indexOf('.') < 0 ? input.length : input.indexOf('.'));
  return rest.split('.').filter((p) => p !== '');
}

/** The first schema (in name order, as kubectl ranges over the map) carrying the GVK. */
function findKindSchema(doc: OpenApiDocument, group: string, version: string, kind: string): OpenApiSchema | undefined {
  const schemas = doc.components?.schemas ?? {};
  for (const name of Object.keys(schemas).sort()) {
    const gvks = schemas[name]['x-kubernetes-group-version-kind'];
    if (gvks?.some((g) => g.group === group && g.version === version && g.kind === kind)) return schemas[name];
  }
  return undefined;
}

function toLines(text: string): string[] {
  return (text.endsWith('\n') ? text.slice(0, -1) : text).split('\n');
}

class Renderer {
  constructor(private readonly doc: OpenApiDocument, private readonly recursive: boolean) {}

  /** Follows the field path; at its end prints DESCRIPTION and FIELDS. Empty when the path does not exist. */
  output(schema: OpenApiSchema, fieldPath: string[], history: Set<string>): string {
    const ref = schema.$ref ?? '';
    const resolved = resolveRef(ref, this.doc) ?? schema;
    if (fieldPath.length === 0) {
      let out = 'DESCRIPTION:\n';
      out += `${indent(4, wrapString(descriptionText(resolved, this.doc) || '<empty>', 76))}\n`;
      const fields = this.fieldList(resolved, 1, new Set());
      if (fields) out += `FIELDS:\n${fields}`;
      return out;
    }
    if (ref && history.has(ref)) return '';
    const next = new Set(history).add(ref);
    const field = truthy(resolved.properties) ? resolved.properties![fieldPath[0]] : undefined;
    if (truthy(field)) {
      let out = '';
      if (fieldPath.length === 1) {
        out += `FIELD: ${fieldPath[0]} <${typeGuess(field!, this.doc)}>\n${enumText(field!, true)}\n\n`;
      }
      return out + this.output(field!, fieldPath.slice(1), new Set());
    }
    if (truthy(resolved.items)) return this.output(resolved.items!, fieldPath, next);
    const values = mapValues(resolved);
    if (values) return this.output(values, fieldPath, next);
    for (const alternative of resolved.allOf ?? []) {
      const out = this.output(alternative, fieldPath, next);
      if (out) return out;
    }
    return '';
  }

  /** The FIELDS list of a schema: its properties, then those of what it wraps. */
  private fieldList(schema: OpenApiSchema, level: number, history: Set<string>): string {
    const ref = schema.$ref ?? '';
    if (ref && history.has(ref)) return '';
    const next = new Set(history).add(ref);
    const resolved = resolveRef(ref, this.doc) ?? schema;
    let out = '';
    for (const name of Object.keys(resolved.properties ?? {}).sort()) {
      out += this.fieldDetail(name, resolved, level);
      if (this.recursive) out += this.fieldList(resolved.properties![name], level + 1, next);
    }
    for (const alternative of resolved.allOf ?? []) out += this.fieldList(alternative, level, next);
    if (truthy(resolved.items)) out += this.fieldList(resolved.items!, level, next);
    const values = mapValues(resolved);
    if (values) out += this.fieldList(values, level, next);
    return out;
  }

  /** `  name\t<type> -required-` and, unless recursive, the wrapped description and a blank line. */
  private fieldDetail(name: string, parent: OpenApiSchema, level: number): string {
    const indentAmount = level * 2;
    const field = parent.properties![name];
    let out = `${indent(indentAmount, name)}\t<${typeGuess(field, this.doc)}>`;
    if (parent.required?.includes(name)) out += ' -required-';
    out += `${enumText(field, false, indentAmount)}\n`;
    if (!this.recursive) {
      out += `${indent(indentAmount + 2, wrapString(field.description || '<no description>', 78 - indentAmount))}\n\n`;
    }
    return out;
  }
}
