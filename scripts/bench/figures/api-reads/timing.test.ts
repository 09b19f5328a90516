import { describe, expect, it } from 'vitest';
import { expectCount, getLatency, medianOf, timeSequential } from './timing';

/** A clock that only moves when the fake operation says so. */
function fakeClock() {
  let t = 0;
  return { now: () => t, advance: (ms: number) => (t += ms) };
}

describe('timeSequential', () => {
  it('runs the warm-up untimed, then times each call on its own', async () => {
    const clock = fakeClock();
    const costs = [50, 60, 1, 2, 3];
    let call = 0;
    const durations = await timeSequential(async () => clock.advance(costs[call++]), { warmup: 2, samples: 3 }, clock.now);
    expect(call).toBe(5);
    expect(durations).toEqual([1, 2, 3]);
  });

  it('never starts a call before the previous one ended', async () => {
    let inFlight = 0;
    let most = 0;
    await timeSequential(
      async () => {
        most = Math.max(most, ++inFlight);
        await new Promise((r) => setTimeout(r, 1));
        inFlight--;
      },
      { warmup: 1, samples: 4 },
      () => 0,
    );
    expect(most).toBe(1);
  });

  it('lets a failing call end the measurement', async () => {
    await expect(timeSequential(() => Promise.reject(new Error('boom')), { warmup: 0, samples: 2 }, () => 0)).rejects.toThrow('boom');
  });
});

describe('getLatency', () => {
  it('takes nearest-rank p50 and p99: one slow call in a hundred is hidden by p99, two are not', () => {
    const fast = (i: number) => 1 + i / 100;
    const oneSlow = Array.from({ length: 100 }, (_, i) => (i === 42 ? 30 : fast(i)));
    expect(getLatency(oneSlow)).toEqual({ p50: 1.5, p99: 1.99 });
    const twoSlow = Array.from({ length: 100 }, (_, i) => (i === 42 || i === 43 ? 30 : fast(i)));
    expect(getLatency(twoSlow)).toEqual({ p50: 1.51, p99: 30 });
  });
});

describe('medianOf', () => {
  it('is the middle of the repeated lists whatever their order', () => {
    expect(medianOf([300, 120, 110, 900, 115])).toBe(120);
  });
});

describe('expectCount', () => {
  it('accepts exactly the expected count and names the read otherwise', () => {
    expect(() => expectCount('mk list', 10_000, 10_000)).not.toThrow();
    expect(() => expectCount('mk list', 9_999, 10_000)).toThrow('mk list returned 9999 items, expected 10000');
  });
});
