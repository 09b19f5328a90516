/**
 * The CronJob controller's schedule arithmetic (upstream
 * pkg/controller/cronjob/utils.go): which scheduled time is due now, whether
 * too many were missed, and when to look again.
 */
import type { CronJob } from 'kubernetes-types/batch/v1';
import { parseTime } from '../framework/time';
import type { Schedule } from './schedule';

/** upstream nextScheduleDelta: requeue a little after the scheduled time, against clock skew. */
export const NEXT_SCHEDULE_DELTA_MS = 100;
/** More missed start times than this is "too many". */
export const TOO_MANY_MISSED = 100;

/** How many start times passed unmet since the earliest time considered. */
export type MissedSchedules = 'none' | 'few' | 'many';

/** What mostRecentScheduleTime finds. */
export interface RecentSchedule {
  /** lastScheduleTime, or the creation time, pushed up to the starting deadline when asked. */
  earliest: number;
  /** The most recent scheduled time not after now, if any since `earliest`. */
  mostRecent?: number;
  missed: MissedSchedules;
  /** A schedule whose consecutive times are not at least a second apart (e.g. `59 23 31 2 *`, which never happens). */
  error?: string;
}

const nextMs = (schedule: Schedule, ms: number): number | undefined => schedule.next(new Date(ms))?.getTime();

/**
 * mostRecentScheduleTime. The number of missed times is estimated, as
 * upstream does, from the gap between the first two times after `earliest`,
 * and the walk to the most recent one starts just before the estimate, so a
 * long outage costs a few steps rather than one per missed time.
 */
export function mostRecentScheduleTime(cj: Readonly<CronJob>, now: Date, schedule: Schedule, includeStartingDeadline: boolean): RecentSchedule {
  const nowMs = now.getTime();
  let earliest = parseTime(cj.status?.lastScheduleTime) ?? parseTime(cj.metadata?.creationTimestamp) ?? 0;
  const deadline = cj.spec?.startingDeadlineSeconds;
  if (includeStartingDeadline && deadline != null) {
    // Nothing is started before this point.
    earliest = Math.max(earliest, nowMs - deadline * 1000);
  }
  const t1 = nextMs(schedule, earliest);
  const t2 = t1 === undefined ? undefined : nextMs(schedule, t1);
  // Go's zero time (no next time) lies before every now.
  if (t1 !== undefined && nowMs < t1) return { earliest, missed: 'none' };
  if (t1 !== undefined && t2 !== undefined && nowMs < t2) return { earliest, mostRecent: t1, missed: 'none' };

  const between = t1 !== undefined && t2 !== undefined ? Math.round((t2 - t1) / 1000) : 0;
  if (between < 1) return { earliest, missed: 'none', error: 'time difference between two schedules is less than 1 second' };
  const elapsed = Math.trunc((nowMs - t1!) / 1000);
  const missedCount = Math.trunc(elapsed / between) + 1;
  let mostRecent: number | undefined;
  const potentialEarliest = t1! + (missedCount - 2) * between * 1000;
  for (let t = nextMs(schedule, potentialEarliest); t !== undefined && t <= nowMs; t = nextMs(schedule, t)) mostRecent = t;
  const missed: MissedSchedules = missedCount > TOO_MANY_MISSED ? 'many' : missedCount > 0 ? 'few' : 'none';
  return mostRecent === undefined ? { earliest, missed } : { earliest, mostRecent, missed };
}

/**
 * nextScheduleTimeDuration: how long until the next scheduled time (plus the
 * skew delta), counted from the last one that was due; milliseconds, possibly
 * negative for a schedule that never runs again (which requeues at once, as
 * upstream's negative AddAfter does).
 */
export function nextScheduleTimeDuration(cj: Readonly<CronJob>, now: Date, schedule: Schedule): number {
  const nowMs = now.getTime();
  const recent = mostRecentScheduleTime(cj, now, schedule, false);
  let from: number;
  if (recent.error !== undefined) from = nowMs;
  else if (recent.mostRecent !== undefined) from = recent.mostRecent;
  else from = recent.missed === 'none' ? recent.earliest : nowMs;
  const next = nextMs(schedule, from);
  return next === undefined ? -nowMs : next + NEXT_SCHEDULE_DELTA_MS - nowMs;
}

/** What nextScheduleTime decides: the time to start a job for, if any; "many" also warrants a warning. */
export interface DueSchedule {
  scheduled?: number;
  tooManyMissed: boolean;
  error?: string;
}

/** nextScheduleTime: the unmet scheduled time to act on now (the most recent one), honouring the starting deadline. */
export function nextScheduleTime(cj: Readonly<CronJob>, now: Date, schedule: Schedule): DueSchedule {
  const recent = mostRecentScheduleTime(cj, now, schedule, true);
  if (recent.mostRecent === undefined || recent.mostRecent > now.getTime()) return { tooManyMissed: false, error: recent.error };
  return { scheduled: recent.mostRecent, tooManyMissed: recent.missed === 'many', error: recent.error };
}
