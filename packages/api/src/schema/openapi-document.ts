/**
 * The OpenAPI v3 documents the API server serves: the root at `/openapi/v3` listing one document per
 * group version, and each group version's document with its paths and every schema they reach.
 * Documents are pure functions of their inputs and memoised, since they are large and asked for on every
 * `kubectl apply`.
 */
import { catalogKind, reachableSchemaNames, schemaCatalog } from './catalog';
import { SUBRESOURCE_KINDS, groupVersionPaths } from './openapi-paths';
import type { GroupVersionKind, OpenApiDocument, OpenApiKind, OpenApiSchema, OpenApiV3Root } from './types';

const STATUS = 'io.k8s.apimachinery.pkg.apis.meta.v1.Status';
const DELETE_OPTIONS = 'io.k8s.apimachinery.pkg.apis.meta.v1.DeleteOptions';

/** The path key of a group version in the root document: `api/v1`, `apis/apps/v1`. */
export function groupVersionKey(group: string, version: string): string {
  return group ? `apis/${group}/${version}` : `api/${version}`;
}

/** The `/openapi/v3` document: one entry per served group version, each pointing at its document. */
export function openApiV3Root(groupVersions: { group: string; version: string }[], hash: string): OpenApiV3Root {
  const paths: OpenApiV3Root['paths'] = {};
  for (const { group, version } of groupVersions) {
    const key = groupVersionKey(group, version);
    paths[key] = { serverRelativeURL: `/openapi/v3/${key}?hash=${encodeURIComponent(hash)}` };
  }
  return { paths };
}

const documents = new Map<string, OpenApiDocument>();

/** The OpenAPI v3 document of one group version serving `kinds` (memoised per input). */
export function openApiV3Document(group: string, version: string, kinds: OpenApiKind[]): OpenApiDocument {
  const key = JSON.stringify([group, version, kinds]);
  let doc = documents.get(key);
  if (!doc) {
    doc = buildDocument(group, version, kinds);
    documents.set(key, doc);
  }
  return doc;
}

function buildDocument(group: string, version: string, kinds: OpenApiKind[]): OpenApiDocument {
  const schemaFor = (gvk: GroupVersionKind, list = false) => {
    const entry = catalogKind(gvk.group, gvk.version, gvk.kind);
    return list ? entry?.list : entry?.schema;
  };
  const roots = new Set([STATUS, DELETE_OPTIONS]);
  for (const k of kinds) {
    const gvks = [{ group, version, kind: k.kind }, ...k.subresources.flatMap((s) => SUBRESOURCE_KINDS[s] ?? [])];
    for (const gvk of gvks) {
      for (const name of [schemaFor(gvk), schemaFor(gvk, true)]) if (name) roots.add(name);
    }
  }
  const schemas: Record<string, OpenApiSchema> = {};
  for (const name of reachableSchemaNames(roots)) schemas[name] = componentSchema(name);
  return {
    openapi: '3.0.0',
    info: { title: 'Kubernetes', version: 'unversioned' },
    paths: groupVersionPaths(group, version, kinds, { schemaFor, status: STATUS, deleteOptions: DELETE_OPTIONS }),
    components: { schemas },
  };
}

const components = new Map<string, OpenApiSchema>();

/** A catalog schema as served: full `$ref`s, upstream's allOf wrapping, and its GVK if it is a kind. */
function componentSchema(name: string): OpenApiSchema {
  let out = components.get(name);
  if (!out) {
    out = toDocumentSchema(schemaCatalog().schemas.get(name)!);
    const gvk = gvkOfDefinition().get(name);
    if (gvk) out['x-kubernetes-group-version-kind'] = [gvk];
    components.set(name, out);
  }
  return out;
}

let gvkIndex: Map<string, GroupVersionKind> | undefined;
function gvkOfDefinition(): Map<string, GroupVersionKind> {
  if (!gvkIndex) {
    gvkIndex = new Map();
    for (const k of schemaCatalog().kinds) {
      gvkIndex.set(k.schema, { group: k.group, kind: k.kind, version: k.version });
      if (k.list) gvkIndex.set(k.list, { group: k.group, kind: `${k.kind}List`, version: k.version });
    }
  }
  return gvkIndex;
}

/**
 * Upstream's v3 documents reference nested schemas as `{"allOf":[{"$ref":...}],"description":...}` when the
 * property has its own description, and as a bare `{"$ref":...}` otherwise.
 */
export function toDocumentSchema(schema: OpenApiSchema): OpenApiSchema {
  const { $ref, properties, items, additionalProperties, ...rest } = schema;
  let out: OpenApiSchema;
  if ($ref) {
    const ref = { $ref: `#/components/schemas/${$ref}` };
    out = Object.keys(rest).length ? { allOf: [ref], ...rest } : ref;
  } else {
    out = { ...rest };
  }
  if (properties) out.properties = Object.fromEntries(Object.entries(properties).map(([k, v]) => [k, toDocumentSchema(v)]));
  if (items) out.items = toDocumentSchema(items);
  if (additionalProperties !== undefined) {
    out.additionalProperties = typeof additionalProperties === 'object' ? toDocumentSchema(additionalProperties) : additionalProperties;
  }
  return out;
}
