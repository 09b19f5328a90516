/**
 * The reflector (client-go's Reflector.ListAndWatch): list the target, then
 * watch from the list's resourceVersion with bookmarks and a server-side
 * timeout so streams roll over; re-watch from the last seen resourceVersion
 * when a stream ends, re-list when that version has expired (410), and back
 * off exponentially on failures. Changes go to a sink; the reflector keeps no cache.
 */
import type { Clock, KObject } from '@mk/api';
import { isApiError } from '../api-error';
import { isTransportError } from '../transport-error';
import type { ApiClient, StatusJSON, WatchEventJSON, WatchHandle } from '../types';
import { Backoff } from './backoff';
import { collectionPath, isExpired, listAll, selectorQuery } from './list-pages';
import type { InformerTarget } from './types';

/** Where the reflector delivers what it learns. */
export interface ReflectorSink {
  /** A complete list (the first one, or a re-list after 410). */
  replace(items: KObject[]): void;
  /** One watch event, in stream order. */
  apply(type: 'ADDED' | 'MODIFIED' | 'DELETED', obj: KObject): void;
}

/** Timing and logging of a reflector. */
export interface ReflectorOptions {
  clock: Clock;
  /** First retry delay after a failure; doubles per consecutive failure (client-go: 800 ms). */
  backoffInitialMs: number;
  /** Retry delay cap (client-go: 30 s). */
  backoffMaxMs: number;
  /** The timeoutSeconds of each watch request. */
  watchTimeoutSeconds: () => number;
  pageSize?: number;
  log: (message: string) => void;
}

/** What to do after a watch stream: re-watch now, re-list now, or wait and then re-watch or re-list. */
type WatchOutcome = 'rewatch' | 'relist' | 'retry-watch' | 'retry-list';

/** Keeps a sink in step with one target through list and watch. */
export class Reflector {
  private lastResourceVersion = '';
  private stopped = false;
  private readonly abort = new AbortController();
  private handle?: WatchHandle;
  private cancelWait?: () => void;
  private readonly backoff: Backoff;
  private readonly description: string;

  constructor(
    private readonly client: ApiClient,
    private readonly target: InformerTarget,
    private readonly sink: ReflectorSink,
    private readonly opts: ReflectorOptions,
  ) {
    this.backoff = new Backoff(opts.backoffInitialMs, opts.backoffMaxMs);
    this.description = describeTarget(target);
  }

  /** The resourceVersion the next watch starts from. */
  get resourceVersion(): string {
    return this.lastResourceVersion;
  }

  /** Lists and watches until stop(); never rejects. */
  async run(): Promise<void> {
    let needList = true;
    while (!this.stopped) {
      if (needList) {
        try {
          const { items, resourceVersion } = await listAll(this.client, this.target, { pageSize: this.opts.pageSize, signal: this.abort.signal });
          if (this.stopped) return;
          this.sink.replace(items);
          this.lastResourceVersion = resourceVersion;
          needList = false;
          this.backoff.reset();
        } catch (err) {
          if (this.stopped) return;
          this.opts.log(`failed to list ${this.description}: ${message(err)}`);
          await this.wait(this.backoff.next());
          continue;
        }
      }
      const outcome = await this.watchOnce();
      if (outcome === 'relist' || outcome === 'retry-list') needList = true;
      if (outcome === 'retry-watch' || outcome === 'retry-list') await this.wait(this.backoff.next());
      else this.backoff.reset();
    }
  }

  stop(): void {
    this.stopped = true;
    this.abort.abort();
    this.handle?.close();
    this.cancelWait?.();
  }

  private async watchOnce(): Promise<WatchOutcome> {
    let events = 0;
    let errorStatus: StatusJSON | undefined;
    let handle: WatchHandle | undefined;
    let closeRequested = false;
    const onEvent = (ev: WatchEventJSON): void => {
      if (errorStatus || this.stopped) return;
      events++;
      if (ev.type === 'ERROR') {
        errorStatus = ev.object as unknown as StatusJSON;
        // Events may arrive before client.watch() has handed us the handle.
        if (handle) handle.close();
        else closeRequested = true;
        return;
      }
      if (ev.type !== 'BOOKMARK') this.sink.apply(ev.type, ev.object);
      const rv = ev.object?.metadata?.resourceVersion;
      if (rv) this.lastResourceVersion = rv;
    };
    try {
      handle = await this.client.watch(collectionPath(this.client, this.target), {
        query: {
          ...selectorQuery(this.target),
          resourceVersion: this.lastResourceVersion,
          allowWatchBookmarks: true,
          timeoutSeconds: this.opts.watchTimeoutSeconds(),
        },
        signal: this.abort.signal,
        onEvent,
      });
    } catch (err) {
      if (this.stopped) return 'rewatch';
      if (isExpired(err)) return 'relist';
      this.opts.log(`failed to watch ${this.description}: ${message(err)}`);
      // client-go retries the watch itself only for refused connections and 429s; anything else starts over with a list.
      return isTransportError(err) || (isApiError(err) && err.code === 429) ? 'retry-watch' : 'retry-list';
    }
    this.handle = handle;
    if (closeRequested || this.stopped) handle.close();
    try {
      await handle.done;
    } catch (err) {
      if (!this.stopped && !errorStatus) this.opts.log(`watch of ${this.description} ended with an error: ${message(err)}`);
    } finally {
      this.handle = undefined;
    }
    if (this.stopped) return 'rewatch';
    if (errorStatus) {
      if (errorStatus.code === 410) return 'relist';
      this.opts.log(`watch of ${this.description} failed: ${errorStatus.message ?? errorStatus.reason ?? 'unknown error'}`);
      return 'retry-list';
    }
    // A stream that ends without delivering anything, not even a bookmark, is retried with backoff so it cannot spin.
    return events === 0 ? 'retry-watch' : 'rewatch';
  }

  /** Waits on the injected clock; stop() cuts the wait short. */
  private wait(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const timer = this.opts.clock.setTimeout(() => {
        this.cancelWait = undefined;
        resolve();
      }, ms);
      this.cancelWait = () => {
        timer.cancel();
        resolve();
      };
    });
  }
}

/** e.g. `apps/v1 deployments in default` or `v1 nodes`, for log messages. */
export function describeTarget(t: InformerTarget): string {
  const gv = t.group ? `${t.group}/${t.version}` : t.version;
  return `${gv} ${t.plural}${t.namespace ? ` in ${t.namespace}` : ''}`;
}

function message(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}
