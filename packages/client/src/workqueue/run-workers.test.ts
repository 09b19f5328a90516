import { describe, expect, it } from 'vitest';
import { FakeClock } from '@mk/api';
import { runWorkers } from './run-workers';
import { createWorkQueue } from './work-queue';

const flush = async (times = 3) => {
  for (let i = 0; i < times; i++) await new Promise((r) => setImmediate(r));
};

describe('runWorkers', () => {
  it('retries a failing key with backoff, reports the error, and forgets the backoff on success', async () => {
    const clock = new FakeClock();
    const q = createWorkQueue({ clock });
    const calls: string[] = [];
    const errors: string[] = [];
    let failures = 2;
    const running = runWorkers(
      q,
      1,
      async (key) => {
        calls.push(key);
        if (failures-- > 0) throw new Error(`conflict ${failures}`);
      },
      { onError: (key, err) => errors.push(`${key}: ${(err as Error).message}`) },
    );
    q.add('default/web');
    await flush();
    expect(calls).toHaveLength(1);
    expect(q.retries('default/web')).toBe(1);
    await clock.advance(4);
    expect(calls).toHaveLength(1);
    await clock.advance(1);
    await flush();
    expect(calls).toHaveLength(2);
    await clock.advance(10);
    await flush();
    expect(calls).toHaveLength(3);
    expect(errors).toEqual(['default/web: conflict 1', 'default/web: conflict 0']);
    expect(q.retries('default/web')).toBe(0);
    q.shutDown();
    await running;
  });

  it('re-adds a key after requeueAfterMs', async () => {
    const clock = new FakeClock();
    const q = createWorkQueue({ clock });
    let calls = 0;
    const running = runWorkers(q, 1, async () => {
      calls++;
      return calls === 1 ? { requeueAfterMs: 1000 } : undefined;
    });
    q.add('k');
    await flush();
    await clock.advance(999);
    await flush();
    expect(calls).toBe(1);
    await clock.advance(1);
    await flush();
    expect(calls).toBe(2);
    await clock.advance(10_000);
    expect(calls).toBe(2);
    q.shutDown();
    await running;
  });

  it('never reconciles one key on two workers at once, and reconciles it again if it changed meanwhile', async () => {
    const q = createWorkQueue();
    let active = 0;
    let maxActive = 0;
    const log: string[] = [];
    const releases: (() => void)[] = [];
    const running = runWorkers(q, 4, async (key) => {
      active++;
      maxActive = Math.max(maxActive, active);
      log.push(key);
      await new Promise<void>((r) => releases.push(r));
      active--;
    });
    q.add('a');
    await flush();
    q.add('a'); // changed while being reconciled
    q.add('b');
    await flush();
    expect(log).toEqual(['a', 'b']);
    expect(maxActive).toBe(2);
    releases.shift()!(); // finish the first 'a'
    await flush();
    expect(log).toEqual(['a', 'b', 'a']);
    for (const r of releases.splice(0)) r();
    await flush();
    q.shutDown();
    await running;
    expect(maxActive).toBe(2);
  });

  it('resolves once the queue is shut down and every worker has exited', async () => {
    const q = createWorkQueue();
    let finished = false;
    const running = runWorkers(q, 3, async () => {}).then(() => (finished = true));
    await flush();
    expect(finished).toBe(false);
    q.shutDown();
    await running;
    expect(finished).toBe(true);
  });
});
