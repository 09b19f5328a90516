/**
 * Upstream's EventCorrelator: aggregate similar events, count repeats of
 * identical ones (a patch instead of a new Event), and drop what exceeds the
 * per-object spam budget. Pure: time comes from `now`, nothing is written here.
 */
import { EventAggregator } from './aggregator';
import { EventLog, type EventPatch } from './event-log';
import { SpamFilter } from './spam-filter';
import type { CoreEvent } from './types';

/** Time, naming and the limits of the correlator (upstream defaults). */
export interface CorrelatorOptions {
  now: () => Date;
  /** Names new (aggregate) events. */
  newName: (objectName: string, now: Date) => string;
  /** Entries per cache (upstream 4096). */
  maxEntries?: number;
  /** Events a source may send about one object at once (upstream 25)… */
  spamBurst?: number;
  /** …and how fast that budget refills (upstream 1 per 300 s). */
  spamPerSecond?: number;
  /** Distinct messages before similar events are combined (upstream 10)… */
  aggregateMaxEvents?: number;
  /** …within this window since the last one (upstream 10 minutes). */
  aggregateIntervalMs?: number;
}

/** What to write for one recorded event. */
export interface Correlated {
  event: CoreEvent;
  /** Set when the event repeats one already written: PATCH it with this instead of creating. */
  patch?: EventPatch;
  /** True when the spam filter dropped the event. */
  skip: boolean;
}

/** Decides, per recorded event, whether to create, patch or drop. */
export class EventCorrelator {
  private readonly aggregator: EventAggregator;
  private readonly log: EventLog;
  private readonly spam: SpamFilter;

  constructor(opts: CorrelatorOptions) {
    const size = opts.maxEntries ?? 4096;
    this.aggregator = new EventAggregator(opts.aggregateMaxEvents ?? 10, opts.aggregateIntervalMs ?? 600_000, opts.now, opts.newName, size);
    this.log = new EventLog(size);
    this.spam = new SpamFilter(opts.spamBurst ?? 25, opts.spamPerSecond ?? 1 / 300, opts.now, size);
  }

  correlate(e: CoreEvent): Correlated {
    const { event: aggregated, key } = this.aggregator.aggregate(e);
    const { event, patch } = this.log.observe(aggregated, key);
    // As upstream, the filter runs last, so a dropped repeat still counts towards the next written count.
    if (this.spam.filter(event)) return { event, skip: true };
    return { event, patch, skip: false };
  }

  /** Call with what the server returned after each successful write. */
  updateState(written: CoreEvent): void {
    this.log.updateState(written);
  }
}
