import { describe, expect, it } from 'vitest';
import { instantsOfWallTime, loadLocation, transitionBetween } from './zone';

describe('loadLocation', () => {
  it('knows UTC, Local and IANA names, case-sensitively as Go does', () => {
    expect(loadLocation('')).toEqual({ zone: 'UTC' });
    expect(loadLocation('Local')).toEqual({ zone: 'UTC' });
    expect(loadLocation('Europe/Berlin')).toEqual({ zone: 'Europe/Berlin' });
    expect(loadLocation('europe/berlin')).toEqual({ error: 'unknown time zone europe/berlin' });
    expect(loadLocation('Mars/Olympus')).toEqual({ error: 'unknown time zone Mars/Olympus' });
    expect(loadLocation('../etc/passwd')).toEqual({ error: 'time: invalid location name' });
  });
});

describe('wall-clock instants', () => {
  const iso = (ms: number[]) => ms.map((m) => new Date(m).toISOString());
  it('finds none in a gap, two in an overlap, one otherwise', () => {
    expect(iso(instantsOfWallTime(Date.parse('2026-03-08T02:30:00Z'), 'America/New_York'))).toEqual([]);
    expect(iso(instantsOfWallTime(Date.parse('2026-11-01T01:30:00Z'), 'America/New_York'))).toEqual(['2026-11-01T05:30:00.000Z', '2026-11-01T06:30:00.000Z']);
    expect(iso(instantsOfWallTime(Date.parse('2026-07-01T12:00:00Z'), 'America/New_York'))).toEqual(['2026-07-01T16:00:00.000Z']);
  });

  it('locates a transition to the second', () => {
    const t = transitionBetween(Date.parse('2026-11-01T04:00:00Z'), Date.parse('2026-11-01T08:00:00Z'), 'America/New_York');
    expect(t).toEqual({ at: Date.parse('2026-11-01T06:00:00Z'), before: -4 * 3_600_000, after: -5 * 3_600_000 });
    expect(transitionBetween(Date.parse('2026-07-01T00:00:00Z'), Date.parse('2026-07-01T03:00:00Z'), 'America/New_York')).toBeUndefined();
  });
});
