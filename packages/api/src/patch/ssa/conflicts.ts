/**
 * The 409 a conflicting server-side apply gets, worded as the API server words it
 * (`Apply failed with 1 conflict: conflict with "kubectl-client-side-apply" using apps/v1: .spec.replicas`).
 */
import { ConflictError, type ApplyConflictCause } from '../errors';
import { formatPath, type FieldPath } from './field-path';
import { describeManager, type ManagerFields } from './managed-fields';

/** The fields one other manager owns that the apply would change. */
export interface ManagerConflict {
  readonly owner: ManagerFields;
  readonly paths: FieldPath[];
}

/** Builds the ConflictError (message and per-field causes) for the given conflicts. */
export function conflictError(conflicts: ManagerConflict[]): ConflictError {
  const sorted = [...conflicts].sort((a, b) => compare(a.owner.manager, b.owner.manager) || compare(a.owner.operation, b.owner.operation));
  const causes: ApplyConflictCause[] = sorted.flatMap(({ owner, paths }) =>
    paths.map((path) => ({ type: 'FieldManagerConflict' as const, message: `conflict with ${describeManager(owner)}`, field: formatPath(path) })),
  );
  if (causes.length === 1) {
    return new ConflictError(`Apply failed with 1 conflict: ${causes[0].message}: ${causes[0].field}`, causes);
  }
  const lines = sorted.flatMap(({ owner, paths }) => [
    `conflicts with ${describeManager(owner)}:`,
    ...paths.map((path) => `- ${formatPath(path)}`),
  ]);
  return new ConflictError(`Apply failed with ${causes.length} conflicts: ${lines.join('\n')}`, causes);
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
