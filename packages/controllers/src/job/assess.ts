/**
 * The first half of upstream syncJob, as a pure function: from the Job and
 * its pods, what is active, what newly finished, the counters, the failure
 * streak, and whether the Job has met a terminal criterion (FailureTarget or
 * SuccessCriteriaMet) — before anything is created or deleted.
 */
import type { Job, JobCondition } from 'kubernetes-types/batch/v1';
import type { Pod } from 'kubernetes-types/core/v1';
import { isPodReady } from '../framework/pods';
import { rfc3339 } from '../framework/time';
import { nextBackoffRecord, type BackoffRecord } from './backoff';
import { completionIndexOf } from './completion-index';
import {
  FAILURE_TARGET,
  MESSAGE_BACKOFF_LIMIT_EXCEEDED,
  MESSAGE_DEADLINE_EXCEEDED,
  MESSAGE_FAILED_INDEXES,
  MESSAGE_MAX_FAILED_INDEXES_EXCEEDED,
  REASON_BACKOFF_LIMIT_EXCEEDED,
  REASON_DEADLINE_EXCEEDED,
  REASON_FAILED_INDEXES,
  REASON_MAX_FAILED_INDEXES_EXCEEDED,
  REASON_POD_FAILURE_POLICY,
  REASON_SUCCESS_POLICY,
  SUCCESS_CRITERIA_MET,
} from './constants';
import { deadlineLeftMs, failJobMessage, pastBackoffLimitOnFailure } from './failure-criteria';
import { calculateFailedIndexes, calculateSucceededIndexes, podsWithDelayedDeletionPerIndex } from './indexed';
import { intervalsTotal, type Interval } from './intervals';
import { failureTarget, newJobCondition, terminalConditionFor } from './job-conditions';
import { findJobCondition, hasBackoffLimitPerIndex, isIndexedJob, isJobSuspended } from './job-facts';
import { matchPodFailurePolicy } from './pod-failure-policy';
import { hasTrackingFinalizer, isPodActive, isPodFailed, isPodTerminating } from './pod-facts';
import { matchSuccessPolicy } from './success-policy';

export interface AssessInput {
  /** A private copy of the Job: assess sets status.startTime and uncountedTerminatedPods on it. */
  job: Job;
  /** The Job's pods (claimed: controlled by it and matching its selector). */
  pods: readonly Readonly<Pod>[];
  now: Date;
  /** Pods whose finalizer removal this controller is still waiting to observe. */
  expectedRmFinalizers: ReadonlySet<string>;
  /** The failure streak remembered from earlier syncs. */
  backoff?: BackoffRecord;
}

/** Everything the rest of a sync works from (upstream syncJobCtx). */
export interface JobSyncState {
  job: Job;
  pods: readonly Readonly<Pod>[];
  activePods: readonly Readonly<Pod>[];
  ready: number;
  terminating: number;
  /** UIDs in .status.uncountedTerminatedPods at the start of the sync. */
  uncounted: { succeeded: ReadonlySet<string>; failed: ReadonlySet<string> };
  expectedRmFinalizers: ReadonlySet<string>;
  succeeded: number;
  failed: number;
  newBackoffRecord: BackoffRecord;
  /** A terminal criterion met: FailureTarget/SuccessCriteriaMet to add, or Failed when FailureTarget is already there. */
  finishedCondition?: JobCondition;
  prevSucceededIndexes: Interval[];
  succeededIndexes: Interval[];
  /** Only with backoffLimitPerIndex. */
  failedIndexes?: Interval[];
  delayedDeletion: Map<number, Readonly<Pod>>;
  /** When activeDeadlineSeconds will run out (ms from now), to look again then. */
  deadlineInMs?: number;
}

/**
 * Finished, still-tracked pods not yet in the given uncounted set or awaiting
 * finalizer removal (and, for Indexed Jobs, with a valid index).
 */
function newlyFinished(job: Readonly<Job>, pods: readonly Readonly<Pod>[], uncounted: ReadonlySet<string>, expectedRm: ReadonlySet<string>, filter: (p: Readonly<Pod>) => boolean): Readonly<Pod>[] {
  const completions = job.spec?.completions ?? 0;
  return pods.filter((p) => {
    const uid = p.metadata?.uid ?? '';
    if (!hasTrackingFinalizer(p) || uncounted.has(uid) || expectedRm.has(uid)) return false;
    if (isIndexedJob(job)) {
      const ix = completionIndexOf(p);
      if (ix === undefined || ix >= completions) return false;
    }
    return filter(p);
  });
}

/** Assesses the Job; see the file comment. */
export function assessJob(input: AssessInput): JobSyncState {
  const { job, pods, now, expectedRmFinalizers } = input;
  const status = (job.status ??= {});
  status.uncountedTerminatedPods ??= {};
  const uncounted = { succeeded: new Set(status.uncountedTerminatedPods.succeeded ?? []), failed: new Set(status.uncountedTerminatedPods.failed ?? []) };
  const activePods = pods.filter(isPodActive);
  const newSucceeded = newlyFinished(job, pods, uncounted.succeeded, expectedRmFinalizers, (p) => p.status?.phase === 'Succeeded');
  const newFailed = newlyFinished(job, pods, uncounted.failed, expectedRmFinalizers, (p) => isPodFailed(p, job));
  const counted = newFailed.filter((p) => matchPodFailurePolicy(job.spec?.podFailurePolicy, p).countFailed).length;

  // First start (and not while suspended): the clock of activeDeadlineSeconds starts here.
  if (!status.startTime && !isJobSuspended(job)) status.startTime = rfc3339(now);

  const state: JobSyncState = {
    job,
    pods,
    activePods,
    ready: activePods.filter(isPodReady).length,
    terminating: pods.filter(isPodTerminating).length,
    uncounted,
    expectedRmFinalizers,
    succeeded: (status.succeeded ?? 0) + newSucceeded.length + uncounted.succeeded.size,
    failed: (status.failed ?? 0) + counted + uncounted.failed.size,
    newBackoffRecord: nextBackoffRecord(input.backoff, newSucceeded, newFailed),
    prevSucceededIndexes: [],
    succeededIndexes: [],
    delayedDeletion: new Map(),
  };

  // A SuccessCriteriaMet condition already written settles the outcome: failure policies are not looked at again.
  const criteriaMet = findJobCondition(status.conditions, SUCCESS_CRITERIA_MET);
  if (criteriaMet?.status === 'True') state.finishedCondition = criteriaMet;
  if (!state.finishedCondition) {
    const target = findJobCondition(status.conditions, FAILURE_TARGET);
    const failJob = target?.status === 'True' ? undefined : failJobMessage(job, pods);
    if (target?.status === 'True') state.finishedCondition = terminalConditionFor(target, now);
    else if (failJob) state.finishedCondition = failureTarget(REASON_POD_FAILURE_POLICY, failJob, now);
  }
  if (!state.finishedCondition) {
    const left = deadlineLeftMs(job, now);
    if (state.failed > (job.spec?.backoffLimit ?? 6) || pastBackoffLimitOnFailure(job, pods)) {
      state.finishedCondition = failureTarget(REASON_BACKOFF_LIMIT_EXCEEDED, MESSAGE_BACKOFF_LIMIT_EXCEEDED, now);
    } else if (left !== undefined && left <= 0) {
      state.finishedCondition = failureTarget(REASON_DEADLINE_EXCEEDED, MESSAGE_DEADLINE_EXCEEDED, now);
    } else if (left !== undefined) {
      state.deadlineInMs = left;
    }
  }

  if (isIndexedJob(job)) assessIndexes(state, now);
  return state;
}

/** The Indexed part: succeeded (and failed) indexes, per-index failure conditions, the success policy. */
function assessIndexes(state: JobSyncState, now: Date): void {
  const { job, pods } = state;
  const completions = job.spec?.completions ?? 0;
  const { prev, all } = calculateSucceededIndexes(job, pods);
  state.prevSucceededIndexes = prev;
  state.succeededIndexes = all;
  state.succeeded = intervalsTotal(all);
  if (hasBackoffLimitPerIndex(job)) {
    const failedIndexes = calculateFailedIndexes(job, pods);
    state.failedIndexes = failedIndexes;
    if (!state.finishedCondition) {
      const failedCount = intervalsTotal(failedIndexes);
      const max = job.spec?.maxFailedIndexes;
      if (max !== undefined && max !== null && failedCount > max) {
        state.finishedCondition = failureTarget(REASON_MAX_FAILED_INDEXES_EXCEEDED, MESSAGE_MAX_FAILED_INDEXES_EXCEEDED, now);
      } else if (failedCount > 0 && failedCount + intervalsTotal(all) >= completions) {
        state.finishedCondition = failureTarget(REASON_FAILED_INDEXES, MESSAGE_FAILED_INDEXES, now);
      }
    }
    state.delayedDeletion = podsWithDelayedDeletionPerIndex({ job, pods, activePods: state.activePods, expectedRmFinalizers: state.expectedRmFinalizers, succeededIndexes: all, failedIndexes });
  }
  if (!state.finishedCondition) {
    const message = matchSuccessPolicy(job.spec?.successPolicy, completions, all);
    if (message) state.finishedCondition = newJobCondition(SUCCESS_CRITERIA_MET, 'True', REASON_SUCCESS_POLICY, message, now);
  }
}
