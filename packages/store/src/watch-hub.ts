import { TriggerIndex } from './trigger-index';
import type { WatchEvent, WatchOptions, WatchTrigger, Watcher } from './types';
import { RecentEvents } from './recent-events';
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
  /** How many of the latest events to keep in memory for replays (0: every replay reads history). */
  recentEvents?: number;
  /** At most this many characters of values among them (default: no bound but the count). */
  recentEventChars?: number;
  /** Runs fn later, outside the current call stack (setImmediate in production). */
  defer(fn: () => void): void;
  /** Told about an exception thrown by onEvent, onClose, onProgressReader or a trigger function. */
  onCallbackError(error: unknown): void;
}

/**
 * In-process fan-out of committed writes to watchers. Each watcher first
 * replays history (afterRevision, head] in pages, while live events above head
 * queue up; then it drains the queue. Live events at or below head are covered
 * by the replay and skipped, so the switch has no gap and no duplicate.
 *
 * Watchers with a trigger are filed in buckets by (trigger function, value), as
 * kube-apiserver's watch cache files watchers by spec.nodeName: an event is
 * offered to every untriggered watcher but only to the buckets of the values
 * its new and previous value map to, so a write costs O(interested watchers)
 * rather than O(all watchers) when a thousand nodes each watch their own pods.
 */
export class WatchHub {
  private readonly subscriptions = new Set<Subscription>();
  private readonly untriggered = new Set<Subscription>();
  private readonly triggered: TriggerIndex<Subscription>;
  private lastRevision: number;
  private readonly recent: RecentEvents;
  /** The options subscriptions see: replays come from the recent events when they hold the range. */
  private readonly replayOptions: WatchHubOptions;

  constructor(private readonly options: WatchHubOptions) {
    this.lastRevision = options.startRevision;
    this.triggered = new TriggerIndex(options.onCallbackError);
    this.recent = new RecentEvents(options.recentEvents ?? 0, options.startRevision, options.recentEventChars);
    this.replayOptions = {
      ...options,
      readHistory: (prefix, after, to, limit) => this.recent.read(prefix, after, to, limit) ?? options.readHistory(prefix, after, to, limit),
    };
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
    // Filed by the trigger as given now: a caller changing its options later cannot strand the watcher.
    const trigger = watch.trigger && { fn: watch.trigger.fn, value: watch.trigger.value };
    // A replay is narrowed like live fan-out: a node agent re-watching after a burst skips other nodes' pods.
    const wants = trigger && ((event: WatchEvent) => this.triggered.wants(trigger, event));
    const sub = new Subscription(this.replayOptions, prefix, watch, headRevision, () => this.lastRevision, (s) => this.forget(s, trigger), wants);
    this.subscriptions.add(sub);
    if (trigger) this.triggered.add(sub, trigger);
    else this.untriggered.add(sub);
    if (watch.onProgressReader) {
      try {
        watch.onProgressReader(() => sub.progress());
      } catch (error) {
        this.options.onCallbackError(error);
      }
    }
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
    this.recent.append(event);
    this.dispatch(event);
  }

  /** History up to `revision` was compacted: recent events no longer answer for it either. */
  compacted(revision: number): void {
    this.recent.forgetThrough(revision);
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
      for (const event of page) {
        this.recent.append(event);
        this.dispatch(event);
      }
      this.lastRevision = page.length < this.options.replayPageSize ? toRevision : page[page.length - 1]!.revision;
    }
    this.lastRevision = toRevision;
  }

  /** Offers an event to the untriggered watchers and to the trigger buckets it falls in. */
  private dispatch(event: WatchEvent): void {
    // Offering may drop a slow watcher, which unfiles it: deleting from a Set being iterated is safe.
    for (const sub of this.untriggered) sub.offer(event);
    this.triggered.forEachInterested(event, (sub) => sub.offer(event));
  }

  /** Unfiles a closed or dropped watcher. */
  private forget(sub: Subscription, trigger: WatchTrigger | undefined): void {
    this.subscriptions.delete(sub);
    if (trigger) this.triggered.remove(sub, trigger);
    else this.untriggered.delete(sub);
  }
}
