/** Small questions about a Job's spec and status (upstream job_controller.go and job/util). */
import type { Job, JobCondition } from 'kubernetes-types/batch/v1';
import { COMPLETE, FAILED, JOB_CONTROLLER_MANAGED_BY } from './constants';

/** completionMode Indexed. */
export function isIndexedJob(job: Readonly<Job>): boolean {
  return job.spec?.completionMode === 'Indexed';
}

/** backoffLimitPerIndex is set (JobBackoffLimitPerIndex is on in 1.32). */
export function hasBackoffLimitPerIndex(job: Readonly<Job>): boolean {
  return job.spec?.backoffLimitPerIndex !== undefined && job.spec.backoffLimitPerIndex !== null;
}

/** spec.suspend is true. */
export function isJobSuspended(job: Readonly<Job>): boolean {
  return job.spec?.suspend === true;
}

/** A condition of the given type, if present. */
export function findJobCondition(conditions: readonly JobCondition[] | undefined, type: string): JobCondition | undefined {
  return conditions?.find((c) => c.type === type);
}

/** The Complete or Failed condition that is True, if any (job/util FinishedCondition). */
export function finishedCondition(job: Readonly<Job>): JobCondition | undefined {
  return job.status?.conditions?.find((c) => (c.type === COMPLETE || c.type === FAILED) && c.status === 'True');
}

/** util.IsJobFinished: Complete or Failed is True. */
export function isJobFinished(job: Readonly<Job>): boolean {
  return finishedCondition(job) !== undefined;
}

/** The name of another controller that manages this Job (spec.managedBy), if any. */
export function managedByExternalController(job: Readonly<Job>): string | undefined {
  const by = job.spec?.managedBy;
  return by && by !== JOB_CONTROLLER_MANAGED_BY ? by : undefined;
}

/**
 * Replacement pods wait for their predecessors to be fully terminated:
 * podReplacementPolicy Failed, or any Job with a pod failure policy.
 */
export function onlyReplaceFailedPods(job: Readonly<Job>): boolean {
  return job.spec?.podReplacementPolicy === 'Failed' || !!job.spec?.podFailurePolicy;
}

/** spec.completions, undefined when unset (a "work queue" Job). */
export function completionsOf(job: Readonly<Job>): number | undefined {
  const c = job.spec?.completions;
  return c === undefined || c === null ? undefined : c;
}
