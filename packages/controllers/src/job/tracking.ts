/**
 * Job tracking with finalizers (upstream trackJobStatusAndRemoveFinalizers),
 * the pure steps. A finished pod is counted exactly once, even if it is
 * deleted meanwhile:
 *   1. its UID goes into .status.uncountedTerminatedPods (written first);
 *   2. then its job-tracking finalizer is removed;
 *   3. UIDs whose pods no longer carry the finalizer move to succeeded/failed.
 * Indexed Jobs record succeeded indexes in completedIndexes instead of UIDs.
 * The terminal condition comes last (finish.ts), once nothing is uncounted or terminating.
 */
import type { JobCondition, JobStatus } from 'kubernetes-types/batch/v1';
import type { Pod } from 'kubernetes-types/core/v1';
import type { JobSyncState } from './assess';
import { completionIndexOf, completionIndexSortKey } from './completion-index';
import { FAILURE_TARGET, MAX_UNCOUNTED_PODS } from './constants';
import { intervalsHave, intervalsToString, intervalsTotal, withIndexes } from './intervals';
import { isSuccessCriteriaMet, terminalConditionFor } from './job-conditions';
import { findJobCondition, hasBackoffLimitPerIndex, isIndexedJob } from './job-facts';
import { matchPodFailurePolicy } from './pod-failure-policy';
import { hasTrackingFinalizer, isPodFailed } from './pod-facts';

export interface TrackingPlan {
  /** Pods whose tracking finalizer to remove (after flushing the status when needsFlush). */
  podsToRemoveFinalizer: Readonly<Pod>[];
  /** UIDs of pods still carrying the finalizer (and not expected to lose it): uncounted entries to keep. */
  uidsWithFinalizer: Set<string>;
  needsFlush: boolean;
  /** The uncounted lists are full: the Job cannot finish in this sync. */
  reachedMaxUncounted: boolean;
  /** The terminal condition (Complete or Failed) to add once nothing is uncounted or terminating. */
  terminalCondition?: JobCondition;
}

/**
 * cleanUncountedPodsWithoutFinalizers: UIDs whose pods lost the finalizer
 * leave the uncounted lists and are added to the counters. True if anything moved.
 */
export function countPodsWithoutFinalizers(status: JobStatus, uidsWithFinalizer: ReadonlySet<string>): boolean {
  const uncounted = (status.uncountedTerminatedPods ??= {});
  let changed = false;
  const keep = (uids: string[] | undefined) => (uids ?? []).filter((uid) => uidsWithFinalizer.has(uid));
  const succeeded = keep(uncounted.succeeded);
  if (succeeded.length !== (uncounted.succeeded ?? []).length) {
    status.succeeded = (status.succeeded ?? 0) + (uncounted.succeeded ?? []).length - succeeded.length;
    uncounted.succeeded = succeeded;
    changed = true;
  }
  const failed = keep(uncounted.failed);
  if (failed.length !== (uncounted.failed ?? []).length) {
    status.failed = (status.failed ?? 0) + (uncounted.failed ?? []).length - failed.length;
    uncounted.failed = failed;
    changed = true;
  }
  return changed;
}

/**
 * Whether the pod's finalizer may go: the Job is being deleted or has met a
 * terminal criterion, the pod succeeded, or it failed — unless it is the
 * failed pod of an index whose replacement must inherit its failure count.
 */
function canRemoveFinalizer(state: JobSyncState, pod: Readonly<Pod>, failed: boolean): boolean {
  if (state.job.metadata?.deletionTimestamp || state.finishedCondition || pod.status?.phase === 'Succeeded') return true;
  if (!failed) return false;
  if (hasBackoffLimitPerIndex(state.job)) {
    const ix = completionIndexOf(pod);
    if (ix !== undefined && state.delayedDeletion.get(ix)?.metadata?.uid === pod.metadata?.uid) return false;
  }
  return true;
}

/** Steps 1 and the bookkeeping of an interim condition; mutates state.job.status (a private copy). */
export function planTracking(state: JobSyncState, needsFlush: boolean, now: Date): TrackingPlan {
  const { job } = state;
  const status = job.status!;
  const uncounted = (status.uncountedTerminatedPods ??= {});
  uncounted.succeeded = [...(uncounted.succeeded ?? [])];
  uncounted.failed = [...(uncounted.failed ?? [])];
  const indexed = isIndexedJob(job);
  const completions = job.spec?.completions ?? 0;
  const pods = indexed ? [...state.pods].sort((a, b) => completionIndexSortKey(a) - completionIndexSortKey(b)) : state.pods;
  const tracked = (p: Readonly<Pod>) => hasTrackingFinalizer(p) && !state.expectedRmFinalizers.has(p.metadata?.uid ?? '');
  const uidsWithFinalizer = new Set(pods.filter(tracked).map((p) => p.metadata!.uid!));
  if (countPodsWithoutFinalizers(status, uidsWithFinalizer)) needsFlush = true;

  const podsToRemoveFinalizer: Readonly<Pod>[] = [];
  const newSucceededIndexes: number[] = [];
  // Once failure is decided, every unfinished pod counts as failed.
  const jobFailing = !!state.finishedCondition && !isSuccessCriteriaMet(state.finishedCondition);
  let reachedMaxUncounted = false;
  for (const pod of pods) {
    if (!tracked(pod)) continue;
    const uid = pod.metadata!.uid!;
    const failed = isPodFailed(pod, job);
    if (!canRemoveFinalizer(state, pod, failed)) continue;
    podsToRemoveFinalizer.push(pod);
    const ix = completionIndexOf(pod);
    if (pod.status?.phase === 'Succeeded' && !state.uncounted.failed.has(uid)) {
      if (indexed) {
        if (ix !== undefined && ix < completions && !intervalsHave(state.prevSucceededIndexes, ix)) {
          newSucceededIndexes.push(ix);
          needsFlush = true;
        }
      } else if (!state.uncounted.succeeded.has(uid)) {
        uncounted.succeeded.push(uid);
        needsFlush = true;
      }
    } else if (failed || jobFailing) {
      const validIndex = !indexed || (ix !== undefined && ix < completions);
      if (!state.uncounted.failed.has(uid) && validIndex && matchPodFailurePolicy(job.spec?.podFailurePolicy, pod).countFailed) {
        uncounted.failed.push(uid);
        needsFlush = true;
      }
    }
    if (newSucceededIndexes.length + uncounted.succeeded.length + uncounted.failed.length >= MAX_UNCOUNTED_PODS) {
      // Enough for one sync: the status and pod updates bring the Job back for the rest.
      reachedMaxUncounted = true;
      break;
    }
  }

  if (indexed) {
    state.succeededIndexes = withIndexes(state.succeededIndexes, [...new Set(newSucceededIndexes)].sort((a, b) => a - b));
    const completed = intervalsToString(state.succeededIndexes);
    if (completed !== (status.completedIndexes ?? '')) needsFlush = true;
    status.succeeded = intervalsTotal(state.succeededIndexes);
    status.completedIndexes = completed;
    const failedIndexes = state.failedIndexes ? intervalsToString(state.failedIndexes) : undefined;
    if (failedIndexes !== (status.failedIndexes ?? undefined)) {
      status.failedIndexes = failedIndexes;
      needsFlush = true;
    }
  }

  let terminalCondition: JobCondition | undefined = state.finishedCondition;
  if (terminalCondition?.type === FAILURE_TARGET) {
    // The interim condition is written before any finalizer goes, so the outcome survives a restart.
    status.conditions = [...(status.conditions ?? []), terminalCondition];
    needsFlush = true;
    terminalCondition = terminalConditionFor(terminalCondition, now);
  }
  if (isSuccessCriteriaMet(terminalCondition)) {
    if (findJobCondition(status.conditions, terminalCondition!.type)?.status !== 'True') {
      status.conditions = [...(status.conditions ?? []), terminalCondition!];
      needsFlush = true;
    }
    terminalCondition = terminalConditionFor(terminalCondition!, now);
  }
  return { podsToRemoveFinalizer, uidsWithFinalizer, needsFlush, reachedMaxUncounted, terminalCondition };
}
