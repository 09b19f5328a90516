/**
 * When a finished Job's ttlSecondsAfterFinished runs out (upstream
 * ttlafterfinished processTTL): finish time is the lastTransitionTime of its
 * Complete or Failed condition; the Job is due once finish + ttl ≤ now.
 */
import type { Job } from 'kubernetes-types/batch/v1';
import { parseTime } from '../framework/time';

export type TtlDecision =
  /** Not a Job to clean up (no TTL, not finished, or already being deleted). */
  | { kind: 'skip' }
  /** Look again in ms. */
  | { kind: 'wait'; ms: number }
  /** Delete it now; it expired at expiredAt (ms). */
  | { kind: 'delete'; expiredAt: number };

/** A Job with a TTL whose Complete or Failed condition is True (needsCleanup). */
export function needsCleanup(job: Readonly<Job>): boolean {
  const ttl = job.spec?.ttlSecondsAfterFinished;
  return ttl !== undefined && ttl !== null && finishCondition(job) !== undefined;
}

function finishCondition(job: Readonly<Job>) {
  return job.status?.conditions?.find((c) => (c.type === 'Complete' || c.type === 'Failed') && c.status === 'True');
}

/** Decides for the Job at now; throws when a finished Job has no usable finish time (upstream's error, retried). */
export function planTtl(job: Readonly<Job>, now: Date): TtlDecision {
  if (job.metadata?.deletionTimestamp || !needsCleanup(job)) return { kind: 'skip' };
  const finishedAt = parseTime(finishCondition(job)!.lastTransitionTime);
  if (finishedAt === undefined) throw new Error(`unable to find the time when the Job ${job.metadata?.namespace}/${job.metadata?.name} finished`);
  const expiredAt = finishedAt + job.spec!.ttlSecondsAfterFinished! * 1000;
  const left = expiredAt - now.getTime();
  return left > 0 ? { kind: 'wait', ms: left } : { kind: 'delete', expiredAt };
}
