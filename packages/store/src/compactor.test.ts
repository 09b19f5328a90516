import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { compactOnce, startCompactor, type IntervalTimers } from './compactor';
import { openSqliteStore, type SqliteStore } from './sqlite-store';
import type { Store } from './types';

/** Timers the test fires by hand. */
class ManualTimers implements IntervalTimers {
  tick: (() => void) | undefined;
  intervalMs: number | undefined;
  cleared!: Promise<void>;
  private markCleared!: () => void;
  constructor() {
    this.cleared = new Promise((resolve) => (this.markCleared = resolve));
  }
  setInterval(tick: () => void, ms: number): unknown {
    this.tick = tick;
    this.intervalMs = ms;
    return 'handle';
  }
  clearInterval(handle: unknown): void {
    if (handle === 'handle') this.markCleared();
  }
}

describe('compactor', () => {
  let store: SqliteStore;
  beforeEach(async () => {
    store = openSqliteStore(':memory:');
    for (let i = 0; i < 10; i++) await store.create(`/k${i}`, 'x');
  });
  afterEach(() => store.close());

  it('compactOnce keeps retainRevisions of history and does nothing when already there', async () => {
    expect(await compactOnce(store, 4)).toBe(6);
    expect(await store.compactedRevision()).toBe(6);
    expect(await compactOnce(store, 4)).toBeUndefined();
    expect(await compactOnce(store, 20)).toBeUndefined();
  });

  it('compacts on each tick, one pass at a time', async () => {
    const timers = new ManualTimers();
    const compactedTo: number[] = [];
    let done!: () => void;
    const compacted = new Promise<void>((resolve) => (done = resolve));
    startCompactor(store, {
      intervalMs: 60_000, retainRevisions: 3, timers, onCompacted: (revision) => (compactedTo.push(revision), done()),
    });
    expect(timers.intervalMs).toBe(60_000);
    timers.tick!();
    timers.tick!(); // still running: skipped
    await compacted;
    expect(compactedTo).toEqual([7]);
    expect(await store.compactedRevision()).toBe(7);
  });

  it('stops when asked, and by itself once the store is closed', async () => {
    const timers = new ManualTimers();
    const errors: unknown[] = [];
    startCompactor(store, { intervalMs: 1000, retainRevisions: 0, timers, onError: (e) => errors.push(e) });
    await store.close();
    timers.tick!();
    await timers.cleared;
    expect(errors).toEqual([]);

    const other = new ManualTimers();
    const stop = startCompactor(store, { intervalMs: 1000, retainRevisions: 0, timers: other });
    stop();
    await other.cleared;
  });

  it('reports a failed pass and keeps going', async () => {
    const timers = new ManualTimers();
    let reported!: (error: unknown) => void;
    const error = new Promise<unknown>((resolve) => (reported = resolve));
    const failing: Store = Object.assign(Object.create(store) as Store, {
      compact: () => Promise.reject(new Error('disk full')),
    });
    startCompactor(failing, { intervalMs: 1000, retainRevisions: 0, timers, onError: reported });
    timers.tick!();
    expect(await error).toEqual(new Error('disk full'));
    expect(await store.compactedRevision()).toBe(0);
  });
});
