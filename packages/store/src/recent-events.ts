import type { WatchEvent } from './types';

/**
 * The last events the hub published, contiguous by revision, kept in memory
 * so that replays over recent history — a thousand node agents re-watching
 * from nearly the same revision — are served without a SQLite read per
 * watcher, and hand every watcher the same event objects (decoded once by
 * the API server). kube-apiserver's watch cache plays the same part.
 */
export class RecentEvents {
  private readonly ring: (WatchEvent | undefined)[];
  /** Index in `ring` of the oldest event held. */
  private start = 0;
  private count = 0;
  /** Every event with a revision above this one, up to `last`, is held. */
  private after: number;
  private last: number;
  /** Characters of the values held (kv and prevKv), bounded by maxChars. */
  private chars = 0;

  constructor(
    private readonly capacity: number,
    startRevision: number,
    private readonly maxChars = Number.POSITIVE_INFINITY,
  ) {
    this.ring = new Array(capacity);
    this.after = startRevision;
    this.last = startRevision;
  }

  /** Appends the next published event; a revision that does not follow the last one starts the window afresh. */
  append(event: WatchEvent): void {
    if (this.capacity === 0) return;
    if (event.revision !== this.last + 1) {
      this.ring.fill(undefined);
      this.start = 0;
      this.count = 0;
      this.chars = 0;
      this.after = event.revision - 1;
    }
    const size = sizeOf(event);
    while (this.count > 0 && (this.count === this.capacity || this.chars + size > this.maxChars)) this.dropOldest();
    this.ring[(this.start + this.count) % this.capacity] = event;
    this.count++;
    this.chars += size;
    this.last = event.revision;
  }

  private dropOldest(): void {
    const oldest = this.ring[this.start]!;
    this.after = oldest.revision;
    this.chars -= sizeOf(oldest);
    this.ring[this.start] = undefined;
    this.start = (this.start + 1) % this.capacity;
    this.count--;
  }

  /** Drops events at or below a compacted revision, so a replay over compacted history still reads SQLite and sees it is gone. */
  forgetThrough(revision: number): void {
    while (this.count > 0 && this.ring[this.start]!.revision <= revision) this.dropOldest();
    this.after = Math.max(this.after, Math.min(revision, this.last));
  }

  /**
   * Events under `prefix` with afterRevision < revision ≤ toRevision, oldest
   * first, at most `limit` — or undefined when the window does not hold the
   * whole range (the caller reads SQLite history instead).
   */
  read(prefix: string, afterRevision: number, toRevision: number, limit: number): WatchEvent[] | undefined {
    if (afterRevision < this.after || toRevision > this.last) return undefined;
    const events: WatchEvent[] = [];
    // Revisions are contiguous, so the first wanted event's place is arithmetic.
    for (let i = afterRevision - this.after; i < this.count && events.length < limit; i++) {
      const event = this.ring[(this.start + i) % this.capacity]!;
      if (event.revision > toRevision) break;
      if (event.kv.key.startsWith(prefix)) events.push(event);
    }
    return events;
  }
}

/** What an event holds in memory, roughly: the characters of its value and previous value. */
function sizeOf(event: WatchEvent): number {
  return event.kv.value.length + (event.prevKv?.value.length ?? 0);
}
