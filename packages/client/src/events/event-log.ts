/**
 * Upstream's eventLogger: remembers each distinct event it has written, so a
 * repeat becomes a PATCH of the existing Event's count and lastTimestamp
 * (and message) instead of a new Event.
 */
import { eventKey } from './event-keys';
import { LruCache } from './lru';
import type { CoreEvent } from './types';

/** The strategic merge patch upstream sends for a repeated event. */
export interface EventPatch {
  count: number;
  lastTimestamp: string;
  message: string;
}

interface Observation {
  count: number;
  firstTimestamp: string;
  name: string;
  resourceVersion?: string;
}

/** Counts occurrences of identical events and remembers the Event each became. */
export class EventLog {
  private readonly seen: LruCache<Observation>;

  constructor(maxEntries: number) {
    this.seen = new LruCache(maxEntries);
  }

  /** Counts e under key; a repeat comes back renamed to the first occurrence, with its count raised and a patch. */
  observe(e: CoreEvent, key: string): { event: CoreEvent; patch?: EventPatch } {
    const last = this.seen.get(key);
    let event = e;
    let patch: EventPatch | undefined;
    if (last) {
      event = {
        ...e,
        metadata: { ...e.metadata, name: last.name, resourceVersion: last.resourceVersion },
        firstTimestamp: last.firstTimestamp,
        count: last.count + 1,
      };
      patch = { count: event.count, lastTimestamp: event.lastTimestamp, message: event.message };
    }
    this.remember(key, event);
    return { event, patch };
  }

  /** Records what the server returned for a written event. */
  updateState(written: CoreEvent): void {
    this.remember(eventKey(written), written);
  }

  private remember(key: string, e: CoreEvent): void {
    this.seen.set(key, { count: e.count, firstTimestamp: e.firstTimestamp, name: e.metadata.name, resourceVersion: e.metadata.resourceVersion });
  }
}
