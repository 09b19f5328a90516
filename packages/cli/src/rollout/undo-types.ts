/** What `rollout undo` asks of each kind (polymorphichelpers Rollbacker). */
import type { ApiClient } from '@mk/client';
import type { DryRunStrategy } from '../mutate/dry-run';

/** The object to roll back. */
export interface RollbackTarget {
  namespace: string;
  name: string;
}

/**
 * Rolls one workload back to `toRevision` (0: the previous one); resolves to the operation kubectl
 * prints after the name: "rolled back", "skipped rollback (…)", or with --dry-run=client the Pod
 * Template it would restore.
 */
export type Rollbacker = (client: ApiClient, target: RollbackTarget, toRevision: number, dryRun: DryRunStrategy) => Promise<string>;

/** kubectl's operation after a successful rollback. */
export const ROLLED_BACK = 'rolled back';

/** kubectl's operation when the workload already runs the wanted revision. */
export function skippedRollback(toRevision: number): string {
  return `skipped rollback (current template already matches revision ${toRevision})`;
}

/** kubectl's revisionNotFoundErr. */
export function revisionNotFound(revision: number): Error {
  return new Error(`unable to find specified revision ${revision} in history`);
}

/** Go's `%v` of an error, for kubectl's wrapped messages. */
export function errorText(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}
