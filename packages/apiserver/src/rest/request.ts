/** The parsed pieces of a REST request that every verb handler receives. */
import type { KindInfo, KObject } from '@mk/api';
import type { ServerContext } from '../context';
import { errors } from '../errors';
import type { FieldValidation } from '../admission/field-validation';

export interface RestRequest {
  ctx: ServerContext;
  info: KindInfo;
  namespace?: string;
  name?: string;
  subresource?: string;
  query: Record<string, string | undefined>;
  dryRun: boolean;
  fieldValidation: FieldValidation;
  /** Warnings to send back as `Warning: 299 - "..."` headers. */
  warnings: string[];
}

export interface RestResult {
  code: number;
  body: unknown;
  /** The body already serialized, when building it as an object would only be undone (a list of stored JSON). */
  json?: string;
}

/** Checks apiVersion/kind of a request body against the addressed resource. */
export function checkBodyType(req: RestRequest, obj: KObject, expectedKind = req.info.kind, expectedApiVersion = apiVersionOf(req.info)): void {
  if (!obj || typeof obj !== 'object' || Array.isArray(obj)) throw errors.badRequest('the body of the request was not a JSON object');
  if (obj.apiVersion !== undefined && obj.apiVersion !== expectedApiVersion) {
    throw errors.badRequest(`the API version in the data (${obj.apiVersion}) does not match the expected API version (${expectedApiVersion})`);
  }
  if (obj.kind !== undefined && obj.kind !== expectedKind) {
    throw errors.badRequest(`the kind in the data (${obj.kind}) does not match the expected kind (${expectedKind})`);
  }
}

import { apiVersionOf } from '@mk/api';

export { apiVersionOf };

/** Ensures apiVersion and kind are set on objects we return (dynamic clients need them). */
export function typed(info: KindInfo, obj: KObject): KObject {
  return { apiVersion: apiVersionOf(info), kind: info.kind, ...obj };
}

/** Checks the namespace in a body against the URL and fills it in (clears it for cluster-scoped kinds). */
export function reconcileNamespace(req: RestRequest, obj: KObject): void {
  const meta = (obj.metadata ??= {});
  if (!req.info.namespaced) {
    delete meta.namespace;
    return;
  }
  if (meta.namespace && req.namespace && meta.namespace !== req.namespace) {
    throw errors.badRequest('the namespace of the provided object does not match the namespace sent on the request');
  }
  if (!req.namespace) throw errors.badRequest('the server could not find the requested resource');
  meta.namespace = req.namespace;
}
