/**
 * Runs one Reconciler: its watches enqueue keys, workers drain the queue,
 * and an optional resync re-enqueues keys on a timer. Wiring is split from
 * running so the manager can attach every handler before the informers
 * start (no event is missed) and start workers only once caches are synced
 * (reconcile never sees a half-filled cache).
 */
import type { Clock, TimerHandle } from '@mk/api';
import { createWorkQueue, runWorkers, type WorkQueue } from '@mk/client';
import type { Reconciler } from './types';

export interface WiredReconciler {
  readonly queue: WorkQueue;
  /** Starts workers and the resync timer; resolves when the queue has shut down and workers exited. */
  run(): Promise<void>;
  /** Shuts the queue down and stops the resync timer. */
  shutDown(): void;
}

/** Attaches the reconciler's handlers to its informers and creates its queue. */
export function wireReconciler(rec: Reconciler, clock: Clock, log: (message: string) => void): WiredReconciler {
  const queue = createWorkQueue({ clock, name: rec.name });
  let stopped = false;
  let timer: TimerHandle | undefined;

  const enqueue = (keys: string[]) => {
    if (stopped) return;
    for (const key of keys) queue.add(key);
  };
  for (const watch of rec.watches) {
    watch.informer.addHandlers({
      onAdd: (obj) => enqueue(watch.keys(obj)),
      onUpdate: (oldObj, newObj) => {
        if (watch.changed && !watch.changed(oldObj, newObj)) return;
        enqueue([...new Set([...watch.keys(oldObj), ...watch.keys(newObj)])]);
      },
      onDelete: (obj) => enqueue(watch.keys(obj)),
    });
  }

  const scheduleResync = () => {
    if (!rec.resync || stopped) return;
    timer = clock.setTimeout(() => {
      enqueue(rec.resync!.keys());
      scheduleResync();
    }, rec.resync.periodMs);
  };

  return {
    queue,
    run() {
      scheduleResync();
      return runWorkers(queue, rec.workers ?? 1, (key) => rec.reconcile(key), {
        onError: (key, err) => log(`${rec.name}: sync of ${JSON.stringify(key)} failed, will retry: ${err instanceof Error ? err.message : String(err)}`),
      });
    },
    shutDown() {
      stopped = true;
      timer?.cancel();
      queue.shutDown();
    },
  };
}
