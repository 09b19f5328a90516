import type { WatchEvent, WatchTrigger, WatchTriggerFunc } from './types';

/**
 * Trigger values remembered per event revision (they never change), so a
 * replay that reads an event back from SQLite — a new object, not decoded
 * yet — is filed without decoding it again for every replaying watcher.
 */
const REMEMBERED_VALUES = 131_072;

/**
 * Watchers filed by (trigger function, value), as kube-apiserver's watch cache
 * files watchers by spec.nodeName: an event reaches only the buckets of the
 * values its new and previous value map to.
 */
export class TriggerIndex<W> {
  private readonly buckets = new Map<WatchTriggerFunc, Map<string, Set<W>>>();
  private readonly remembered = new Map<WatchTriggerFunc, Map<number, string[]>>();

  constructor(private readonly onError: (error: unknown) => void) {}

  add(watcher: W, trigger: WatchTrigger): void {
    let byValue = this.buckets.get(trigger.fn);
    if (!byValue) this.buckets.set(trigger.fn, (byValue = new Map()));
    let bucket = byValue.get(trigger.value);
    if (!bucket) byValue.set(trigger.value, (bucket = new Set()));
    bucket.add(watcher);
  }

  /** Unfiles a watcher, removing buckets it leaves empty. */
  remove(watcher: W, trigger: WatchTrigger): void {
    const byValue = this.buckets.get(trigger.fn);
    const bucket = byValue?.get(trigger.value);
    if (!byValue || !bucket) return;
    bucket.delete(watcher);
    if (bucket.size > 0) return;
    byValue.delete(trigger.value);
    if (byValue.size === 0) this.buckets.delete(trigger.fn);
  }

  /** Calls `offer` for every filed watcher the event concerns (every one of a function that threw). */
  forEachInterested(event: WatchEvent, offer: (watcher: W) => void): void {
    for (const [fn, byValue] of this.buckets) {
      const values = this.valuesOf(fn, event);
      if (values === 'unknown') {
        for (const bucket of byValue.values()) for (const watcher of bucket) offer(watcher);
        continue;
      }
      for (const value of values) {
        const bucket = byValue.get(value);
        if (bucket) for (const watcher of bucket) offer(watcher);
      }
    }
  }

  /** Whether an event falls in the bucket of `trigger` (used to narrow replays as live events are). */
  wants(trigger: WatchTrigger, event: WatchEvent): boolean {
    const values = this.valuesOf(trigger.fn, event);
    return values === 'unknown' || values.includes(trigger.value);
  }

  /**
   * The values an event is filed under: its new value's and, when different,
   * its previous value's (an object leaving a value must reach that value's
   * watchers). 'unknown' when the function threw: then every bucket is asked.
   */
  private valuesOf(fn: WatchTriggerFunc, event: WatchEvent): string[] | 'unknown' {
    let remembered = this.remembered.get(fn);
    const known = remembered?.get(event.revision);
    if (known) return known;
    const values = this.compute(fn, event);
    // Events the trigger does not cover (no values) are cheap to file again; remember only the others.
    if (values !== 'unknown' && values.length > 0) {
      if (!remembered) this.remembered.set(fn, (remembered = new Map()));
      remembered.set(event.revision, values);
      // A Map keeps insertion order: the first key is the one remembered longest.
      if (remembered.size > REMEMBERED_VALUES) remembered.delete(remembered.keys().next().value!);
    }
    return values;
  }

  private compute(fn: WatchTriggerFunc, event: WatchEvent): string[] | 'unknown' {
    try {
      const values: string[] = [];
      const current = fn(event.kv);
      if (current !== undefined) values.push(current);
      // A delete carries the deleted value in both kv and prevKv: one call is enough.
      const prev = event.prevKv;
      if (prev && prev.value !== event.kv.value) {
        const previous = fn(prev);
        if (previous !== undefined && previous !== current) values.push(previous);
      }
      return values;
    } catch (error) {
      this.onError(error);
      return 'unknown';
    }
  }
}
