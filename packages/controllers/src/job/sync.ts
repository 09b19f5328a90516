/**
 * One Job sync (upstream syncJob): assess, then either delete the remaining
 * active pods of a Job that met a terminal criterion or manage its pods,
 * then track finished pods and the status. Pure steps (assess, planManage,
 * planTracking, …) decide; this file only sequences their writes.
 */
import type { Job } from 'kubernetes-types/batch/v1';
import type { Pod } from 'kubernetes-types/core/v1';
import type { Clock } from '@mk/api';
import { refTo } from '../framework/events';
import type { Expectations } from '../framework/expectations';
import type { EventSink } from '../framework/types';
import { rfc3339 } from '../framework/time';
import { assessJob, type JobSyncState } from './assess';
import type { BackoffRecord } from './backoff';
import { claimPods } from './claim-pods';
import { JOB_API_VERSION, JOB_KIND, SUSPENDED, SYNC_BATCH_PERIOD_MS } from './constants';
import type { FinalizerExpectations } from './finalizer-expectations';
import { completionsReached, ensureJobConditionStatus } from './job-conditions';
import { completionsOf, isJobFinished, isJobSuspended, managedByExternalController } from './job-facts';
import { planManage } from './manage';
import type { PodControl } from './pod-control';
import { createJobPods, deleteActivePods, deleteJobPods } from './pod-writes';
import { trackJobStatus } from './track-status';

/** What a sync needs besides the Job and its candidate pods. */
export interface JobSyncDeps {
  clock: Clock;
  control: PodControl;
  events: EventSink;
  expectations: Expectations;
  finalizerExpectations: FinalizerExpectations;
  /** Failure streaks per Job key, kept across syncs. */
  backoffs: Map<string, BackoffRecord>;
}

const earliest = (...ms: (number | undefined)[]) => {
  const set = ms.filter((m): m is number => m !== undefined);
  return set.length ? Math.min(...set) : undefined;
};

/**
 * Syncs the Job at key. `cached` is the informer's Job (undefined once
 * deleted); `candidates` are the pods of its namespace. Resolves to a delay
 * after which to sync again, if one is due; throws to be retried.
 */
export async function syncJob(deps: JobSyncDeps, key: string, cached: Readonly<Job> | undefined, candidates: readonly Readonly<Pod>[]): Promise<number | undefined> {
  if (!cached) {
    deps.expectations.forget(key);
    deps.finalizerExpectations.forget(key);
    deps.backoffs.delete(key);
    return undefined;
  }
  // Another controller (spec.managedBy) owns it; a finished Job is never touched again.
  if (managedByExternalController(cached)) return undefined;
  if (isJobFinished(cached)) {
    deps.backoffs.delete(key);
    return undefined;
  }
  const mode = cached.spec?.completionMode;
  if (mode && mode !== 'NonIndexed' && mode !== 'Indexed') {
    deps.events({ regarding: refTo(cached, JOB_API_VERSION, JOB_KIND), type: 'Warning', reason: 'UnknownCompletionMode', message: 'Skipped Job sync because completion mode is unknown' });
    return undefined;
  }

  const job = structuredClone(cached) as Job;
  // Checked before listing pods, so a pod created meanwhile cannot slip past the expectation.
  const satisfied = deps.expectations.satisfied(key);
  const pods = await claimPods(deps.control, job, candidates);
  const now = deps.clock.now();
  const state = assessJob({ job, pods, now, expectedRmFinalizers: deps.finalizerExpectations.expected(key), backoff: deps.backoffs.get(key) });
  let requeueMs = state.deadlineInMs;
  let active = state.activePods.length;
  let writeError: unknown;
  let suspendChanged = false;

  if (state.finishedCondition) {
    const out = await deleteActivePods(deps.control, job, state.activePods);
    // Not finished while pods may remain that the cache does not show yet.
    if (out.deleted !== active || !satisfied) state.finishedCondition = undefined;
    active -= out.deleted;
    state.terminating += out.deleted;
    state.ready -= out.deletedReady;
    writeError = out.error;
  } else {
    let managed = false;
    if (satisfied && !job.metadata?.deletionTimestamp) {
      const out = await manageJob(deps, key, state, now);
      active = out.active;
      writeError = out.error;
      requeueMs = earliest(requeueMs, out.requeueMs);
      managed = true;
    }
    const completions = completionsOf(job);
    // Without completions, the first success completes the Job once the other pods are done.
    const complete = completions === undefined ? state.succeeded > 0 && active === 0 : state.succeeded >= completions && active === 0;
    if (complete) state.finishedCondition = completionsReached(now);
    else if (managed) suspendChanged = updateSuspendedCondition(deps, job, now);
  }

  const status = job.status!;
  const needsStatusUpdate = suspendChanged || active !== (status.active ?? 0) || state.ready !== status.ready || state.terminating !== status.terminating;
  status.active = active;
  status.ready = state.ready;
  status.terminating = state.terminating;
  await trackJobStatus(deps, key, state, needsStatusUpdate, now);
  if (writeError) throw writeError;
  return requeueMs;
}

/** The pod-level half of manageJob: plan, then create or delete. */
async function manageJob(deps: JobSyncDeps, key: string, state: JobSyncState, now: Date): Promise<{ active: number; requeueMs?: number; error?: unknown }> {
  const { job } = state;
  const active = state.activePods.length;
  const plan = planManage(state, now);
  switch (plan.kind) {
    case 'delete': {
      const out = await deleteJobPods(deps.control, deps.expectations, key, job, plan.pods);
      state.terminating += out.deleted;
      state.ready -= out.deletedReady;
      return { active: active - out.deleted, error: out.error };
    }
    case 'backoff':
      // Upstream reports no active pods while the backoff holds creations back.
      return { active: 0, requeueMs: Math.max(plan.waitMs, SYNC_BATCH_PERIOD_MS) };
    case 'create': {
      const out = await createJobPods(deps.control, deps.expectations, key, job, plan.pods);
      return { active: active + out.created, error: out.error };
    }
    default:
      return { active };
  }
}

/** Suspended True/False as spec.suspend says, with its event; resuming restarts the activeDeadlineSeconds clock. */
function updateSuspendedCondition(deps: JobSyncDeps, job: Job, now: Date): boolean {
  const status = job.status!;
  const regarding = refTo(job, JOB_API_VERSION, JOB_KIND);
  if (isJobSuspended(job)) {
    const { conditions, changed } = ensureJobConditionStatus(status.conditions, SUSPENDED, 'True', 'JobSuspended', 'Job suspended', now);
    status.conditions = conditions;
    if (changed) deps.events({ regarding, type: 'Normal', reason: 'Suspended', message: 'Job suspended' });
    return changed;
  }
  const { conditions, changed } = ensureJobConditionStatus(status.conditions, SUSPENDED, 'False', 'JobResumed', 'Job resumed', now);
  status.conditions = conditions;
  if (changed) {
    deps.events({ regarding, type: 'Normal', reason: 'Resumed', message: 'Job resumed' });
    status.startTime = rfc3339(now);
  }
  return changed;
}
