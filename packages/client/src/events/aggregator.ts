/**
 * Upstream's EventAggregator: when one source reports more than a handful of
 * events about one object that differ only in message (10 distinct messages
 * within 10 minutes of each other), further ones are folded into a single
 * "(combined from similar events): …" event instead of one Event per message.
 */
import { aggregateKeys, eventKey } from './event-keys';
import { LruCache } from './lru';
import { formatTime } from './make-event';
import type { CoreEvent } from './types';

/** An event after aggregation. */
export interface Aggregated {
  event: CoreEvent;
  /** The key the event logger counts this event under. */
  key: string;
}

/** Combines similar events from one source about one object. */
export class EventAggregator {
  private readonly records: LruCache<{ messages: Set<string>; lastMs: number }>;

  constructor(
    private readonly maxEvents: number,
    private readonly maxIntervalMs: number,
    private readonly now: () => Date,
    private readonly newName: (objectName: string, now: Date) => string,
    maxEntries: number,
  ) {
    this.records = new LruCache(maxEntries);
  }

  aggregate(e: CoreEvent): Aggregated {
    const now = this.now();
    const [groupKey, message] = aggregateKeys(e);
    let record = this.records.get(groupKey);
    if (!record || now.getTime() - record.lastMs > this.maxIntervalMs) record = { messages: new Set(), lastMs: 0 };
    record.messages.add(message);
    record.lastMs = now.getTime();
    this.records.set(groupKey, record);
    if (record.messages.size < this.maxEvents) return { event: e, key: eventKey(e) };
    // Keep the set below the threshold's size, as upstream (PopAny) does.
    record.messages.delete(record.messages.values().next().value!);
    const ts = formatTime(now);
    return {
      event: {
        ...e,
        metadata: { name: this.newName(e.involvedObject.name ?? '', now), namespace: e.metadata.namespace },
        count: 1,
        firstTimestamp: ts,
        lastTimestamp: ts,
        message: `(combined from similar events): ${e.message}`,
      },
      key: groupKey,
    };
  }
}
