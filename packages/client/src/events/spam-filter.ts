/**
 * Upstream's EventSourceObjectSpamFilter: a token bucket per source and
 * object (burst 25, refilled at one event per 5 minutes), so something that
 * is always unhealthy cannot flood the API server with events.
 */
import { spamKey } from './event-keys';
import { LruCache } from './lru';
import type { CoreEvent } from './types';

/** Token buckets per source and object. */
export class SpamFilter {
  private readonly buckets: LruCache<{ tokens: number; at: number }>;

  constructor(
    private readonly burst: number,
    private readonly perSecond: number,
    private readonly now: () => Date,
    maxEntries: number,
  ) {
    this.buckets = new LruCache(maxEntries);
  }

  /** True when the event must be dropped. */
  filter(e: CoreEvent): boolean {
    const key = spamKey(e);
    const now = this.now().getTime();
    const bucket = this.buckets.get(key) ?? { tokens: this.burst, at: now };
    const tokens = Math.min(this.burst, bucket.tokens + ((now - bucket.at) / 1000) * this.perSecond);
    const accept = tokens >= 1;
    this.buckets.set(key, { tokens: accept ? tokens - 1 : tokens, at: now });
    return !accept;
  }
}
