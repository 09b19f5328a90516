/**
 * Errors raised by the patch algorithms. The API server turns them into `Status` responses;
 * `code` says which HTTP status upstream answers with for the same failure.
 */

/** HTTP status the API server should answer a failed patch with. */
export type PatchErrorCode = 400 | 422 | 500;

/**
 * A patch that cannot be decoded (400 BadRequest), cannot be applied to the object
 * (422 Invalid, e.g. a failed JSON-patch `test`), or hits an internal merge error (500,
 * as upstream does for most strategic-merge-patch errors).
 */
export class PatchError extends Error {
  override readonly name = 'PatchError';
  constructor(
    message: string,
    readonly code: PatchErrorCode = 422,
  ) {
    super(message);
  }
}

/** One field a server-side apply would take from another manager (a `Status` cause). */
export interface ApplyConflictCause {
  /** Always `FieldManagerConflict`. */
  type: 'FieldManagerConflict';
  /** `conflict with "kubectl"` or `conflict with "kubectl-client-side-apply" using apps/v1`. */
  message: string;
  /** Field path as upstream prints it, e.g. `.spec.template.spec.containers[name="nginx"].image`. */
  field: string;
}

/** A server-side apply that conflicts with other managers (HTTP 409, reason `Conflict`). */
export class ConflictError extends Error {
  override readonly name = 'ConflictError';
  constructor(
    message: string,
    readonly causes: ApplyConflictCause[],
  ) {
    super(message);
  }
}
