import { describe, expect, it } from 'vitest';
import { FakeClock } from '@mk/api';
import { Backoff } from './backoff';

describe('Backoff', () => {
  it('starts at the initial delay, doubles to the maximum, and starts over after twice the maximum', async () => {
    const clock = new FakeClock();
    const t = () => clock.now().getTime();
    const b = new Backoff(10_000, 40_000, clock);
    expect(b.inBackOffSince('k', t())).toBeUndefined();
    const delays: number[] = [];
    for (let i = 0; i < 5; i++) {
      b.next('k', t());
      delays.push(b.get('k'));
    }
    expect(delays).toEqual([10_000, 20_000, 40_000, 40_000, 40_000]);
    await clock.advance(80_001);
    b.next('k', t());
    expect(b.get('k')).toBe(10_000);
  });

  it('says until when a key waits, counted from an event or from the last failure', async () => {
    const clock = new FakeClock();
    const b = new Backoff(10_000, 300_000, clock);
    const start = clock.now().getTime();
    b.next('c', start);
    await clock.advance(4000);
    expect(b.inBackOffSince('c', start)).toBe(start + 10_000);
    expect(b.inBackOffSinceUpdate('c')).toBe(start + 10_000);
    await clock.advance(6000);
    expect(b.inBackOffSince('c', start)).toBeUndefined();
    expect(b.inBackOffSinceUpdate('c')).toBeUndefined();
    b.forgetPrefix('c');
    expect(b.get('c')).toBe(0);
  });
});
