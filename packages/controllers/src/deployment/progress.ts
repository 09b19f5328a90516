/**
 * The Progressing condition (progress.go, sync.go checkPausedConditions,
 * deployment util DeploymentTimedOut): progress is any step forward of the
 * new ReplicaSet; without one for progressDeadlineSeconds (measured from the
 * condition's lastUpdateTime, on the injected clock) the rollout has
 * ProgressDeadlineExceeded. Paused time does not count: pausing and
 * resuming stamp the condition afresh.
 */
import type { DeploymentStatus } from 'kubernetes-types/apps/v1';
import { parseTime } from '../framework/time';
import { MAX_INT32, Reason } from './constants';
import { fromReplicaSetCondition, getCondition, newCondition, removeCondition, setCondition } from './conditions';
import type { D } from './fenceposts';
import { rsName, type RS } from './replica-sets';
import { calculateStatus, deploymentComplete, deploymentProgressing, sameStatus } from './status';

/** HasProgressDeadline: set and not MaxInt32. */
export function hasProgressDeadline(d: D): boolean {
  const s = d.spec?.progressDeadlineSeconds;
  return s !== undefined && s !== null && s !== MAX_INT32;
}

/** DeploymentTimedOut: the Progressing condition is older than the deadline (or already says so). */
export function deploymentTimedOut(d: D, status: Readonly<DeploymentStatus>, now: Date): boolean {
  if (!hasProgressDeadline(d)) return false;
  const cond = getCondition(status, 'Progressing');
  if (!cond) return false;
  // A finished rollout whose new ReplicaSet showed up before its status did: nothing to time out yet.
  if (cond.reason === Reason.NewReplicaSetAvailable) return false;
  if (cond.reason === Reason.ProgressDeadlineExceeded) return true;
  const from = parseTime(cond.lastUpdateTime) ?? 0;
  return from + d.spec!.progressDeadlineSeconds! * 1000 < now.getTime();
}

/**
 * checkPausedConditions: the status with Progressing set to Unknown
 * DeploymentPaused / DeploymentResumed when spec.paused changed, or
 * undefined when nothing is to be written. A timed-out rollout keeps its
 * condition.
 */
export function pausedConditionUpdate(d: D, now: Date): DeploymentStatus | undefined {
  if (!hasProgressDeadline(d)) return undefined;
  const cond = getCondition(d.status, 'Progressing');
  if (cond?.reason === Reason.ProgressDeadlineExceeded) return undefined;
  const pausedCondExists = cond?.reason === Reason.DeploymentPaused;
  const status = structuredClone((d.status ?? {}) as DeploymentStatus);
  if (d.spec?.paused && !pausedCondExists) {
    setCondition(status, newCondition('Progressing', 'Unknown', Reason.DeploymentPaused, 'Deployment is paused', now));
  } else if (!d.spec?.paused && pausedCondExists) {
    setCondition(status, newCondition('Progressing', 'Unknown', Reason.DeploymentResumed, 'Deployment is resumed', now));
  } else {
    return undefined;
  }
  return status;
}

/** getReplicaFailures: ReplicaFailure conditions of the new ReplicaSet, else of any ReplicaSet. */
function replicaFailures(allRSs: readonly (RS | undefined)[], newRS: RS | undefined) {
  const failuresOf = (rs: RS | undefined) => (rs?.status?.conditions ?? []).filter((c) => c.type === 'ReplicaFailure').map(fromReplicaSetCondition);
  const fromNew = failuresOf(newRS);
  return fromNew.length ? fromNew : allRSs.flatMap(failuresOf);
}

/** What syncRolloutStatus should do: write a status, or look again later. */
export interface RolloutStatus {
  /** The status to write; undefined when it equals the recorded one. */
  status?: DeploymentStatus;
  /** When to look again for a progress check (ms from now), when nothing was written and the rollout may stall. */
  requeueAfterMs?: number;
}

/** syncRolloutStatus: the status during a rollout, with Progressing estimated and ReplicaSet failures surfaced. */
export function rolloutStatus(allRSs: readonly (RS | undefined)[], newRS: RS | undefined, d: D, now: Date): RolloutStatus {
  const status = calculateStatus(allRSs, newRS, d, now);
  if (!hasProgressDeadline(d)) removeCondition(status, 'Progressing');

  const current = getCondition(d.status, 'Progressing');
  // A resync after the rollout finished: no progress to estimate.
  const complete = (status.replicas ?? 0) === (status.updatedReplicas ?? 0) && current?.reason === Reason.NewReplicaSetAvailable;
  if (hasProgressDeadline(d) && !complete) {
    const subject = newRS ? `ReplicaSet "${rsName(newRS)}"` : `Deployment "${d.metadata?.name}"`;
    if (deploymentComplete(d, status)) {
      setCondition(status, newCondition('Progressing', 'True', Reason.NewReplicaSetAvailable, `${subject} has successfully progressed.`, now));
    } else if (deploymentProgressing(d, status)) {
      // Progress refreshes lastUpdateTime even when the reason stays, which setCondition alone would not do.
      const cond = newCondition('Progressing', 'True', Reason.ReplicaSetUpdated, `${subject} is progressing.`, now);
      if (current) {
        if (current.status === 'True') cond.lastTransitionTime = current.lastTransitionTime;
        removeCondition(status, 'Progressing');
      }
      setCondition(status, cond);
    } else if (deploymentTimedOut(d, status, now)) {
      setCondition(status, newCondition('Progressing', 'False', Reason.ProgressDeadlineExceeded, `${subject} has timed out progressing.`, now));
    }
  }

  const failures = replicaFailures(allRSs, newRS);
  if (failures.length) setCondition(status, failures[0]);
  else removeCondition(status, 'ReplicaFailure');

  if (!sameStatus(d.status, status)) return { status };
  const after = stuckRequeueMs(d, status, now);
  return after === undefined ? {} : { requeueAfterMs: after };
}

/**
 * requeueStuckDeployment: a rollout that made no progress is looked at
 * again when its deadline passes (plus a second against clock skew, as
 * upstream); undefined when there is nothing to wait for.
 */
export function stuckRequeueMs(d: D, status: Readonly<DeploymentStatus>, now: Date): number | undefined {
  const current = getCondition(d.status, 'Progressing');
  if (!hasProgressDeadline(d) || !current) return undefined;
  if (deploymentComplete(d, status) || current.reason === Reason.ProgressDeadlineExceeded) return undefined;
  const after = (parseTime(current.lastUpdateTime) ?? 0) + d.spec!.progressDeadlineSeconds! * 1000 - now.getTime();
  return Math.max(0, after) + 1000;
}
