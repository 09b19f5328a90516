import type { WatchEvent, WatchOptions, Watcher } from './types';
import { Subscription } from './watch-subscription';

/** History events oldest first, or 'compacted' when part of the asked range is gone. */
export type HistoryPage = WatchEvent[] | 'compacted';

/** Reads retained history: events with afterRevision < revision <= toRevision for keys under prefix. */
export type HistoryReader = (prefix: string, afterRevision: number, toRevision: number, limit: number) => HistoryPage;

/** What the hub needs from its store; the hub itself does no I/O. */
export interface WatchHubOptions {
  readHistory: HistoryReader;
  /** Revision of the last write committed before the hub started. */
  startRevision: number;
  /** Live events a watcher may have queued before it is dropped as 'slow'. */
  bufferSize: number;
  /** History events read per replay step; writers run between steps. */
  replayPageSize: number;
  /** Runs fn later, outside the current call stack (setImmediate in production). */
  defer(fn: () => void): void;
  /** Told about an exception thrown by onEvent or onClose. */
  onCallbackError(error: unknown): void;
}

/**
 * In-process fan-out of committed writes to watchers. Each watcher first
 * replays history (afterRevision, head] in pages, while live events above head
 * queue up; then it drains the queue. Live events at or below head are covered
 * by the replay and skipped, so the switch has no gap and no duplicate.
 */
export class WatchHub {
  private readonly subscriptions = new Set<Subscription>();
  private lastRevision: number;

  constructor(private readonly options: WatchHubOptions) {
    this.lastRevision = options.startRevision;
  }

  /** Number of live watchers. */
  get size(): number {
    return this.subscriptions.size;
  }

  /**
   * Starts a watcher on keys under prefix. headRevision is the store revision
   * read in the same synchronous turn: every write up to it is in history,
   * every later one will be published here.
   */
  subscribe(prefix: string, watch: WatchOptions, headRevision: number): Watcher {
    const sub = new Subscription(this.options, prefix, watch, headRevision, (s) => this.subscriptions.delete(s));
    this.subscriptions.add(sub);
    sub.start();
    return { close: () => sub.close() };
  }

  /**
   * Fans out a write this process committed; called synchronously from the
   * write path, delivery is deferred. Revisions skipped since the last publish
   * (written by another connection) are read from history first, so watchers
   * never see a gap.
   */
  publish(event: WatchEvent): void {
    if (event.revision <= this.lastRevision) return;
    if (event.revision > this.lastRevision + 1) this.fillGap(event.revision - 1);
    this.lastRevision = event.revision;
    for (const sub of this.subscriptions) sub.offer(event);
  }

  /** Drops every watcher with onClose(reason). */
  closeAll(reason: 'slow' | 'closed'): void {
    for (const sub of [...this.subscriptions]) sub.drop(reason);
  }

  private fillGap(toRevision: number): void {
    while (this.subscriptions.size > 0 && this.lastRevision < toRevision) {
      const page = this.options.readHistory('', this.lastRevision, toRevision, this.options.replayPageSize);
      if (page === 'compacted') {
        this.closeAll('slow');
        break;
      }
      for (const event of page) for (const sub of this.subscriptions) sub.offer(event);
      this.lastRevision = page.length < this.options.replayPageSize ? toRevision : page[page.length - 1]!.revision;
    }
    this.lastRevision = toRevision;
  }
}
