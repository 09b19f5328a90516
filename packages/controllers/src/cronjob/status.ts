/**
 * The bookkeeping half of upstream syncCronJob: status.active follows the
 * CronJob's Jobs (finished ones leave it with SawCompletedJob, vanished ones
 * with MissingJob), unfinished Jobs it does not list are reported as
 * UnexpectedJob, and lastSuccessfulTime follows the latest completion.
 */
import type { CronJob, CronJobStatus, Job } from 'kubernetes-types/batch/v1';
import type { ObjectReference } from 'kubernetes-types/core/v1';
import { refTo, type EventSpec } from '../framework/events';
import { parseTime } from '../framework/time';
import { finishedCondition, isJobSucceeded } from './history';

/** The active-list reference to a Job (ref.GetReference). */
export function jobReference(job: Readonly<Job>): ObjectReference {
  const m = job.metadata ?? {};
  return { kind: 'Job', namespace: m.namespace, name: m.name, uid: m.uid, apiVersion: 'batch/v1', resourceVersion: m.resourceVersion };
}

/** The event reference to a CronJob. */
export const cronJobRef = (cj: Readonly<CronJob>) => refTo(cj, 'batch/v1', 'CronJob');

export interface BookkeepingInput {
  cronJob: Readonly<CronJob>;
  /** The Jobs whose controller reference names the CronJob. */
  jobs: readonly Readonly<Job>[];
  /** uids of listed Jobs that the cache lacks and the API server confirmed gone. */
  missingActive: ReadonlySet<string>;
}

export interface Bookkeeping {
  status: CronJobStatus;
  changed: boolean;
  events: EventSpec[];
}

/** Reconciles status.active and lastSuccessfulTime with the Jobs. */
export function reconcileActiveJobs(input: BookkeepingInput): Bookkeeping {
  const { cronJob, jobs } = input;
  const regarding = cronJobRef(cronJob);
  const events: EventSpec[] = [];
  const status: CronJobStatus = structuredClone(cronJob.status ?? {});
  let active = [...(status.active ?? [])];
  let changed = false;
  const listed = (uid: string | undefined) => active.some((r) => r.uid === uid);

  for (const job of jobs) {
    const name = job.metadata?.name ?? '';
    const condition = finishedCondition(job);
    if (!condition) {
      if (!listed(job.metadata?.uid)) {
        // Created just before a crash, seen before our own status write, or made by someone for us to adopt.
        events.push({ regarding, type: 'Warning', reason: 'UnexpectedJob', message: `Saw a job that the controller did not create or forgot: ${name}` });
      }
      continue;
    }
    if (listed(job.metadata?.uid)) {
      active = active.filter((r) => r.uid !== job.metadata?.uid);
      events.push({ regarding, type: 'Normal', reason: 'SawCompletedJob', message: `Saw completed job: ${name}, condition: ${condition}` });
      changed = true;
    }
    // A Job need not be listed as active to count: any succeeded one moves lastSuccessfulTime forward.
    const completed = job.status?.completionTime;
    if (isJobSucceeded(job) && completed && (parseTime(status.lastSuccessfulTime) ?? -Infinity) < parseTime(completed)!) {
      status.lastSuccessfulTime = completed;
      changed = true;
    }
  }

  // A listed Job that no longer exists would keep the CronJob "active" forever.
  const own = new Set(jobs.map((j) => j.metadata?.uid));
  for (const ref of [...active]) {
    if (own.has(ref.uid) || !input.missingActive.has(ref.uid ?? '')) continue;
    events.push({ regarding, type: 'Normal', reason: 'MissingJob', message: `Active job went missing: ${ref.name}` });
    active = active.filter((r) => r.uid !== ref.uid);
    changed = true;
  }

  if (active.length > 0) status.active = active;
  else delete status.active;
  return { status, changed, events };
}

/** The active references not backed by a Job in `jobs`: the controller asks the API server about these. */
export function unconfirmedActive(cj: Readonly<CronJob>, jobs: readonly Readonly<Job>[]): ObjectReference[] {
  const own = new Set(jobs.map((j) => j.metadata?.uid));
  return (cj.status?.active ?? []).filter((r) => !own.has(r.uid));
}
