import { describe, expect, it } from 'vitest';
import { parseCronJobSchedule, parseStandard, type Schedule } from './schedule';

function scheduleOf(spec: string, zone?: string): Schedule {
  const parsed = parseStandard(spec, zone);
  if ('error' in parsed) throw new Error(parsed.error);
  return parsed.schedule;
}

/** The next `count` activations after `from`, as ISO strings (`never` where robfig returns the zero time). */
function upcoming(spec: string, from: string, count = 3, zone?: string): string[] {
  const schedule = scheduleOf(spec, zone);
  const out: string[] = [];
  let t = new Date(from);
  for (let i = 0; i < count; i++) {
    const next = schedule.next(t);
    if (!next) return [...out, 'never'];
    out.push(next.toISOString().replace('.000Z', 'Z'));
    t = next;
  }
  return out;
}

describe('standard schedules', () => {
  it('steps through five-field schedules, strictly after the given time', () => {
    expect(upcoming('*/1 * * * *', '2026-01-01T00:00:00Z')).toEqual(['2026-01-01T00:01:00Z', '2026-01-01T00:02:00Z', '2026-01-01T00:03:00Z']);
    expect(upcoming('*/1 * * * *', '2026-01-01T00:00:59.900Z', 1)).toEqual(['2026-01-01T00:01:00Z']);
    expect(upcoming('0/20 9-10 * * *', '2026-01-01T00:00:00Z', 4)).toEqual(['2026-01-01T09:00:00Z', '2026-01-01T09:20:00Z', '2026-01-01T09:40:00Z', '2026-01-01T10:00:00Z']);
    expect(upcoming('0 0 * JAN-feb mon', '2026-01-01T00:00:00Z', 2)).toEqual(['2026-01-05T00:00:00Z', '2026-01-12T00:00:00Z']);
  });

  it('needs both day fields when one is a star, and either when neither is', () => {
    // 2026-01-01 is a Thursday. `*` day of month: Fridays only.
    expect(upcoming('0 0 * * 5', '2026-01-01T00:00:00Z', 2)).toEqual(['2026-01-02T00:00:00Z', '2026-01-09T00:00:00Z']);
    // The 13th or any Friday.
    expect(upcoming('0 0 13 * 5', '2026-01-01T00:00:00Z', 4)).toEqual(['2026-01-02T00:00:00Z', '2026-01-09T00:00:00Z', '2026-01-13T00:00:00Z', '2026-01-16T00:00:00Z']);
    // A stepped star is no star: odd days or Mondays.
    expect(upcoming('0 0 */2 * 1', '2026-01-10T12:00:00Z', 3)).toEqual(['2026-01-11T00:00:00Z', '2026-01-12T00:00:00Z', '2026-01-13T00:00:00Z']);
  });

  it('expands the descriptors', () => {
    const from = '2026-01-01T00:00:00Z';
    expect(upcoming('@yearly', from, 1)).toEqual(['2027-01-01T00:00:00Z']);
    expect(upcoming('@annually', from, 1)).toEqual(['2027-01-01T00:00:00Z']);
    expect(upcoming('@monthly', from, 1)).toEqual(['2026-02-01T00:00:00Z']);
    expect(upcoming('@weekly', from, 1)).toEqual(['2026-01-04T00:00:00Z']);
    expect(upcoming('@daily', from, 1)).toEqual(['2026-01-02T00:00:00Z']);
    expect(upcoming('@midnight', from, 1)).toEqual(['2026-01-02T00:00:00Z']);
    expect(upcoming('@hourly', from, 1)).toEqual(['2026-01-01T01:00:00Z']);
  });

  it('runs @every at a constant delay from the whole second', () => {
    expect(upcoming('@every 90s', '2026-01-01T00:00:00.700Z', 2)).toEqual(['2026-01-01T00:01:30Z', '2026-01-01T00:03:00Z']);
    expect(upcoming('@every 1h30m', '2026-01-01T00:00:00Z', 1)).toEqual(['2026-01-01T01:30:00Z']);
    // Under a second rounds up to one.
    expect(upcoming('@every 10ms', '2026-01-01T00:00:00Z', 1)).toEqual(['2026-01-01T00:00:01Z']);
  });

  it('finds no time for dates that never come, and leap days years ahead', () => {
    expect(upcoming('59 23 31 2 *', '2026-01-01T00:00:00Z', 1)).toEqual(['never']);
    expect(upcoming('0 0 30 2 *', '2026-01-01T00:00:00Z', 1)).toEqual(['never']);
    expect(upcoming('0 0 29 2 *', '2026-03-01T00:00:00Z', 2)).toEqual(['2028-02-29T00:00:00Z', '2032-02-29T00:00:00Z']);
  });

  it('reports robfig parse errors', () => {
    const error = (spec: string) => (parseStandard(spec) as { error: string }).error;
    expect(error('* * * *')).toBe('expected exactly 5 fields, found 4: [* * * *]');
    expect(error('0 0 * * * *')).toBe('expected exactly 5 fields, found 6: [0 0 * * * *]');
    expect(error('0 0 * * 7')).toBe('end of range (7) above maximum (6): 7');
    expect(error('61 * * * *')).toBe('end of range (61) above maximum (59): 61');
    expect(error('@fortnightly')).toBe('unrecognized descriptor: @fortnightly');
    expect(error('0 0 L * *')).toBe('failed to parse int from L: strconv.Atoi: parsing "L": invalid syntax');
    expect(error('')).toBe('empty spec string');
    expect(error('TZ=Mars/Olympus 0 * * * *')).toBe('provided bad location Mars/Olympus: unknown time zone Mars/Olympus');
  });
});

describe('time zones', () => {
  it('reads the fields on the zone wall clock', () => {
    expect(upcoming('0 9 * * *', '2026-01-01T00:00:00Z', 2, 'Asia/Kolkata')).toEqual(['2026-01-01T03:30:00Z', '2026-01-02T03:30:00Z']);
    expect(upcoming('TZ=Asia/Tokyo 0 9 * * *', '2026-01-01T00:00:00Z', 1)).toEqual(['2026-01-02T00:00:00Z']);
    // New York in winter is UTC-5, in summer UTC-4.
    expect(upcoming('0 12 1 * *', '2026-05-15T00:00:00Z', 1, 'America/New_York')).toEqual(['2026-06-01T16:00:00Z']);
    expect(upcoming('0 12 1 * *', '2026-11-15T00:00:00Z', 1, 'America/New_York')).toEqual(['2026-12-01T17:00:00Z']);
  });

  it('skips wall-clock times a spring-forward leaves out', () => {
    // 2026-03-08 02:00 EST jumps to 03:00 EDT: 02:30 does not happen that day.
    expect(upcoming('30 2 * * *', '2026-03-07T12:00:00Z', 2, 'America/New_York')).toEqual(['2026-03-09T06:30:00Z', '2026-03-10T06:30:00Z']);
    expect(upcoming('*/30 * * * *', '2026-03-08T06:00:00Z', 3, 'America/New_York')).toEqual(['2026-03-08T06:30:00Z', '2026-03-08T07:00:00Z', '2026-03-08T07:30:00Z']);
  });

  it('runs wall-clock times a fall-back repeats twice', () => {
    // 2026-11-01 02:00 EDT falls back to 01:00 EST: 01:30 happens at 05:30Z and again at 06:30Z.
    expect(upcoming('30 1 * * *', '2026-10-31T12:00:00Z', 3, 'America/New_York')).toEqual(['2026-11-01T05:30:00Z', '2026-11-01T06:30:00Z', '2026-11-02T06:30:00Z']);
    expect(upcoming('30 1 * * *', '2026-11-01T06:00:00Z', 1, 'America/New_York')).toEqual(['2026-11-01T06:30:00Z']);
    expect(upcoming('*/20 1 * * *', '2026-11-01T05:30:00Z', 5, 'America/New_York')).toEqual([
      '2026-11-01T05:40:00Z',
      '2026-11-01T06:00:00Z',
      '2026-11-01T06:20:00Z',
      '2026-11-01T06:40:00Z',
      '2026-11-02T06:00:00Z',
    ]);
    expect(upcoming('0 * * * *', '2026-11-01T04:30:00Z', 3, 'America/New_York')).toEqual(['2026-11-01T05:00:00Z', '2026-11-01T06:00:00Z', '2026-11-01T07:00:00Z']);
  });

  it('handles half-hour transitions (Lord Howe falls back 30 minutes)', () => {
    // 2026-04-05 02:00 +11 falls back to 01:30 +10:30: 01:45 repeats, 01:15 does not.
    expect(upcoming('45 1 * * *', '2026-04-04T13:00:00Z', 3, 'Australia/Lord_Howe')).toEqual(['2026-04-04T14:45:00Z', '2026-04-04T15:15:00Z', '2026-04-05T15:15:00Z']);
    expect(upcoming('15 1 * * *', '2026-04-04T13:00:00Z', 2, 'Australia/Lord_Howe')).toEqual(['2026-04-04T14:15:00Z', '2026-04-05T14:45:00Z']);
  });
});

describe('parseCronJobSchedule', () => {
  it('applies spec.timeZone unless the schedule carries its own TZ=', () => {
    const nextOf = (schedule: string, tz: string | undefined) => {
      const p = parseCronJobSchedule(schedule, tz);
      return 'error' in p ? p.error : p.schedule.next(new Date('2026-01-01T00:00:00Z'))!.toISOString();
    };
    expect(nextOf('0 9 * * *', 'Asia/Tokyo')).toBe('2026-01-02T00:00:00.000Z');
    expect(nextOf('0 9 * * *', undefined)).toBe('2026-01-01T09:00:00.000Z');
    expect(nextOf('CRON_TZ=Europe/Paris 0 9 * * *', 'Asia/Tokyo')).toBe('2026-01-01T08:00:00.000Z');
    // An unknown zone is reported by the sync; the schedule itself falls back to UTC.
    expect(nextOf('0 9 * * *', 'Mars/Olympus')).toBe('2026-01-01T09:00:00.000Z');
  });
});
