/** ApiError: a non-2xx answer from the API server, carrying the server's (or a synthesized) Status. */
import type { StatusJSON } from './types';

/** An API server error: `status` is the meta/v1 Status, `code` its HTTP code, `reason` its reason ('' if none). */
export class ApiError extends Error {
  readonly status: StatusJSON;
  readonly code: number;
  readonly reason: string;

  constructor(status: StatusJSON) {
    super(status.message ?? '');
    this.name = 'ApiError';
    this.status = status;
    this.code = status.code;
    this.reason = status.reason ?? '';
  }
}

/**
 * isApiError recognises an ApiError by shape as well as by class, because the CLI
 * and the daemon are separate bundles and each carries its own copy of the class.
 */
export function isApiError(err: unknown): err is ApiError {
  return err instanceof ApiError || (err instanceof Error && err.name === 'ApiError' && typeof (err as ApiError).status === 'object');
}

/** isNotFound is true for an ApiError with reason NotFound (or a 404 without a known reason). */
export function isNotFound(err: unknown): boolean {
  return isApiError(err) && (err.reason === 'NotFound' || (err.reason === '' && err.code === 404));
}

/** isAlreadyExists is true for an ApiError with reason AlreadyExists. */
export function isAlreadyExists(err: unknown): boolean {
  return isApiError(err) && err.reason === 'AlreadyExists';
}

/** isConflict is true for an ApiError with reason Conflict (or a 409 without a known reason). */
export function isConflict(err: unknown): boolean {
  return isApiError(err) && (err.reason === 'Conflict' || (err.reason === '' && err.code === 409));
}

/** isInvalid is true for an ApiError with reason Invalid (422). */
export function isInvalid(err: unknown): boolean {
  return isApiError(err) && (err.reason === 'Invalid' || (err.reason === '' && err.code === 422));
}

/** isForbidden is true for an ApiError with reason Forbidden (e.g. creating in a terminating namespace). */
export function isForbidden(err: unknown): boolean {
  return isApiError(err) && (err.reason === 'Forbidden' || (err.reason === '' && err.code === 403));
}

/**
 * isNamespaceTerminating is apierrors.HasStatusCause(err, NamespaceTerminating): a create refused because
 * its namespace is being deleted, which controllers treat as expected rather than as a failure to report.
 */
export function isNamespaceTerminating(err: unknown): boolean {
  return isApiError(err) && (err.status.details?.causes ?? []).some((c) => c.reason === 'NamespaceTerminating');
}

/**
 * addSourceToError prefixes an error with the file it came from, as kubectl's
 * AddSourceToErr does: `error when creating "pod.yaml": pods "x" already exists`.
 * ApiErrors stay ApiErrors (so the boundary still prints `Error from server (Reason): …`).
 */
export function addSourceToError(verb: string, source: string, err: unknown): unknown {
  if (!source) return err;
  const prefix = `error when ${verb} ${JSON.stringify(source)}: `;
  if (isApiError(err)) return new ApiError({ ...err.status, message: prefix + (err.status.message ?? '') });
  if (err instanceof Error) return new Error(prefix + err.message);
  return new Error(prefix + String(err));
}
