/**
 * The schema catalog: every type reachable from the kinds mk serves, loaded from the generated
 * `k8s-schema.json` (see scripts/gen-schema.mjs). In the catalog `$ref`s are bare definition names
 * (`io.k8s.api.core.v1.PodSpec`); documents served to clients prefix them with `#/components/schemas/`.
 */
import raw from './k8s-schema.json';
import type { GroupVersionKind, OpenApiSchema } from './types';

/** A served kind and the definitions holding its schema and its list's schema. */
export interface CatalogKind extends GroupVersionKind {
  schema: string;
  list?: string;
}

/** The loaded catalog. */
export interface SchemaCatalog {
  kinds: readonly CatalogKind[];
  schemas: ReadonlyMap<string, OpenApiSchema>;
}

/** The file stores repeated descriptions once, in `texts`, and refers to them by index. */
type StoredSchema = Omit<OpenApiSchema, 'description' | 'properties' | 'items' | 'additionalProperties'> & {
  description?: string | number;
  properties?: Record<string, StoredSchema>;
  items?: StoredSchema;
  additionalProperties?: StoredSchema | boolean;
};

interface StoredCatalog {
  texts: string[];
  kinds: CatalogKind[];
  schemas: Record<string, StoredSchema>;
}

let loaded: SchemaCatalog | undefined;

/** The catalog, expanded on first use. */
export function schemaCatalog(): SchemaCatalog {
  if (!loaded) loaded = expand(raw as unknown as StoredCatalog);
  return loaded;
}

function expand(stored: StoredCatalog): SchemaCatalog {
  const text = (d: string | number | undefined) => (typeof d === 'number' ? stored.texts[d] : d);
  const expandSchema = (s: StoredSchema): OpenApiSchema => {
    const out: OpenApiSchema = { ...(s as OpenApiSchema) };
    const description = text(s.description);
    if (description === undefined) delete out.description;
    else out.description = description;
    if (s.properties) {
      out.properties = Object.fromEntries(Object.entries(s.properties).map(([k, v]) => [k, expandSchema(v)]));
    }
    if (s.items) out.items = expandSchema(s.items);
    if (s.additionalProperties && typeof s.additionalProperties === 'object') {
      out.additionalProperties = expandSchema(s.additionalProperties);
    }
    return out;
  };
  const schemas = new Map(Object.entries(stored.schemas).map(([name, s]) => [name, expandSchema(s)]));
  return { kinds: stored.kinds, schemas };
}

/** The catalog entry of a served kind, if the catalog has it. */
export function catalogKind(group: string, version: string, kind: string): CatalogKind | undefined {
  return schemaCatalog().kinds.find((k) => k.group === group && k.version === version && k.kind === kind);
}

/** The schema of a served kind (refs are bare names), if the catalog has it. */
export function kindSchema(group: string, version: string, kind: string): OpenApiSchema | undefined {
  const entry = catalogKind(group, version, kind);
  return entry ? schemaCatalog().schemas.get(entry.schema) : undefined;
}

/** Names of the definitions referenced directly by a schema (through properties, items, maps, allOf). */
export function directRefs(schema: OpenApiSchema): string[] {
  const refs: string[] = [];
  const visit = (s: OpenApiSchema) => {
    if (s.$ref) refs.push(s.$ref);
    for (const p of Object.values(s.properties ?? {})) visit(p);
    if (s.items) visit(s.items);
    if (s.additionalProperties && typeof s.additionalProperties === 'object') visit(s.additionalProperties);
    for (const a of s.allOf ?? []) visit(a);
  };
  visit(schema);
  return refs;
}

/** The given definitions and every definition they reach, sorted by name. */
export function reachableSchemaNames(roots: Iterable<string>): string[] {
  const { schemas } = schemaCatalog();
  const seen = new Set<string>();
  const stack = [...roots];
  while (stack.length) {
    const name = stack.pop()!;
    if (seen.has(name)) continue;
    const schema = schemas.get(name);
    if (!schema) throw new Error(`schema catalog has no definition ${name}`);
    seen.add(name);
    stack.push(...directRefs(schema));
  }
  return [...seen].sort();
}
