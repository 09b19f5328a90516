/**
 * A CronJob's schedule as robfig/cron v3's ParseStandard builds it: Next(t)
 * is the first matching time after t, in the schedule's time zone.
 *
 * robfig matches the wall clock: a time that does not exist (skipped by a
 * spring-forward) never runs, and one that happens twice (a fall-back) runs
 * twice. cron-parser's own `tz` iteration moves skipped times forward and may
 * miss the second of a repeated time, so the cron library iterates here on the
 * zone's wall-clock timeline read as UTC (where no transition exists) and each
 * wall time found is mapped back to the instants that show it.
 */
import { CronExpressionParser, type CronExpression } from 'cron-parser';
import { cronScheduleError } from '@mk/api';
import { expandCronSpec, type CronSpec } from './cron-fields';
import { instantsOfWallTime, loadLocation, offsetAt, transitionBetween, UTC, wallClock } from './zone';

const HOUR_MS = 3_600_000;
/** A window holding at most one offset change and longer than any change (DST moves one hour, rarely two). */
const TRANSITION_SLACK_MS = 3 * HOUR_MS;
/** robfig stops looking five years ahead and reports no time. */
const YEAR_LIMIT = 5;

/** robfig's cron.Schedule. */
export interface Schedule {
  /** The first activation after `after` (robfig's Next); undefined where robfig returns the zero time (none within five years). */
  next(after: Date): Date | undefined;
}

/** A parsed schedule, or robfig's parse error. */
export type ParsedSchedule = { schedule: Schedule; zone: string } | { error: string };

/** cron.ParseStandard with robfig's default location, which for mk is UTC; a `TZ=`/`CRON_TZ=` prefix overrides it. */
export function parseStandard(spec: string, defaultZone: string = UTC): ParsedSchedule {
  const error = cronScheduleError(spec);
  if (error !== undefined) return { error };
  let zone = defaultZone;
  let rest = spec;
  if (spec.startsWith('TZ=') || spec.startsWith('CRON_TZ=')) {
    const space = spec.indexOf(' ');
    const name = spec.slice(spec.indexOf('=') + 1, space < 0 ? undefined : space);
    const loaded = loadLocation(name);
    if ('error' in loaded) return { error: `provided bad location ${name}: ${loaded.error}` };
    zone = loaded.zone;
    rest = space < 0 ? '' : spec.slice(space).trim();
  }
  return { schedule: buildSchedule(expandCronSpec(rest), zone), zone };
}

function buildSchedule(spec: CronSpec, zone: string): Schedule {
  if (spec.kind === 'every') {
    // ConstantDelaySchedule: the delay after t rounded down to the second.
    return { next: (after) => new Date(Math.floor(after.getTime() / 1000) * 1000 + spec.delayMs) };
  }
  const text = [spec.minute.join(','), spec.hour.join(','), String(spec.dayOfMonth), spec.month.join(','), String(spec.dayOfWeek)].join(' ');
  let expression: CronExpression | undefined;
  try {
    expression = CronExpressionParser.parse(text, { currentDate: new Date(0), tz: UTC });
  } catch {
    // cron-parser rejects day-of-month lists no month can hold (`31 2`): robfig never finds such a time.
    expression = undefined;
  }
  return { next: (after) => (expression ? nextMatch(expression, zone, after.getTime()) : undefined) };
}

/** The first schedule wall time strictly after naive `afterWall`, if the cron library finds one. */
function nextWallAfter(expression: CronExpression, afterWall: number): number | undefined {
  expression.reset(new Date(afterWall));
  try {
    return expression.next().toDate().getTime();
  } catch {
    return undefined;
  }
}

/**
 * The first instant after `afterMs` (robfig starts at the next whole second)
 * whose wall clock in zone matches. Within a few hours of `t` the zone has one
 * offset, or changes once; each stretch of constant offset is searched in
 * wall time (its instants and wall times advance together), earlier stretch
 * first. A spring-forward's skipped wall times thus never match, and a
 * fall-back's repeated ones match in both stretches.
 */
function nextMatch(expression: CronExpression, zone: string, afterMs: number): Date | undefined {
  const t = Math.floor(afterMs / 1000) * 1000;
  const yearLimit = new Date(wallClock(t + 1000, zone)).getUTCFullYear() + YEAR_LIMIT;
  const withinLimit = (wall: number | undefined) => (wall !== undefined && new Date(wall).getUTCFullYear() <= yearLimit ? wall : undefined);
  const transition = transitionBetween(t, t + TRANSITION_SLACK_MS, zone);
  let from = t;
  let offset = offsetAt(t, zone);
  if (transition) {
    const wall = withinLimit(nextWallAfter(expression, t + transition.before));
    if (wall === undefined) return undefined;
    if (wall - transition.before < transition.at) return new Date(wall - transition.before);
    from = Math.max(t, transition.at - 1);
    offset = transition.after;
  }
  let wall = withinLimit(nextWallAfter(expression, from + offset));
  if (wall === undefined) return undefined;
  if (wall - offset <= from + TRANSITION_SLACK_MS) return new Date(wall - offset);
  // Further off, other transitions may lie between: map each wall time through the zone itself.
  for (;;) {
    const instant = instantsOfWallTime(wall, zone).find((x) => x > t);
    if (instant !== undefined) return new Date(instant);
    wall = withinLimit(nextWallAfter(expression, wall));
    if (wall === undefined) return undefined;
  }
}

/** The time zone a CronJob's schedule runs in, or Go's LoadLocation error for spec.timeZone. */
export function cronJobZone(timeZone: string | undefined | null): { zone: string } | { error: string } {
  return timeZone == null ? { zone: UTC } : loadLocation(timeZone);
}

/**
 * formatSchedule + ParseStandard for a CronJob: a schedule carrying its own
 * TZ= prefix keeps it (and ignores spec.timeZone); otherwise a loadable
 * spec.timeZone applies, and an unknown one falls back to the default zone
 * (the sync reports UnknownTimeZone before it gets here).
 */
export function parseCronJobSchedule(schedule: string, timeZone: string | undefined | null): ParsedSchedule {
  if (schedule.includes('TZ')) return parseStandard(schedule);
  const zone = cronJobZone(timeZone);
  return parseStandard(schedule, 'zone' in zone ? zone.zone : UTC);
}
