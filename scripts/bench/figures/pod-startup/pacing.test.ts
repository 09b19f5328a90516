import { describe, expect, it } from 'vitest';
import { dueAt, runPaced, type PacingClock } from './pacing';

/** A scripted clock: each sleep moves time by the requested ms plus `oversleep(ms)`; `busy` moves it as work would. */
function scriptedClock(start: number, oversleep: (ms: number) => number = () => 0) {
  let now = start;
  const clock: PacingClock = {
    now: () => now,
    sleep: async (ms) => {
      now += ms + oversleep(ms);
    },
  };
  return { clock, busy: (ms: number) => void (now += ms) };
}

describe('dueAt', () => {
  it('counts every slot from the start', () => {
    expect(dueAt(1000, 0, 10)).toBe(1000);
    expect(dueAt(1000, 7, 10)).toBe(1070);
  });
});

describe('runPaced', () => {
  it('launches the i-th action at start + i × interval and reports the rate', async () => {
    const { clock } = scriptedClock(500);
    const at: number[] = [];
    const report = await runPaced(5, 10, clock, () => at.push(clock.now()));
    expect(at).toEqual([500, 510, 520, 530, 540]);
    expect(report).toEqual({ count: 5, intervalMs: 10, startedAt: 500, lastAt: 540, maxLagMs: 0, lateCount: 0, ratePerSecond: 100 });
  });

  it('sleeps again when a timer wakes early, never launching before the due time', async () => {
    const { clock } = scriptedClock(0, (ms) => (ms > 1 ? -0.5 : 0));
    const at: number[] = [];
    await runPaced(3, 10, clock, () => at.push(clock.now()));
    expect(at).toEqual([0, 10, 20]);
  });

  it('does not let oversleeping accumulate into drift', async () => {
    const { clock } = scriptedClock(0, () => 2);
    const at: number[] = [];
    const report = await runPaced(4, 10, clock, () => at.push(clock.now()));
    expect(at).toEqual([0, 12, 22, 32]);
    expect(report.maxLagMs).toBe(2);
    expect(report.lateCount).toBe(0);
  });

  it('launches overdue actions at once after a stall and counts those a whole slot late', async () => {
    const { clock, busy } = scriptedClock(0);
    const at: number[] = [];
    const report = await runPaced(8, 10, clock, (i) => {
      at.push(clock.now());
      if (i === 3) busy(35);
    });
    // Due 40, 50, 60 while the launcher was busy until 65: all three go out then, 70 is on time again.
    expect(at).toEqual([0, 10, 20, 30, 65, 65, 65, 70]);
    expect(report.maxLagMs).toBe(25);
    expect(report.lateCount).toBe(2);
    expect(report.ratePerSecond).toBe(100);
  });

  it('refuses an empty schedule', async () => {
    const { clock } = scriptedClock(0);
    await expect(runPaced(0, 10, clock, () => {})).rejects.toThrow('positive count');
    await expect(runPaced(3, 0, clock, () => {})).rejects.toThrow('positive count');
  });
});
