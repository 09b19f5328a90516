/**
 * The API schema: strict field validation, the OpenAPI v3 documents served at `/openapi/v3`, and the
 * `explain` renderer reading them.
 */
export type {
  GroupVersionKind,
  OpenApiDocument,
  OpenApiKind,
  OpenApiOperation,
  OpenApiParameter,
  OpenApiPathItem,
  OpenApiSchema,
  OpenApiV3Root,
} from './types';
export { catalogKind, kindSchema, reachableSchemaNames, schemaCatalog } from './catalog';
export type { CatalogKind, SchemaCatalog } from './catalog';
export {
  goQuote,
  strictDecodingBadRequestMessage,
  strictDecodingErrors,
  strictDecodingMessage,
  unknownFields,
} from './unknown-fields';
export { groupVersionKey, openApiV3Document, openApiV3Root } from './openapi-document';
export { explainFieldPath, explainLines } from './explain';
export type { ExplainOptions, ExplainResult } from './explain';
