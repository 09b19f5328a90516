import { describe, expect, it } from 'vitest';
import { Limiter } from './limiter';

function deferred() {
  let resolve!: () => void;
  const promise = new Promise<void>((r) => (resolve = r));
  return { promise, resolve };
}

describe('Limiter', () => {
  it('runs at most `limit` tasks at once, in FIFO order', async () => {
    const limiter = new Limiter(2);
    const gates = [deferred(), deferred(), deferred()];
    const started: number[] = [];
    const runs = gates.map((g, i) => limiter.run(async () => (started.push(i), g.promise)));
    await Promise.resolve();
    expect(started).toEqual([0, 1]);
    expect(limiter.active).toBe(2);
    gates[0].resolve();
    await runs[0];
    await Promise.resolve();
    expect(started).toEqual([0, 1, 2]);
    gates[1].resolve();
    gates[2].resolve();
    await Promise.all(runs);
    expect(limiter.active).toBe(0);
  });

  it('slot() waits until a task finishes; idle() until all have', async () => {
    const limiter = new Limiter(1);
    const gate = deferred();
    const run = limiter.run(() => gate.promise);
    let free = false;
    const slot = limiter.slot().then(() => (free = true));
    await Promise.resolve();
    expect(free).toBe(false);
    gate.resolve();
    await run;
    await slot;
    expect(free).toBe(true);
    await limiter.idle();
  });
});
