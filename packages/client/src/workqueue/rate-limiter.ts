/**
 * Per-item exponential backoff (client-go's ItemExponentialFailureRateLimiter):
 * a key that keeps failing waits base·2^failures, capped, until forgotten.
 */

/** Backoff state per key; pure, no timers. */
export class ItemExponentialBackoff {
  private readonly failures = new Map<string, number>();

  constructor(
    private readonly baseDelayMs: number,
    private readonly maxDelayMs: number,
  ) {}

  /** The delay before key may be retried; counts one more failure. */
  when(key: string): number {
    const exp = this.failures.get(key) ?? 0;
    this.failures.set(key, exp + 1);
    // 2 ** exp overflows to Infinity long after the cap applies, so no special case is needed.
    return Math.min(this.maxDelayMs, this.baseDelayMs * 2 ** exp);
  }

  /** Failures counted for key since it was last forgotten. */
  numRequeues(key: string): number {
    return this.failures.get(key) ?? 0;
  }

  forget(key: string): void {
    this.failures.delete(key);
  }
}
