import { describe, expect, it } from 'vitest';
import { timeWrites, writesPerSecond, writesSample, type WriteTiming } from './timing';

/** A fake millisecond clock that writes advance by hand. */
function fakeClock() {
  let ms = 1_000;
  return { now: () => ms, advance: (d: number) => (ms += d) };
}

describe('timeWrites', () => {
  it('times the batch from first send to last answer and each write on its own', async () => {
    const clock = fakeClock();
    // Each write takes (item) ms of the fake clock, one at a time.
    const t = await timeWrites([10, 20, 30], 1, async (d) => clock.advance(d), clock.now);
    expect(t).toEqual({ count: 3, seconds: 0.06, latenciesMs: [10, 20, 30] });
  });

  it('keeps at most `concurrency` writes in flight and runs every item once', async () => {
    const clock = fakeClock();
    let inFlight = 0;
    let peak = 0;
    const seen: number[] = [];
    const items = Array.from({ length: 20 }, (_, i) => i);
    const t = await timeWrites(items, 4, async (i) => {
      inFlight++;
      peak = Math.max(peak, inFlight);
      await new Promise((r) => setImmediate(r));
      seen.push(i);
      inFlight--;
    }, clock.now);
    expect(peak).toBe(4);
    expect(seen.sort((a, b) => a - b)).toEqual(items);
    expect(t.latenciesMs).toHaveLength(20);
  });

  it('passes a failed write on', async () => {
    const clock = fakeClock();
    await expect(timeWrites([1], 1, async () => Promise.reject(new Error('409 AlreadyExists')), clock.now)).rejects.toThrow('409');
  });
});

describe('writesPerSecond', () => {
  it('divides the count by the wall time', () => {
    expect(writesPerSecond({ count: 500, seconds: 0.25, latenciesMs: [] })).toBe(2000);
  });
  it('refuses an empty or instant batch rather than report Infinity', () => {
    expect(() => writesPerSecond({ count: 0, seconds: 1, latenciesMs: [] })).toThrow('cannot rate');
    expect(() => writesPerSecond({ count: 5, seconds: 0, latenciesMs: [] })).toThrow('cannot rate');
  });
});

describe('writesSample', () => {
  const timing = (count: number, seconds: number, latenciesMs: number[]): WriteTiming => ({ count, seconds, latenciesMs });

  it('is mk writes/s over etcd puts/s with both rates and both sides’ p50/p99 as anchors', () => {
    const ms = (n: number, f: (i: number) => number) => Array.from({ length: n }, (_, i) => f(i));
    const mk = timing(100, 0.05, ms(100, (i) => i + 1)); // 2,000 writes/s, latencies 1…100 ms
    const etcd = timing(100, 0.1, ms(100, (i) => (i + 1) / 10)); // 1,000 puts/s, latencies 0.1…10 ms
    const s = writesSample(mk, etcd, 32);
    expect(s.value).toBe(2);
    expect(s.anchors).toEqual([
      { label: 'mk API writes/s (32 clients, ConfigMap creates over TLS)', unit: 'writes/s', value: 2000 },
      { label: 'bare etcd puts/s (32 clients, JSON gateway)', unit: 'puts/s', value: 1000 },
      { label: 'mk create latency p50', unit: 'ms', value: 50 },
      { label: 'mk create latency p99', unit: 'ms', value: 99 },
      { label: 'etcd put latency p50', unit: 'ms', value: 5 },
      { label: 'etcd put latency p99', unit: 'ms', value: 9.9 },
    ]);
  });

  it('gives a ratio under 1 when mk is slower', () => {
    expect(writesSample(timing(10, 2, [1]), timing(10, 1, [1]), 16).value).toBe(0.5);
  });
});
