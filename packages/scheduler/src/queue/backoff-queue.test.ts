import { describe, expect, it } from 'vitest';
import { FakeClock } from '@mk/api';
import { BackoffQueue } from './backoff-queue';

describe('BackoffQueue', () => {
  it('releases items when their backoff ends, earliest first, re-arming its timer', async () => {
    const clock = new FakeClock(0);
    const released: string[] = [];
    const q = new BackoffQueue<{ k: string; at: number }>(clock, (x) => x.k, (x) => x.at, (x) => released.push(x.k));
    q.add({ k: 'late', at: 3000 });
    q.add({ k: 'early', at: 1000 });
    await clock.advance(999);
    expect(released).toEqual([]);
    await clock.advance(1);
    expect(released).toEqual(['early']);
    q.add({ k: 'late', at: 1500 }); // replaced with an earlier expiry
    await clock.advance(500);
    expect(released).toEqual(['early', 'late']);
    expect(q.size).toBe(0);
  });

  it('stops releasing after close', async () => {
    const clock = new FakeClock(0);
    const released: string[] = [];
    const q = new BackoffQueue<{ k: string; at: number }>(clock, (x) => x.k, (x) => x.at, (x) => released.push(x.k));
    q.add({ k: 'a', at: 10 });
    q.close();
    await clock.advance(100);
    expect(released).toEqual([]);
  });
});
