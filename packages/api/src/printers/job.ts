/** `kubectl get jobs` columns (printJob, with the STATUS column of 1.30+). */
import type { Job } from 'kubernetes-types/batch/v1';
import type { KindPrinter } from '../registry/types';
import { AGE_COLUMN, CONTAINERS_COLUMN, IMAGES_COLUMN, NAME_COLUMN, column, wide } from './columns';
import { ageOf, containerCells, findCondition, nameOf } from './cells';
import { formatLabelSelector } from '../selectors';
import { humanDuration, humanDurationBetween, parseTimestamp } from '../duration';

/** hasJobCondition: the first condition of the type decides. */
function hasCondition(job: Job, type: string): boolean {
  return findCondition(job.status?.conditions, type)?.status === 'True';
}

/** Complete and Failed outrank Terminating, which outranks Suspended and FailureTarget. */
export function jobStatus(job: Job): string {
  if (hasCondition(job, 'Complete')) return 'Complete';
  if (hasCondition(job, 'Failed')) return 'Failed';
  if (job.metadata?.deletionTimestamp) return 'Terminating';
  if (hasCondition(job, 'Suspended')) return 'Suspended';
  if (hasCondition(job, 'FailureTarget')) return 'FailureTarget';
  return 'Running';
}

/** `succeeded/completions`; without completions `succeeded/1`, or `succeeded/1 of parallelism` when parallel. */
export function jobCompletions(job: Job): string {
  const succeeded = job.status?.succeeded ?? 0;
  const completions = job.spec?.completions;
  if (completions !== undefined && completions !== null) return `${succeeded}/${completions}`;
  const parallelism = job.spec?.parallelism ?? 0;
  return parallelism > 1 ? `${succeeded}/1 of ${parallelism}` : `${succeeded}/1`;
}

/** Start to completion, or start to now while running; "" before it starts. */
export function jobDuration(job: Job, now: Date): string {
  const start = parseTimestamp(job.status?.startTime);
  if (start === undefined) return '';
  return humanDurationBetween(job.status?.startTime, job.status?.completionTime) ?? humanDuration(now.getTime() - start);
}

export const jobPrinter: KindPrinter = {
  columns: [
    NAME_COLUMN,
    column('Status', 'string', 'Status of the job.'),
    column('Completions', 'string', 'The number of pods which reached phase Succeeded.'),
    column('Duration', 'string', 'Time required to complete the job.'),
    AGE_COLUMN,
    CONTAINERS_COLUMN,
    IMAGES_COLUMN,
    wide('Selector', 'string', 'A label query over pods that should match the pod count.'),
  ],
  printRow(obj, now) {
    const job = obj as Job;
    const [names, images] = containerCells(job.spec?.template?.spec?.containers);
    return [
      nameOf(obj),
      jobStatus(job),
      jobCompletions(job),
      jobDuration(job, now),
      ageOf(obj, now),
      names,
      images,
      formatLabelSelector(job.spec?.selector),
    ];
  },
};
