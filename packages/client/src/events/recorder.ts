/**
 * createEventRecorder: records core/v1 Events as upstream's legacy recorder
 * and broadcaster do. event() returns at once; a background chain writes
 * events one at a time (so a repeat can patch the Event its first occurrence
 * created), retries transport failures, and logs failures once instead of
 * throwing into the component that reported the event.
 */
import { realClock, type Clock, type KObject } from '@mk/api';
import { isAlreadyExists, isApiError, isNotFound } from '../api-error';
import type { ApiClient } from '../types';
import { EventCorrelator } from './correlator';
import type { EventPatch } from './event-log';
import { createEventNamer, makeEvent, referenceTo } from './make-event';
import type { CoreEvent, EventRecorder, EventType, ObjectReference } from './types';

/** Who reports the events, and how writes are retried. */
export interface EventRecorderOptions {
  /** source.component and reportingComponent, e.g. `default-scheduler`, `kubelet`. */
  component: string;
  /** source.host and reportingInstance, e.g. the node name for a kubelet. */
  host?: string;
  clock?: Clock;
  /** Where write failures are reported (default console.warn); each outage is reported once. */
  log?: (message: string) => void;
  /** Attempts per event when the API server cannot be reached (upstream 12)… */
  maxTries?: number;
  /** …with this long between attempts (upstream 10 s; the first wait is a random part of it). */
  retryDelayMs?: number;
  /** Events waiting to be written beyond which new ones are dropped (upstream's queue holds 1000). */
  maxPending?: number;
}

/** Creates a recorder writing through client. */
export function createEventRecorder(client: ApiClient, opts: EventRecorderOptions): EventRecorder {
  return new Recorder(client, opts);
}

const STRATEGIC_MERGE_PATCH = 'application/strategic-merge-patch+json';

class Recorder implements EventRecorder {
  private readonly clock: Clock;
  private readonly log: (message: string) => void;
  private readonly newName = createEventNamer();
  private readonly correlator: EventCorrelator;
  private chain: Promise<void> = Promise.resolve();
  private pending = 0;
  /** Events dropped since the backlog last emptied; reported once, not per event, so bursts stay readable. */
  private dropped = 0;
  private stopped = false;
  /** True while writes fail: the first failure is logged, the rest of the outage is not. */
  private failing = false;
  private readonly waits = new Set<() => void>();

  constructor(
    private readonly client: ApiClient,
    private readonly opts: EventRecorderOptions,
  ) {
    this.clock = opts.clock ?? realClock;
    this.log = opts.log ?? ((m) => console.warn(`event recorder: ${m}`));
    this.correlator = new EventCorrelator({ now: () => this.clock.now(), newName: this.newName });
  }

  event(obj: KObject | ObjectReference, type: EventType, reason: string, message: string): void {
    if (this.stopped) return;
    if (type !== 'Normal' && type !== 'Warning') return this.log(`unsupported event type: '${String(type)}'`);
    let event: CoreEvent;
    try {
      const ref = referenceTo(obj);
      const now = this.clock.now();
      event = makeEvent(ref, type, reason, message, { component: this.opts.component, host: this.opts.host }, now, this.newName(ref.name!, now));
    } catch (err) {
      return this.log(`could not construct reference to ${describe(obj)}, will not report event: '${type}' '${reason}' '${message}': ${errMessage(err)}`);
    }
    if (this.pending >= (this.opts.maxPending ?? 1000)) {
      if (this.dropped++ === 0) this.log(`dropping events (first: ${reason} about ${describe(obj)}): too many events waiting to be written`);
      return;
    }
    this.pending++;
    this.chain = this.chain
      .then(() => this.record(event))
      // A rejected link would skip every later event, so nothing may escape.
      .catch((err) => this.log(`recording event ${reason} failed: ${errMessage(err)}`))
      .finally(() => {
        this.pending--;
        if (this.pending === 0 && this.dropped > 0) {
          this.log(`dropped ${this.dropped} event(s) while too many were waiting to be written`);
          this.dropped = 0;
        }
      });
  }

  flush(): Promise<void> {
    return this.chain;
  }

  stop(): void {
    this.stopped = true;
    for (const cancel of this.waits) cancel();
  }

  /** Correlates then writes one event, retrying while the server is unreachable; never rejects. */
  private async record(e: CoreEvent): Promise<void> {
    if (this.stopped) return;
    const { event, patch, skip } = this.correlator.correlate(e);
    if (skip) return;
    const maxTries = this.opts.maxTries ?? 12;
    const delay = this.opts.retryDelayMs ?? 10_000;
    for (let tries = 1; ; tries++) {
      if (await this.write(event, patch)) return;
      if (tries >= maxTries || this.stopped) return;
      // A random first wait keeps many clients from retrying in step after the API server comes back.
      await this.wait(tries === 1 ? Math.random() * delay : delay);
    }
  }

  /** True when done with the event (written, or rejected for good); false to retry. */
  private async write(event: CoreEvent, patch: EventPatch | undefined): Promise<boolean> {
    const { namespace, name } = event.metadata;
    try {
      let written: CoreEvent | undefined;
      if (event.count > 1 && patch) {
        try {
          written = await this.client.request<CoreEvent>('PATCH', this.eventPath(namespace, name), { body: patch, contentType: STRATEGIC_MERGE_PATCH });
        } catch (err) {
          // The Event may have expired (event TTL) or been deleted: create it again.
          if (!isNotFound(err)) throw err;
        }
      }
      if (!written) {
        const { resourceVersion: _rv, ...metadata } = event.metadata;
        written = await this.client.request<CoreEvent>('POST', this.eventPath(namespace), { body: { ...event, metadata } });
      }
      this.correlator.updateState(written);
      this.failing = false;
      return true;
    } catch (err) {
      if (isApiError(err)) {
        // The server understood and refused: retrying cannot help (upstream gives up on these too).
        if (!isAlreadyExists(err) && !isNamespaceTerminating(err)) this.fail(`server rejected event ${name} (will not retry): ${err.message}`);
        return true;
      }
      this.fail(`unable to write event ${name} (may retry after sleeping): ${errMessage(err)}`);
      return false;
    }
  }

  private eventPath(namespace: string, name?: string): string {
    return this.client.path({ group: '', version: 'v1', plural: 'events', namespace, name });
  }

  private fail(message: string): void {
    if (this.failing) return;
    this.failing = true;
    this.log(message);
  }

  /** Waits on the clock; stop() cuts it short. */
  private wait(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const cancel = () => {
        timer.cancel();
        this.waits.delete(cancel);
        resolve();
      };
      const timer = this.clock.setTimeout(cancel, ms);
      this.waits.add(cancel);
    });
  }
}

function isNamespaceTerminating(err: unknown): boolean {
  return isApiError(err) && (err.status.details?.causes ?? []).some((c) => c.reason === 'NamespaceTerminating');
}

function describe(obj: KObject | ObjectReference): string {
  const o = obj as KObject & ObjectReference;
  const name = o.metadata?.name ?? o.name ?? '';
  const ns = o.metadata?.namespace ?? o.namespace;
  return `${o.kind ?? 'object'} ${ns ? `${ns}/` : ''}${name}`;
}

function errMessage(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}
