/**
 * Finished Jobs and the CronJob's history limits (upstream cleanupFinishedJobs):
 * beyond successfulJobsHistoryLimit succeeded and failedJobsHistoryLimit
 * failed Jobs, the ones that started first are deleted.
 */
import type { CronJob, Job } from 'kubernetes-types/batch/v1';
import { parseTime } from '../framework/time';

/** The condition that finished a Job (jobutil.FinishedCondition): the first Complete or Failed condition that is True. */
export function finishedCondition(job: Readonly<Job>): 'Complete' | 'Failed' | undefined {
  const c = job.status?.conditions?.find((c) => (c.type === 'Complete' || c.type === 'Failed') && c.status === 'True');
  return c?.type as 'Complete' | 'Failed' | undefined;
}

/** jobutil.IsJobFinished. */
export function isJobFinished(job: Readonly<Job>): boolean {
  return finishedCondition(job) !== undefined;
}

/** jobutil.IsJobSucceeded: a True Complete condition, wherever it is in the list. */
export function isJobSucceeded(job: Readonly<Job>): boolean {
  return !!job.status?.conditions?.some((c) => c.type === 'Complete' && c.status === 'True');
}

/** byJobStartTime: earlier status.startTime first, Jobs not started last, names breaking ties. */
export function byJobStartTime(a: Readonly<Job>, b: Readonly<Job>): number {
  const sa = parseTime(a.status?.startTime);
  const sb = parseTime(b.status?.startTime);
  if (sa === undefined && sb !== undefined) return 1;
  if (sa !== undefined && sb === undefined) return -1;
  if (sa === sb) return (a.metadata?.name ?? '') < (b.metadata?.name ?? '') ? -1 : (a.metadata?.name ?? '') > (b.metadata?.name ?? '') ? 1 : 0;
  return sa! - sb!;
}

function oldestBeyond(jobs: Readonly<Job>[], limit: number | undefined | null): Readonly<Job>[] {
  if (limit == null || jobs.length <= limit) return [];
  return [...jobs].sort(byJobStartTime).slice(0, jobs.length - limit);
}

/** The finished Jobs to delete, succeeded ones first, each group oldest first; nothing when neither limit is set. */
export function jobsBeyondHistoryLimits(cj: Readonly<CronJob>, jobs: readonly Readonly<Job>[]): Readonly<Job>[] {
  const spec = cj.spec;
  if (spec?.successfulJobsHistoryLimit == null && spec?.failedJobsHistoryLimit == null) return [];
  const succeeded = jobs.filter((j) => finishedCondition(j) === 'Complete');
  const failed = jobs.filter((j) => finishedCondition(j) === 'Failed');
  return [...oldestBeyond(succeeded, spec.successfulJobsHistoryLimit), ...oldestBeyond(failed, spec.failedJobsHistoryLimit)];
}
