/**
 * The one error catalogue: every failure the API server reports is a
 * Kubernetes `Status` built here, with upstream's reasons, codes and message
 * templates (k8s.io/apimachinery/pkg/api/errors), so kubectl prints exactly
 * what it prints against a real cluster.
 */
import { qualifiedResource } from '@mk/api';

export interface StatusCause {
  reason?: string;
  message?: string;
  field?: string;
}

export interface StatusDetails {
  name?: string;
  group?: string;
  kind?: string;
  uid?: string;
  causes?: StatusCause[];
  retryAfterSeconds?: number;
}

export interface StatusBody {
  kind: 'Status';
  apiVersion: 'v1';
  metadata: Record<string, never>;
  status: 'Failure' | 'Success';
  message: string;
  reason?: string;
  details?: StatusDetails;
  code: number;
}

/** An error that renders as a Status response. */
export class StatusError extends Error {
  constructor(
    readonly code: number,
    readonly reason: string,
    message: string,
    readonly details?: StatusDetails,
  ) {
    super(message);
    this.name = 'StatusError';
  }

  toStatus(): StatusBody {
    const body: StatusBody = { kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Failure', message: this.message, code: this.code };
    if (this.reason) body.reason = this.reason;
    if (this.details) body.details = this.details;
    return body;
  }
}

/** Group-qualified resource as upstream prints it: `pods`, `deployments.apps`. */
export interface Resource {
  group: string;
  plural: string;
}

const detailsFor = (r: Resource, name: string): StatusDetails => (r.group ? { name, group: r.group, kind: r.plural } : { name, kind: r.plural });

export const errors = {
  notFound: (r: Resource, name: string) => new StatusError(404, 'NotFound', `${qualifiedResource(r)} "${name}" not found`, detailsFor(r, name)),
  alreadyExists: (r: Resource, name: string) =>
    new StatusError(409, 'AlreadyExists', `${qualifiedResource(r)} "${name}" already exists`, detailsFor(r, name)),
  conflict: (r: Resource, name: string, why = 'the object has been modified; please apply your changes to the latest version and try again') =>
    new StatusError(409, 'Conflict', `Operation cannot be fulfilled on ${qualifiedResource(r)} "${name}": ${why}`, detailsFor(r, name)),
  /** 422 with causes; `message` is the full upstream text (`Pod "x" is invalid: …`). */
  invalid: (kindForDetails: string, group: string, name: string, message: string, causes: StatusCause[]) =>
    new StatusError(422, 'Invalid', message, { name, ...(group ? { group } : {}), kind: kindForDetails, causes }),
  badRequest: (message: string) => new StatusError(400, 'BadRequest', message),
  unauthorized: () => new StatusError(401, 'Unauthorized', 'Unauthorized'),
  forbidden: (r: Resource, name: string, why: string, causes?: StatusCause[]) =>
    new StatusError(403, 'Forbidden', `${qualifiedResource(r)} "${name}" is forbidden: ${why}`, { ...detailsFor(r, name), ...(causes ? { causes } : {}) }),
  forbiddenMessage: (message: string, details?: StatusDetails) => new StatusError(403, 'Forbidden', message, details),
  notFoundPath: () => new StatusError(404, 'NotFound', 'the server could not find the requested resource', {}),
  methodNotSupported: (r: Resource, action: string) =>
    new StatusError(405, 'MethodNotAllowed', `${action} is not supported on resources of kind "${qualifiedResource(r)}"`, { group: r.group || undefined, kind: r.plural }),
  notAcceptable: (accept: string) => new StatusError(406, 'NotAcceptable', `only the following media types are accepted: application/json, application/yaml, application/json;as=Table;v=v1;g=meta.k8s.io (not ${accept})`),
  unsupportedMediaType: (contentType: string, extra = '') =>
    new StatusError(415, 'UnsupportedMediaType', `the body of the request was in an unknown format - accepted media types include: application/json, application/yaml, application/apply-patch+yaml, application/json-patch+json, application/merge-patch+json, application/strategic-merge-patch+json (got ${contentType})${extra}`),
  tooLarge: (limit: number) => new StatusError(413, 'RequestEntityTooLarge', `Request entity too large: limit is ${limit}`),
  expired: (message: string) => new StatusError(410, 'Expired', message),
  gone: (message: string) => new StatusError(410, 'Gone', message),
  internal: (message: string) =>
    new StatusError(500, 'InternalError', `Internal error occurred: ${message}`, { causes: [{ message }] }),
  timeout: (message: string) => new StatusError(504, 'Timeout', message),
};

/** Anything thrown in a handler becomes a StatusError (unknown errors are 500 InternalError). */
export function toStatusError(err: unknown): StatusError {
  if (err instanceof StatusError) return err;
  const e = err as { statusCode?: number; code?: string; message?: string };
  if (e && e.code === 'FST_ERR_CTP_BODY_TOO_LARGE') return errors.tooLarge(3 * 1024 * 1024);
  if (e && e.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE') return errors.unsupportedMediaType(String(e.message ?? ''));
  if (e && typeof e.statusCode === 'number' && e.statusCode >= 400 && e.statusCode < 500) return errors.badRequest(e.message ?? 'bad request');
  return errors.internal(e?.message ?? String(err));
}
