import { describe, expect, it } from 'vitest';
import { FakeClock } from './clock';

describe('FakeClock', () => {
  it('fires due timers in time order and skips cancelled ones', async () => {
    const clock = new FakeClock('2026-01-01T00:00:00Z');
    const fired: string[] = [];
    clock.setTimeout(() => fired.push('b'), 2000);
    clock.setTimeout(() => fired.push('a'), 1000);
    const c = clock.setTimeout(() => fired.push('c'), 1500);
    c.cancel();
    await clock.advance(1500);
    expect(fired).toEqual(['a']);
    expect(clock.now().toISOString()).toBe('2026-01-01T00:00:01.500Z');
    await clock.advance(500);
    expect(fired).toEqual(['a', 'b']);
    expect(clock.pending).toBe(0);
  });

  it('resolves sleeps and runs timers scheduled by timers within the same advance', async () => {
    const clock = new FakeClock(0);
    const fired: number[] = [];
    clock.setTimeout(() => {
      fired.push(clock.now().getTime());
      clock.setTimeout(() => fired.push(clock.now().getTime()), 100);
    }, 100);
    const slept = clock.sleep(250).then(() => fired.push(-1));
    await clock.advance(300);
    await slept;
    expect(fired).toEqual([100, 200, -1]);
  });
});
