/**
 * The watching half of `rollout status` (kubectl's UntilWithSync over a ListWatch narrowed to
 * `metadata.name`): an informer on the one object, a status line printed whenever it changes,
 * and an end when the rollout is done, fails, is deleted, or the timeout passes.
 */
import type { Clock, KObject } from '@mk/api';
import type { ApiClient } from '@mk/client';
import { watchOneObject } from '../mutate/watch-one';
import type { Target } from '../mutate/targets';
import type { StatusViewer } from './status-types';

/** What one `rollout status` watch needs. */
export interface WatchStatusOptions {
  client: ApiClient;
  target: Target;
  viewer: StatusViewer;
  /** --revision; 0 follows the latest revision. */
  revision: number;
  /** --watch; false prints the first status and stops. */
  watch: boolean;
  /** --timeout in milliseconds; 0 (or less) waits forever. */
  timeoutMs: number;
  clock: Clock;
  /** Receives each new status line (with its newline). */
  print(text: string): void;
  /** Receives the informer's list/watch failures, which it retries. */
  log(message: string): void;
}

/** Watches one object until its rollout is done; rejects with kubectl's error otherwise. */
export function watchRolloutStatus(opts: WatchStatusOptions): Promise<void> {
  const { target } = opts;
  const informer = watchOneObject(opts.client, target, opts.clock, opts.log);
  return new Promise<void>((resolve, reject) => {
    let finished = false;
    let lastLine: string | undefined;
    let timer: { cancel(): void } | undefined;
    const finish = (err?: Error): void => {
      if (finished) return;
      finished = true;
      timer?.cancel();
      informer.stop();
      if (err) reject(err);
      else resolve();
    };
    const observe = (obj: Readonly<KObject>): void => {
      if (finished) return;
      const status = opts.viewer(obj as KObject, opts.revision);
      if ('error' in status) return finish(new Error(status.error));
      // kubectl prints on every event; repeating an unchanged line only adds noise.
      if (status.message !== lastLine) opts.print(`${status.message}\n`);
      lastLine = status.message;
      if (status.done || !opts.watch) finish();
    };
    informer.addHandlers({
      onAdd: observe,
      onUpdate: (_old, obj) => observe(obj),
      // Stop rather than silently follow a re-created object of the same name.
      onDelete: () => finish(new Error('object has been deleted')),
    });
    if (opts.timeoutMs > 0) timer = opts.clock.setTimeout(() => finish(new Error('timed out waiting for the condition')), opts.timeoutMs);
    informer.start();
  });
}
