import { describe, expect, it } from 'vitest';
import type { CronJob } from 'kubernetes-types/batch/v1';
import { parseStandard, type Schedule } from './schedule';
import { mostRecentScheduleTime, nextScheduleTime, nextScheduleTimeDuration } from './schedule-times';

// A Thursday.
const TOP = Date.parse('2016-05-19T10:00:00Z');
const MIN = 60_000;
const HOUR = 60 * MIN;
const at = (deltaMs: number) => new Date(TOP + deltaMs);
const iso = (deltaMs: number) => at(deltaMs).toISOString().replace('.000Z', 'Z');

function cronJob(schedule: string, opts: { created?: number; last?: number; deadline?: number } = {}): CronJob {
  return {
    metadata: { name: 'cj', namespace: 'default', creationTimestamp: iso(opts.created ?? 0) },
    spec: { schedule, jobTemplate: {}, ...(opts.deadline !== undefined ? { startingDeadlineSeconds: opts.deadline } : {}) },
    status: opts.last !== undefined ? { lastScheduleTime: iso(opts.last) } : {},
  };
}

function sched(spec: string): Schedule {
  const p = parseStandard(spec);
  if ('error' in p) throw new Error(p.error);
  return p.schedule;
}

describe('mostRecentScheduleTime', () => {
  const recent = (cj: CronJob, now: number, includeDeadline = false) => {
    const r = mostRecentScheduleTime(cj, at(now), sched(cj.spec!.schedule), includeDeadline);
    return { earliest: r.earliest - TOP, mostRecent: r.mostRecent === undefined ? undefined : r.mostRecent - TOP, missed: r.missed, error: r.error };
  };

  it('finds nothing before the first time and the one time just after it', () => {
    expect(recent(cronJob('0 * * * *'), 30_000)).toEqual({ earliest: 0, mostRecent: undefined, missed: 'none', error: undefined });
    expect(recent(cronJob('0 * * * *'), 61 * MIN)).toEqual({ earliest: 0, mostRecent: 60 * MIN, missed: 'none', error: undefined });
  });

  it('counts missed times and returns the latest', () => {
    expect(recent(cronJob('0 * * * *', { created: 10_000 }), 301 * MIN)).toMatchObject({ earliest: 10_000, mostRecent: 300 * MIN, missed: 'few' });
    expect(recent(cronJob('30 6-16/4 * * 1-5', { last: 30 * MIN }), 24 * HOUR + 31 * MIN)).toMatchObject({ earliest: 30 * MIN, mostRecent: 24 * HOUR + 30 * MIN, missed: 'few' });
    expect(recent(cronJob('30 6-16/4 * * 1-5', { last: 30 * MIN }), 96 * HOUR + 31 * MIN)).toMatchObject({ mostRecent: 96 * HOUR + 30 * MIN, missed: 'few' });
    expect(recent(cronJob('30 6-16/4 * * 1-5'), 24 * HOUR + 31 * MIN)).toMatchObject({ earliest: 0, mostRecent: 24 * HOUR + 30 * MIN, missed: 'few' });
  });

  it('keeps upstream estimate, which can step past the last due time of an uneven schedule', () => {
    // Times at 10:30, 11:30, 12:30 on weekdays; the hourly estimate from Thursday lands after Friday's last one.
    expect(recent(cronJob('30 10,11,12 * * 1-5', { last: 30 * MIN }), 30 * HOUR + 30 * MIN)).toEqual({ earliest: 30 * MIN, mostRecent: undefined, missed: 'few', error: undefined });
  });

  it('reports more than 100 missed times as many', () => {
    expect(recent(cronJob('@every 1h', { created: -59 * MIN, last: MIN, deadline: 10 }), 7 * 24 * HOUR)).toMatchObject({
      earliest: MIN,
      mostRecent: 6 * 24 * HOUR + 23 * HOUR + MIN,
      missed: 'many',
    });
    expect(recent(cronJob('*/1 * * * *'), 101 * MIN + 30_000).missed).toBe('many');
    expect(recent(cronJob('*/1 * * * *'), 100 * MIN + 30_000).missed).toBe('few');
  });

  it('starts from lastScheduleTime, moved up to the starting deadline when asked', () => {
    expect(recent(cronJob('0 * * * *', { last: 0 }), 30_000)).toMatchObject({ earliest: 0, mostRecent: undefined });
    expect(recent(cronJob('*/5 * * * *', { last: 30 * MIN }), 31 * MIN)).toMatchObject({ earliest: 30 * MIN, mostRecent: undefined });
    expect(recent(cronJob('*/5 * * * *', { last: 30 * MIN, deadline: 60 }), 31 * MIN, true)).toMatchObject({ earliest: 30 * MIN, mostRecent: undefined });
    expect(recent(cronJob('*/5 * * * *', { last: 30 * MIN, deadline: 60 }), 32 * MIN, true)).toMatchObject({ earliest: 31 * MIN, mostRecent: undefined });
    // 40 minutes late with a 60 s deadline: the 10:35 time is out of reach, so nothing is due.
    expect(recent(cronJob('*/5 * * * *', { last: 30 * MIN, deadline: 60 }), 75 * MIN + 30_000, true)).toMatchObject({ earliest: 74 * MIN + 30_000, mostRecent: 75 * MIN });
    expect(recent(cronJob('*/5 * * * *', { last: 30 * MIN, deadline: 60 }), 77 * MIN, true)).toMatchObject({ earliest: 76 * MIN, mostRecent: undefined });
  });

  it('errors for a schedule with no times', () => {
    expect(recent(cronJob('59 23 31 2 *', { created: 10_000 }), HOUR)).toMatchObject({ mostRecent: undefined, error: 'time difference between two schedules is less than 1 second' });
  });
});

describe('nextScheduleTimeDuration', () => {
  const duration = (cj: CronJob, now: number) => nextScheduleTimeDuration(cj, at(now), sched(cj.spec!.schedule));

  it('waits for the next time plus the 100 ms skew allowance', () => {
    expect(duration(cronJob('30 6-16/4 * * 1-5', { last: 30 * MIN }), 24 * HOUR + 31 * MIN)).toBe(3 * HOUR + 59 * MIN + 100);
    expect(duration(cronJob('30 10,11,12 * * 1-5', { last: 30 * MIN }), 30 * HOUR + 30 * MIN)).toBe(66 * HOUR + 100);
    expect(duration(cronJob('0 12 * * 4', { last: 2 * HOUR }), 19 * 24 * HOUR + HOUR + 30 * MIN)).toBe(48 * HOUR + 30 * MIN + 100);
    expect(duration(cronJob('0 12 * * 5'), 6 * HOUR)).toBe(20 * HOUR + 100);
    expect(duration(cronJob('*/1 * * * *'), 0)).toBe(MIN + 100);
  });
});

describe('nextScheduleTime', () => {
  it('gives the due time and flags too many missed ones', () => {
    const cj = cronJob('*/1 * * * *');
    expect(nextScheduleTime(cj, at(MIN + 500), sched('*/1 * * * *'))).toEqual({ scheduled: TOP + MIN, tooManyMissed: false, error: undefined });
    expect(nextScheduleTime(cj, at(30_000), sched('*/1 * * * *'))).toEqual({ tooManyMissed: false, error: undefined });
    expect(nextScheduleTime(cj, at(200 * MIN + 5_000), sched('*/1 * * * *'))).toEqual({ scheduled: TOP + 200 * MIN, tooManyMissed: true, error: undefined });
    // A starting deadline bounds the window, so a long outage is not "too many".
    const bounded = cronJob('*/1 * * * *', { deadline: 300 });
    expect(nextScheduleTime(bounded, at(200 * MIN + 5_000), sched('*/1 * * * *'))).toEqual({ scheduled: TOP + 200 * MIN, tooManyMissed: false, error: undefined });
  });
});
