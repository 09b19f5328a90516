/**
 * The standard controller worker loop over a work queue: get a key,
 * reconcile it, forget its backoff on success or re-add it rate-limited on
 * failure, and always mark it done. Controllers and the scheduler run it.
 */
import type { WorkQueue } from '../informer/types';

/** What a reconcile may ask for besides success: to look at the key again after a delay. */
export type ReconcileResult = void | { requeueAfterMs?: number };

/** Options of runWorkers. */
export interface RunWorkersOptions {
  /** Told about each failed reconcile (default: console.warn). The key is retried with backoff either way. */
  onError?: (key: string, err: unknown) => void;
}

/**
 * Runs n concurrent workers until the queue shuts down and is drained;
 * resolves when the last worker has exited. reconcile never sees the same key
 * twice at once (the queue guarantees it).
 */
export async function runWorkers(
  queue: WorkQueue,
  n: number,
  reconcile: (key: string) => Promise<ReconcileResult>,
  opts: RunWorkersOptions = {},
): Promise<void> {
  const onError = opts.onError ?? ((key, err) => console.warn(`reconcile of ${key} failed: ${err instanceof Error ? err.message : String(err)}`));
  const worker = async (): Promise<void> => {
    for (;;) {
      const key = await queue.get();
      if (key === undefined) return;
      try {
        const result = await reconcile(key);
        queue.forget(key);
        const after = result?.requeueAfterMs;
        if (after !== undefined) queue.addAfter(key, after);
      } catch (err) {
        try {
          onError(key, err);
        } catch {
          // A failing error reporter must not kill the worker.
        }
        queue.addRateLimited(key);
      } finally {
        queue.done(key);
      }
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, n) }, worker));
}
