/**
 * upstream manageJob's decision, as a pure function: a suspended Job loses
 * its active pods; otherwise the Job wants min(parallelism, completions −
 * succeeded) pods (parallelism, or no new ones after a success, when
 * completions is unset). Surplus pods are deleted — deletions take
 * precedence over creations in one sync — and missing ones created once the
 * failure backoff allows.
 */
import type { Job } from 'kubernetes-types/batch/v1';
import type { Pod } from 'kubernetes-types/core/v1';
import { remainingBackoffMs, remainingIndexBackoffMs } from './backoff';
import type { JobSyncState } from './assess';
import { MAX_POD_CREATE_DELETE_PER_SYNC } from './constants';
import { duplicatedIndexPodsForRemoval, firstPendingIndexes } from './indexed';
import { completionsOf, hasBackoffLimitPerIndex, isIndexedJob, isJobSuspended, onlyReplaceFailedPods } from './job-facts';
import { newIndexedPods, newPods } from './new-pods';
import { compareActivePods } from './pod-facts';

export type ManagePlan =
  /** Delete these active pods (their tracking finalizer is removed first). */
  | { kind: 'delete'; pods: Readonly<Pod>[] }
  /** Create these pods. */
  | { kind: 'create'; pods: Pod[] }
  /** Pods are missing but the failure backoff has waitMs to run. */
  | { kind: 'backoff'; waitMs: number }
  | { kind: 'none' };

/**
 * Active pods to delete: for Indexed Jobs every pod without a valid index and
 * every repeat of an index, then the least advanced pods until rmAtLeast.
 */
export function activePodsForRemoval(job: Readonly<Job>, pods: readonly Readonly<Pod>[], rmAtLeast: number): Readonly<Pod>[] {
  let rm: Readonly<Pod>[] = [];
  let left: readonly Readonly<Pod>[] = pods;
  if (isIndexedJob(job)) ({ rm, left } = duplicatedIndexPodsForRemoval(pods, completionsOf(job) ?? 0));
  if (rm.length < rmAtLeast) rm = [...rm, ...[...left].sort(compareActivePods).slice(0, rmAtLeast - rm.length)];
  return rm;
}

/** How many pods the Job wants active. */
export function wantedActive(job: Readonly<Job>, active: number, succeeded: number): number {
  const parallelism = job.spec?.parallelism ?? 1;
  const completions = completionsOf(job);
  // No completions: run `parallelism` pods until one succeeds, then let the rest finish.
  if (completions === undefined) return succeeded > 0 ? active : parallelism;
  return Math.max(0, Math.min(parallelism, completions - succeeded));
}

/** Plans this sync's creations or deletions. */
export function planManage(state: JobSyncState, now: Date): ManagePlan {
  const { job, activePods } = state;
  const active = activePods.length;
  if (isJobSuspended(job)) {
    const pods = activePodsForRemoval(job, activePods, active);
    return pods.length ? { kind: 'delete', pods } : { kind: 'none' };
  }
  const want = wantedActive(job, active, state.succeeded);
  const rm = activePodsForRemoval(job, activePods, Math.max(0, active - want)).slice(0, MAX_POD_CREATE_DELETE_PER_SYNC);
  if (rm.length) return { kind: 'delete', pods: rm };

  // With podReplacementPolicy Failed, pods still terminating hold their place.
  const terminating = onlyReplaceFailedPods(job) ? state.terminating : 0;
  let diff = want - terminating - active;
  if (diff <= 0) return { kind: 'none' };
  if (!hasBackoffLimitPerIndex(job)) {
    const waitMs = remainingBackoffMs(state.newBackoffRecord, now);
    if (waitMs > 0) return { kind: 'backoff', waitMs };
  }
  diff = Math.min(diff, MAX_POD_CREATE_DELETE_PER_SYNC);
  if (!isIndexedJob(job)) return { kind: 'create', pods: newPods(job, diff) };

  let indexes = firstPendingIndexes(state, diff, completionsOf(job) ?? 0);
  if (hasBackoffLimitPerIndex(job)) {
    // Each index backs off on its own: create the ones that may start; otherwise wait for the soonest.
    const waits = indexes.map((ix) => remainingIndexBackoffMs(state.delayedDeletion.get(ix), now));
    const ready = indexes.filter((_, i) => waits[i] === 0);
    if (!ready.length && indexes.length) return { kind: 'backoff', waitMs: Math.min(...waits) };
    indexes = ready;
  }
  return indexes.length ? { kind: 'create', pods: newIndexedPods(job, indexes, state.delayedDeletion) } : { kind: 'none' };
}
