import type { WatchEvent, WatchOptions } from './types';
import type { WatchHubOptions } from './watch-hub';

type SubscriptionState = 'idle' | 'scheduled' | 'running' | 'closed';

/** One watcher: its replay cursor, its bounded queue of live events, and the pump that delivers them. */
export class Subscription {
  private state: SubscriptionState = 'idle';
  /** Revision of the last event delivered (or passed over by the replay). */
  private cursor: number;
  /** Events up to here come from history; live events up to here are skipped. */
  private readonly replayTo: number;
  private queue: (WatchEvent | undefined)[] = [];
  private queueHead = 0;

  constructor(
    private readonly hub: WatchHubOptions,
    private readonly prefix: string,
    private readonly watch: WatchOptions,
    headRevision: number,
    /** The hub's last published revision: every event up to it has been offered. */
    private readonly lastPublished: () => number,
    private readonly unregister: (sub: Subscription) => void,
    /** For a watcher with a trigger: whether a replayed event falls in its bucket (live events are filed by the hub). */
    private readonly wants?: (event: WatchEvent) => boolean,
  ) {
    this.cursor = watch.afterRevision;
    this.replayTo = Math.max(watch.afterRevision, headRevision);
  }

  /** Begins the replay, if there is history to replay. */
  start(): void {
    if (this.cursor < this.replayTo) this.schedule();
  }

  /** Queues a live event for this watcher if it matches and is not covered by the replay. */
  offer(event: WatchEvent): void {
    if (this.state === 'closed' || event.revision <= this.replayTo || !event.kv.key.startsWith(this.prefix)) return;
    this.queue.push(event);
    if (this.queue.length - this.queueHead > this.hub.bufferSize) this.drop('slow');
    else this.schedule();
  }

  /**
   * Every event up to this revision that this watcher is due has been passed
   * to onEvent. Once idle (replay done, queue drained) that is everything the
   * hub has published, offered to this watcher or not; before, its cursor.
   */
  progress(): number {
    if (this.state === 'idle' && this.cursor >= this.replayTo) return Math.max(this.cursor, this.lastPublished());
    return this.cursor;
  }

  /** Closed by its owner: no onClose. */
  close(): void {
    if (this.state === 'closed') return;
    this.state = 'closed';
    this.release();
  }

  /** Dropped by the store: onClose(reason), deferred so it never runs inside a writer's call stack. */
  drop(reason: 'slow' | 'closed'): void {
    if (this.state === 'closed') return;
    this.state = 'closed';
    this.release();
    const onClose = this.watch.onClose;
    if (onClose) this.hub.defer(() => this.guard(() => onClose.call(this.watch, reason)));
  }

  private release(): void {
    this.queue = [];
    this.queueHead = 0;
    this.unregister(this);
  }

  private schedule(): void {
    if (this.state !== 'idle') return;
    this.state = 'scheduled';
    this.hub.defer(() => void this.pump());
  }

  private isClosed(): boolean {
    return this.state === 'closed';
  }

  private async pump(): Promise<void> {
    if (this.isClosed()) return;
    this.state = 'running';
    while (!this.isClosed()) {
      if (this.cursor < this.replayTo) {
        if (!(await this.replayPage())) return;
        continue;
      }
      const event = this.dequeue();
      if (!event) break;
      if (!(await this.deliver(event))) return;
    }
    if (!this.isClosed()) this.state = 'idle';
  }

  /** Delivers one page of history; false once the watcher is closed. */
  private async replayPage(): Promise<boolean> {
    const { replayPageSize } = this.hub;
    const page = this.hub.readHistory(this.prefix, this.cursor, this.replayTo, replayPageSize);
    if (page === 'compacted') {
      // The history this watcher still needed was compacted under it: the client must re-list.
      this.drop('slow');
      return false;
    }
    for (const event of page) {
      if (this.wants && !this.wants(event)) continue;
      if (!(await this.deliver(event))) return false;
    }
    this.cursor = page.length < replayPageSize ? this.replayTo : page[page.length - 1]!.revision;
    // Let writers (and other watchers) run between pages of a long replay.
    if (this.cursor < this.replayTo) await new Promise<void>((resolve) => this.hub.defer(resolve));
    return !this.isClosed();
  }

  private dequeue(): WatchEvent | undefined {
    if (this.queueHead >= this.queue.length) return undefined;
    const event = this.queue[this.queueHead];
    this.queue[this.queueHead++] = undefined;
    // Reclaim the consumed front now and then instead of shifting on every event.
    if (this.queueHead >= 1024 && this.queueHead * 2 >= this.queue.length) {
      this.queue = this.queue.slice(this.queueHead);
      this.queueHead = 0;
    }
    return event;
  }

  /** Calls onEvent, awaiting it only when it returns a promise; false once the watcher is closed. */
  private async deliver(event: WatchEvent): Promise<boolean> {
    if (this.isClosed()) return false;
    this.cursor = event.revision;
    try {
      const result = this.watch.onEvent(event);
      if (result && typeof (result as Promise<void>).then === 'function') await result;
    } catch (error) {
      this.hub.onCallbackError(error);
      this.drop('closed');
      return false;
    }
    return !this.isClosed();
  }

  private guard(callback: () => void): void {
    try {
      callback();
    } catch (error) {
      this.hub.onCallbackError(error);
    }
  }
}
