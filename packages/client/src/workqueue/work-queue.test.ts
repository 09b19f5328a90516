import { describe, expect, it } from 'vitest';
import { FakeClock } from '@mk/api';
import { createWorkQueue } from './work-queue';

const flush = () => new Promise((r) => setImmediate(r));

/** Keys get() hands out right now, without waiting. */
async function drain(q: ReturnType<typeof createWorkQueue>): Promise<string[]> {
  const out: string[] = [];
  while (q.length > 0) out.push((await q.get())!);
  return out;
}

describe('createWorkQueue', () => {
  it('queues a key once however often it is added, in first-added order', async () => {
    const q = createWorkQueue();
    for (const k of ['a', 'b', 'a', 'c', 'b']) q.add(k);
    expect(q.length).toBe(3);
    expect(await drain(q)).toEqual(['a', 'b', 'c']);
  });

  it('does not hand a key being processed to a second worker, and re-queues it on done when added meanwhile', async () => {
    const q = createWorkQueue();
    q.add('a');
    expect(await q.get()).toBe('a');
    q.add('a');
    q.add('a');
    expect(q.length).toBe(0);
    let second: string | undefined = 'none';
    void q.get().then((k) => (second = k));
    await flush();
    expect(second).toBe('none');
    q.done('a');
    await flush();
    expect(second).toBe('a');
    q.done('a');
    expect(q.length).toBe(0);
  });

  it('does not re-queue a processed key that was not added again', async () => {
    const q = createWorkQueue();
    q.add('a');
    q.done((await q.get())!);
    expect(q.length).toBe(0);
  });

  it('get() waits for a key and waiters are served in order', async () => {
    const q = createWorkQueue();
    const got: (string | undefined)[] = [];
    const w1 = q.get().then((k) => got.push(k));
    const w2 = q.get().then((k) => got.push(k));
    q.add('x');
    q.add('y');
    await Promise.all([w1, w2]);
    expect(got).toEqual(['x', 'y']);
  });

  it('backs a key off exponentially per failure until forgotten', async () => {
    const clock = new FakeClock();
    const q = createWorkQueue({ clock, baseDelayMs: 5, maxDelayMs: 40 });
    const delays: number[] = [];
    for (let i = 0; i < 6; i++) {
      q.addRateLimited('a');
      let waited = 0;
      while (q.length === 0) {
        await clock.advance(1);
        waited++;
      }
      delays.push(waited);
      q.done((await q.get())!);
    }
    expect(delays).toEqual([5, 10, 20, 40, 40, 40]);
    expect(q.retries('a')).toBe(6);
    q.forget('a');
    expect(q.retries('a')).toBe(0);
    q.addRateLimited('a');
    await clock.advance(4);
    expect(q.length).toBe(0);
    await clock.advance(1);
    expect(q.length).toBe(1);
  });

  it('uses client-go defaults of 5 ms doubling up to 1000 s', async () => {
    const clock = new FakeClock();
    const q = createWorkQueue({ clock });
    const delays: number[] = [];
    for (let i = 0; i < 20; i++) {
      const expected = Math.min(1_000_000, 5 * 2 ** i);
      q.addRateLimited('a');
      await clock.advance(expected - 1);
      const early = q.length;
      await clock.advance(1);
      if (early === 0 && q.length === 1) delays.push(expected);
      q.done((await q.get())!);
    }
    expect(delays.slice(0, 3)).toEqual([5, 10, 20]);
    expect(delays).toHaveLength(20);
    expect(delays.at(-1)).toBe(1_000_000);
  });

  it('hands out addAfter keys in the order they become ready, keeping the earlier of two delays', async () => {
    const clock = new FakeClock();
    const q = createWorkQueue({ clock });
    q.addAfter('late', 300);
    q.addAfter('early', 100);
    q.addAfter('middle', 200);
    q.addAfter('early', 250); // later than the pending 100 ms: ignored
    q.addAfter('late', 150); // earlier than the pending 300 ms: moves up
    q.addAfter('now', 0);
    expect(await drain(q)).toEqual(['now']);
    await clock.advance(100);
    expect(await drain(q)).toEqual(['early']);
    await clock.advance(100);
    expect(await drain(q)).toEqual(['late', 'middle']);
    await clock.advance(1000);
    expect(q.length).toBe(0);
  });

  it('an addAfter key that is already queued is not queued twice', async () => {
    const clock = new FakeClock();
    const q = createWorkQueue({ clock });
    q.add('a');
    q.addAfter('a', 10);
    await clock.advance(10);
    expect(await drain(q)).toEqual(['a']);
  });

  it('shutDown wakes waiters with undefined, drops delayed keys, ignores adds and drains what was queued', async () => {
    const clock = new FakeClock();
    const idle = createWorkQueue({ clock });
    const waiter = idle.get();
    idle.addAfter('later', 50);
    idle.shutDown();
    expect(await waiter).toBeUndefined();
    expect(clock.pending).toBe(0);
    idle.add('x');
    expect(await idle.get()).toBeUndefined();
    expect(idle.shuttingDown).toBe(true);

    const busy = createWorkQueue({ clock });
    busy.add('a');
    busy.shutDown();
    expect(await busy.get()).toBe('a');
    expect(await busy.get()).toBeUndefined();
  });
});
