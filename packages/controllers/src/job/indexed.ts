/**
 * Indexed Job bookkeeping (upstream indexed_job_utils.go): which indexes
 * succeeded or failed, which are still pending, which pods repeat an index,
 * and — with backoffLimitPerIndex — which failed pod an index's replacement
 * must inherit its failure count from.
 */
import type { Job } from 'kubernetes-types/batch/v1';
import type { Pod } from 'kubernetes-types/core/v1';
import { completionIndexOf, completionIndexSortKey, indexAbsoluteFailureCount, indexFailureCount } from './completion-index';
import { intervalsHave, mergeIntervals, parseIntervals, withIndexes, type Interval, type Intervals } from './intervals';
import { onlyReplaceFailedPods } from './job-facts';
import { matchPodFailurePolicy } from './pod-failure-policy';
import { compareActivePods, hasTrackingFinalizer, isPodFailed, isPodTerminating, podFinishedTime } from './pod-facts';

const sortedUnique = (values: Iterable<number>) => [...new Set(values)].sort((a, b) => a - b);

/** A valid index of this Job: present and below completions. */
function validIndex(pod: Readonly<Pod>, completions: number): number | undefined {
  const ix = completionIndexOf(pod);
  return ix !== undefined && ix < completions ? ix : undefined;
}

/** The indexes in .status.completedIndexes, and those plus the indexes of newly succeeded, still-tracked pods. */
export function calculateSucceededIndexes(job: Readonly<Job>, pods: readonly Readonly<Pod>[]): { prev: Interval[]; all: Interval[] } {
  const completions = job.spec?.completions ?? 0;
  const prev = parseIntervals(job.status?.completedIndexes, completions);
  const fresh = pods.filter((p) => p.status?.phase === 'Succeeded' && hasTrackingFinalizer(p)).map((p) => validIndex(p, completions));
  return { prev, all: withIndexes(prev, sortedUnique(fresh.filter((ix): ix is number => ix !== undefined))) };
}

/** Whether the pod's failure uses up its index: a FailIndex rule, or a counted failure at backoffLimitPerIndex. */
export function isIndexFailed(job: Readonly<Job>, pod: Readonly<Pod>): boolean {
  if (!isPodFailed(pod, job)) return false;
  let counted = true;
  if (job.spec?.podFailurePolicy) {
    const match = matchPodFailurePolicy(job.spec.podFailurePolicy, pod);
    if (match.action === 'FailIndex') return true;
    counted = match.countFailed;
  }
  return counted && indexFailureCount(pod) >= (job.spec?.backoffLimitPerIndex ?? 0);
}

/** The indexes in .status.failedIndexes plus those whose still-tracked pods just failed them. */
export function calculateFailedIndexes(job: Readonly<Job>, pods: readonly Readonly<Pod>[]): Interval[] {
  const completions = job.spec?.completions ?? 0;
  const prev = parseIntervals(job.status?.failedIndexes ?? undefined, completions);
  const fresh = pods.filter((p) => hasTrackingFinalizer(p) && isIndexFailed(job, p)).map((p) => validIndex(p, completions));
  return withIndexes(prev, sortedUnique(fresh.filter((ix): ix is number => ix !== undefined)));
}

/** The completion indexes the pods hold. */
export function indexesOf(pods: readonly Readonly<Pod>[]): number[] {
  return sortedUnique(pods.map(completionIndexOf).filter((ix): ix is number => ix !== undefined));
}

export interface PendingIndexesInput {
  job: Readonly<Job>;
  pods: readonly Readonly<Pod>[];
  activePods: readonly Readonly<Pod>[];
  succeededIndexes: Intervals;
  failedIndexes?: Intervals;
}

/**
 * The first `count` indexes below completions not held by an active pod,
 * succeeded or failed — nor, when only failed pods are replaced, by a pod
 * still terminating.
 */
export function firstPendingIndexes(input: PendingIndexesInput, count: number, completions: number): number[] {
  if (count <= 0) return [];
  let taken = withIndexes(input.succeededIndexes, indexesOf(input.activePods));
  if (onlyReplaceFailedPods(input.job)) taken = withIndexes(taken, indexesOf(input.pods.filter(isPodTerminating)));
  if (input.failedIndexes) taken = mergeIntervals(taken, input.failedIndexes);
  const out: number[] = [];
  let candidate = 0;
  for (const iv of taken) {
    for (; candidate < completions && out.length < count && candidate < iv.first; candidate++) out.push(candidate);
    if (candidate < iv.last + 1) candidate = iv.last + 1;
  }
  for (; candidate < completions && out.length < count; candidate++) out.push(candidate);
  return out;
}

/**
 * Active pods that must go regardless of counts: those without an index or
 * beyond completions, and all but the most advanced pod of a repeated index.
 */
export function duplicatedIndexPodsForRemoval(pods: readonly Readonly<Pod>[], completions: number): { rm: Readonly<Pod>[]; left: Readonly<Pod>[] } {
  const rm: Readonly<Pod>[] = [];
  const left: Readonly<Pod>[] = [];
  const groups = new Map<number, Readonly<Pod>[]>();
  for (const pod of [...pods].sort((a, b) => completionIndexSortKey(a) - completionIndexSortKey(b))) {
    const ix = completionIndexOf(pod);
    if (ix === undefined || ix >= completions) rm.push(pod);
    else groups.set(ix, [...(groups.get(ix) ?? []), pod]);
  }
  for (const group of groups.values()) {
    const ordered = [...group].sort(compareActivePods);
    rm.push(...ordered.slice(0, -1));
    left.push(ordered[ordered.length - 1]);
  }
  return { rm, left };
}

export interface DelayedDeletionInput {
  job: Readonly<Job>;
  pods: readonly Readonly<Pod>[];
  activePods: readonly Readonly<Pod>[];
  expectedRmFinalizers: ReadonlySet<string>;
  succeededIndexes: Intervals;
  failedIndexes?: Intervals;
}

/**
 * Per index waiting for a replacement, the failed pod (latest, by failure
 * count then finish time) whose finalizer stays until the replacement is
 * created, so the replacement can carry the index's failure count forward.
 */
export function podsWithDelayedDeletionPerIndex(input: DelayedDeletionInput): Map<number, Readonly<Pod>> {
  const { job } = input;
  const completions = job.spec?.completions ?? 0;
  const active = new Set(indexesOf(input.activePods));
  const out = new Map<number, Readonly<Pod>>();
  for (const pod of input.pods) {
    if (!hasTrackingFinalizer(pod) || input.expectedRmFinalizers.has(pod.metadata?.uid ?? '') || !isPodFailed(pod, job)) continue;
    const ix = validIndex(pod, completions);
    if (ix === undefined || intervalsHave(input.succeededIndexes, ix) || intervalsHave(input.failedIndexes, ix) || active.has(ix)) continue;
    const last = out.get(ix);
    if (!last || (indexAbsoluteFailureCount(last) <= indexAbsoluteFailureCount(pod) && podFinishedTime(pod) >= podFinishedTime(last))) out.set(ix, pod);
  }
  return out;
}

/** The failure counts a replacement of `replaced` starts with (both 0 for an index's first pod). */
export function newIndexFailureCounts(job: Readonly<Job>, replaced: Readonly<Pod> | undefined): { failures: number; ignored: number } {
  if (!replaced) return { failures: 0, ignored: 0 };
  let failures = indexFailureCount(replaced);
  let ignored = indexAbsoluteFailureCount(replaced) - failures;
  if (job.spec?.podFailurePolicy && !matchPodFailurePolicy(job.spec.podFailurePolicy, replaced).countFailed) ignored++;
  else failures++;
  return { failures, ignored };
}
