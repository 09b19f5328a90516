/**
 * History cleanup (sync.go cleanupDeployment): keep the newest
 * revisionHistoryLimit old ReplicaSets for `rollout undo`; of the rest,
 * oldest revisions first, delete those fully scaled down and settled.
 */
import { parseTime } from '../framework/time';
import { MAX_INT32 } from './constants';
import type { D } from './fenceposts';
import { compareByCreation, replicasOf, type RS } from './replica-sets';
import { revisionOf } from './revision';

/** ReplicaSetsByRevision: lower revisions first; unparsable or equal revisions fall back to creation order. */
export function compareByRevision(a: RS, b: RS): number {
  const ra = revisionOf(a);
  const rb = revisionOf(b);
  if (ra === undefined || rb === undefined || ra === rb) return compareByCreation(a, b);
  return ra - rb;
}

/** The old ReplicaSets to delete now. Only the `excess` oldest are looked at: one still scaled up is kept, not replaced by a newer one. */
export function planCleanup(d: D, oldRSs: readonly RS[]): RS[] {
  const limit = d.spec?.revisionHistoryLimit;
  if (limit === undefined || limit === null || limit === MAX_INT32) return [];
  const cleanable = oldRSs.filter((rs) => !rs.metadata?.deletionTimestamp);
  const excess = cleanable.length - limit;
  if (excess <= 0) return [];
  return [...cleanable]
    .sort(compareByRevision)
    .slice(0, excess)
    .filter((rs) => {
      const settled = (rs.metadata?.generation ?? 0) <= (rs.status?.observedGeneration ?? 0);
      return (rs.status?.replicas ?? 0) === 0 && replicasOf(rs) === 0 && settled && parseTime(rs.metadata?.deletionTimestamp) === undefined;
    });
}
