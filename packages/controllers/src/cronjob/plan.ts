/**
 * One sync of a CronJob (upstream ControllerV2.sync: cleanupFinishedJobs,
 * then syncCronJob) as a pure function of the CronJob, its Jobs and now: the
 * history deletions, the status bookkeeping, and whether a Job is due — with
 * the events upstream records on the way. The applier performs the writes;
 * the events of write outcomes (SuccessfulCreate, SuccessfulDelete, ...) are
 * its to record.
 */
import type { CronJob, CronJobStatus, Job } from 'kubernetes-types/batch/v1';
import type { ObjectReference } from 'kubernetes-types/core/v1';
import type { EventSpec } from '../framework/events';
import { parseTime, rfc3339 } from '../framework/time';
import { jobsBeyondHistoryLimits } from './history';
import { jobFromTemplate, jobName } from './job-from-template';
import { nextScheduleTimeDuration, nextScheduleTime } from './schedule-times';
import { cronJobZone, parseCronJobSchedule } from './schedule';
import { cronJobRef, reconcileActiveJobs } from './status';

export interface CronJobSyncInput {
  cronJob: Readonly<CronJob>;
  /** The Jobs whose controller reference names the CronJob (upstream getJobsToBeReconciled). */
  jobs: readonly Readonly<Job>[];
  /** uids of listed active Jobs the API server confirmed gone. */
  missingActive: ReadonlySet<string>;
  now: Date;
  /**
   * spec.schedule or spec.timeZone changed since the last sync: upstream's
   * update handler then only requeues for the next time of the new schedule
   * rather than syncing now, so no Job starts for a time the new schedule
   * would have "missed".
   */
  scheduleChanged?: boolean;
}

/** The Job to create for a due time; on success it joins status.active and its time becomes lastScheduleTime. */
export interface PlannedCreate {
  job: Job;
  scheduledTime: string;
  /** Requeue delay once the Job exists. */
  requeueAfterMs: number;
}

export interface CronJobSyncPlan {
  /** Finished Jobs beyond the history limits, to delete (background propagation) first. */
  historyDeletes: Readonly<Job>[];
  /** Status after history and bookkeeping, before any replacement or creation. */
  status: CronJobStatus;
  statusChanged: boolean;
  /** Events of the bookkeeping and scheduling decisions, in upstream's order. */
  events: EventSpec[];
  /** Replace: the active Jobs to delete before creating. */
  replace: ObjectReference[];
  create?: PlannedCreate;
  /** When to look again if nothing is created; undefined: only on the next change (suspended, unparseable, ...). */
  requeueAfterMs?: number;
}

const UNSUPPORTED_TZ = (schedule: string) =>
  `CRON_TZ or TZ used in schedule ${JSON.stringify(schedule)} is not officially supported, see https://kubernetes.io/docs/concepts/workloads/controllers/cron-jobs/ for more details`;

/** Plans one sync. */
export function planCronJobSync(input: CronJobSyncInput): CronJobSyncPlan {
  const { now } = input;
  const historyDeletes = jobsBeyondHistoryLimits(input.cronJob, input.jobs);
  const deleted = new Set(historyDeletes.map((j) => j.metadata?.uid));
  // Deleted history leaves status.active with the Job (upstream deleteJob), before the bookkeeping looks.
  const cronJob = withActive(input.cronJob, (input.cronJob.status?.active ?? []).filter((r) => !deleted.has(r.uid)));
  const book = reconcileActiveJobs({ cronJob, jobs: input.jobs, missingActive: input.missingActive });
  const plan: CronJobSyncPlan = {
    historyDeletes,
    status: book.status,
    statusChanged: book.changed || (cronJob.status?.active?.length ?? 0) !== (input.cronJob.status?.active?.length ?? 0),
    events: book.events,
    replace: [],
  };
  const cj = { ...cronJob, status: book.status };
  const regarding = cronJobRef(cj);
  const warn = (reason: string, message: string) => plan.events.push({ regarding, type: 'Warning', reason, message });
  const spec = cj.spec!;

  if (cj.metadata?.deletionTimestamp) return plan;
  if (spec.timeZone != null) {
    const zone = cronJobZone(spec.timeZone);
    if ('error' in zone) {
      warn('UnknownTimeZone', `invalid timeZone: ${JSON.stringify(spec.timeZone)}: ${zone.error}`);
      return plan;
    }
  }
  if (input.scheduleChanged) return planRequeueForNewSchedule(plan, cj, now, warn);
  if (spec.suspend) return plan;

  if (spec.schedule.includes('TZ')) warn('UnsupportedSchedule', UNSUPPORTED_TZ(spec.schedule));
  const parsed = parseCronJobSchedule(spec.schedule, spec.timeZone);
  if ('error' in parsed) {
    warn('UnparseableSchedule', `unparseable schedule: ${JSON.stringify(spec.schedule)} : ${parsed.error}`);
    return plan;
  }
  const { schedule, zone } = parsed;
  const due = nextScheduleTime(cj, now, schedule);
  if (due.tooManyMissed) warn('TooManyMissedTimes', 'too many missed start times. Set or decrease .spec.startingDeadlineSeconds or check clock skew');
  if (due.scheduled === undefined && due.error !== undefined) {
    warn('InvalidSchedule', `invalid schedule: ${spec.schedule} : ${due.error}`);
    return plan;
  }
  const requeue = () => ({ ...plan, requeueAfterMs: nextScheduleTimeDuration(cj, now, schedule) });
  if (due.scheduled === undefined) return requeue();

  const scheduled = due.scheduled;
  if (tooLate(scheduled, spec.startingDeadlineSeconds, now)) {
    // Unreachable in practice, as upstream: the deadline already bounds the times considered (kubernetes#111223).
    warn('MissSchedule', `Missed scheduled time to start a job: ${rfc1123z(scheduled)}`);
    return requeue();
  }
  const name = jobName(cj, scheduled);
  const active = plan.status.active ?? [];
  if (active.some((r) => r.name === name && r.namespace === cj.metadata?.namespace) || parseTime(plan.status.lastScheduleTime) === scheduled) {
    return requeue();
  }
  if (spec.concurrencyPolicy === 'Forbid' && active.length > 0) {
    plan.events.push({ regarding, type: 'Normal', reason: 'JobAlreadyActive', message: 'Not starting job because prior execution is running and concurrency policy is Forbid' });
    return requeue();
  }
  if (spec.concurrencyPolicy === 'Replace') plan.replace = [...active];

  const after = withStatus(cj, { ...plan.status, lastScheduleTime: rfc3339(new Date(scheduled)) });
  plan.create = {
    job: jobFromTemplate(cj, scheduled, zone),
    scheduledTime: after.status!.lastScheduleTime!,
    requeueAfterMs: nextScheduleTimeDuration(after, now, schedule),
  };
  return plan;
}

/** The requeue upstream's updateCronJob makes when the schedule changed (or its event, when the new one does not parse). */
function planRequeueForNewSchedule(plan: CronJobSyncPlan, cj: Readonly<CronJob>, now: Date, warn: (reason: string, message: string) => void): CronJobSyncPlan {
  const parsed = parseCronJobSchedule(cj.spec!.schedule, cj.spec!.timeZone);
  if ('error' in parsed) {
    warn('UnParseableCronJobSchedule', `unparseable schedule for cronjob: ${cj.spec!.schedule}`);
    return plan;
  }
  return { ...plan, requeueAfterMs: nextScheduleTimeDuration(cj, now, parsed.schedule) };
}

/** Whether the scheduled time plus the starting deadline is already past. */
export function tooLate(scheduledMs: number, deadlineSeconds: number | undefined | null, now: Date): boolean {
  return deadlineSeconds != null && scheduledMs + deadlineSeconds * 1000 < now.getTime();
}

const WEEKDAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** Go's time.RFC1123Z of an instant in UTC: `Thu, 01 Jan 2026 00:01:00 +0000`. */
export function rfc1123z(ms: number): string {
  const d = new Date(ms);
  const two = (n: number) => String(n).padStart(2, '0');
  return `${WEEKDAYS[d.getUTCDay()]}, ${two(d.getUTCDate())} ${MONTHS[d.getUTCMonth()]} ${d.getUTCFullYear()} ${two(d.getUTCHours())}:${two(d.getUTCMinutes())}:${two(d.getUTCSeconds())} +0000`;
}

function withActive(cj: Readonly<CronJob>, active: ObjectReference[]): Readonly<CronJob> {
  return withStatus(cj, { ...(cj.status ?? {}), active });
}

function withStatus(cj: Readonly<CronJob>, status: CronJobStatus): CronJob {
  return { ...cj, status } as CronJob;
}
