/**
 * Shapes of the OpenAPI v3 data mk serves: the subset of JSON Schema that upstream Kubernetes documents use,
 * and the inputs the document builders take.
 */

/** An API group, version and kind, keyed as in `x-kubernetes-group-version-kind` (core group is `''`). */
export interface GroupVersionKind {
  group: string;
  version: string;
  kind: string;
}

/** One OpenAPI v3 schema object, as found in `components.schemas` and in properties. */
export interface OpenApiSchema {
  description?: string;
  type?: 'object' | 'array' | 'string' | 'integer' | 'number' | 'boolean';
  format?: string;
  properties?: Record<string, OpenApiSchema>;
  required?: string[];
  items?: OpenApiSchema;
  additionalProperties?: OpenApiSchema | boolean;
  allOf?: OpenApiSchema[];
  oneOf?: OpenApiSchema[];
  enum?: unknown[];
  $ref?: string;
  'x-kubernetes-group-version-kind'?: GroupVersionKind[];
  'x-kubernetes-preserve-unknown-fields'?: boolean;
}

/** A served resource type, as the per-group-version OpenAPI document needs it. */
export interface OpenApiKind {
  kind: string;
  /** Resource name in paths, e.g. `deployments`. */
  plural: string;
  namespaced: boolean;
  /** Subresources served under `{name}/`: status, scale, binding, eviction, log, exec, attach, portforward. */
  subresources: string[];
  /**
   * Discovery verbs of the main resource (get, list, create, update, patch, delete, deletecollection).
   * Omitted means all of them; e.g. `bindings` is create-only upstream.
   */
  verbs?: string[];
}

/** One HTTP operation of an OpenAPI v3 path item. */
export interface OpenApiOperation {
  description: string;
  operationId: string;
  parameters?: OpenApiParameter[];
  requestBody?: { content: Record<string, { schema: OpenApiSchema }>; required?: boolean };
  responses: Record<string, { description: string; content?: Record<string, { schema: OpenApiSchema }> }>;
  tags: string[];
  'x-kubernetes-action': string;
  'x-kubernetes-group-version-kind'?: GroupVersionKind;
}

/** An OpenAPI v3 parameter (path or query). */
export interface OpenApiParameter {
  name: string;
  in: 'path' | 'query';
  required?: boolean;
  schema: { type: 'string' | 'integer' | 'boolean'; uniqueItems: true };
}

/** One path item: operations by lower-case HTTP method, plus parameters shared by them. */
export type OpenApiPathItem = {
  parameters?: OpenApiParameter[];
} & Partial<Record<'get' | 'put' | 'post' | 'delete' | 'patch', OpenApiOperation>>;

/** The OpenAPI v3 document of one group version, as served at `/openapi/v3/apis/<group>/<version>`. */
export interface OpenApiDocument {
  openapi: string;
  info: { title: string; version: string };
  paths: Record<string, OpenApiPathItem>;
  components: { schemas: Record<string, OpenApiSchema> };
}

/** The discovery document at `/openapi/v3`. */
export interface OpenApiV3Root {
  paths: Record<string, { serverRelativeURL: string }>;
}
