import { isStoreError } from './errors';
import type { Store } from './types';

/** Interval timers, injectable for tests. */
export interface IntervalTimers {
  setInterval(tick: () => void, ms: number): unknown;
  clearInterval(handle: unknown): void;
}

/** Options for startCompactor. */
export interface CompactorOptions {
  intervalMs: number;
  /** Revisions of history kept behind the current one (watchers may resume that far back). */
  retainRevisions: number;
  /** Default: Node's timers, unref'd so the compactor never keeps the process alive. */
  timers?: IntervalTimers;
  /** Told the revision each pass compacted to. */
  onCompacted?(revision: number): void;
  /** Told about a failed pass (the next tick tries again). Default: process.emitWarning. */
  onError?(error: unknown): void;
}

const nodeTimers: IntervalTimers = {
  setInterval(tick, ms) {
    const handle = setInterval(tick, ms);
    handle.unref();
    return handle;
  },
  clearInterval(handle) {
    clearInterval(handle as NodeJS.Timeout);
  },
};

/**
 * One pass: compacts history older than (current revision - retainRevisions).
 * Returns the revision compacted to, or undefined when there was nothing to do.
 */
export async function compactOnce(store: Store, retainRevisions: number): Promise<number | undefined> {
  const target = (await store.revision()) - retainRevisions;
  if (target <= (await store.compactedRevision())) return undefined;
  await store.compact(target);
  return target;
}

/** Compacts periodically; returns a function that stops it. Passes never overlap; a closed store stops it. */
export function startCompactor(store: Store, opts: CompactorOptions): () => void {
  const timers = opts.timers ?? nodeTimers;
  const onError = opts.onError ?? ((error: unknown) => process.emitWarning(`store compaction failed: ${String(error)}`));
  let running = false;
  let stopped = false;
  let handle: unknown;
  const stop = () => {
    if (stopped) return;
    stopped = true;
    timers.clearInterval(handle);
  };
  const tick = () => {
    if (running || stopped) return;
    running = true;
    compactOnce(store, opts.retainRevisions)
      .then(
        (revision) => {
          if (revision !== undefined) opts.onCompacted?.(revision);
        },
        (error: unknown) => {
          if (isStoreError(error, 'Closed')) stop();
          else onError(error);
        },
      )
      .finally(() => {
        running = false;
      });
  };
  handle = timers.setInterval(tick, opts.intervalMs);
  return stop;
}
