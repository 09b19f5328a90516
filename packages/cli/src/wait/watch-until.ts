/**
 * Waiting for one object to satisfy a check, as kubectl's getObjAndCheckCondition does with
 * UntilWithSync: an informer narrowed to the object's name (list, then watch, re-watching when a
 * stream ends and re-listing when its version expired), the check applied to every version seen,
 * NotFound when the first list does not have the object, and a timeout when `signal` aborts.
 */
import type { Clock, KObject } from '@mk/api';
import type { ApiClient } from '@mk/client';
import { watchOneObject } from '../mutate/watch-one';
import type { Target } from '../mutate/targets';
import { notFoundError, timeoutError } from './not-found';

/** What one wait needs. */
export interface WatchUntilOptions {
  client: ApiClient;
  target: Target;
  /** True when the object is done; may throw to end the wait with that error. */
  check(obj: KObject): boolean;
  /** Aborted when the overall --timeout has passed. */
  signal: AbortSignal;
  clock: Clock;
  /** Receives the informer's list/watch failures, which it retries. */
  log(message: string): void;
}

/** Resolves with the version of the object that passed the check. */
export function watchUntil(opts: WatchUntilOptions): Promise<KObject> {
  const { target, signal } = opts;
  if (signal.aborted) return Promise.reject(timeoutError(target));
  const informer = watchOneObject(opts.client, target, opts.clock, opts.log);
  return new Promise<KObject>((resolve, reject) => {
    let finished = false;
    const finish = (result: { obj: KObject } | { err: unknown }): void => {
      if (finished) return;
      finished = true;
      signal.removeEventListener('abort', onAbort);
      informer.stop();
      if ('obj' in result) resolve(result.obj);
      else reject(result.err);
    };
    const onAbort = (): void => finish({ err: timeoutError(target) });
    // Whether the first list had the object (kubectl's precondition); handlers see that list before synced() resolves.
    let listed = false;
    const observe = (obj: Readonly<KObject>): void => {
      if (!informer.hasSynced()) listed = true;
      if (finished) return;
      try {
        if (opts.check(obj as KObject)) finish({ obj: structuredClone(obj) as KObject });
      } catch (err) {
        finish({ err });
      }
    };
    // A deletion is not an answer: kubectl keeps waiting (until the timeout) for the object to come back.
    informer.addHandlers({ onAdd: observe, onUpdate: (_old, obj) => observe(obj) });
    signal.addEventListener('abort', onAbort, { once: true });
    informer.start();
    informer.synced().then(
      () => {
        if (!listed) finish({ err: notFoundError(target) });
      },
      () => undefined,
    );
  });
}
