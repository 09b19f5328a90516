/**
 * Exponential backoff for the reflector's retries (client-go uses 800 ms
 * doubling up to 30 s): pure state, the caller does the waiting.
 */

/** Tracks consecutive failures; next() returns the delay to wait before the next attempt. */
export class Backoff {
  private failures = 0;

  constructor(
    private readonly initialMs: number,
    private readonly maxMs: number,
  ) {}

  /** The delay for this failure (initial·2^(failures-1), capped); counts the failure. */
  next(): number {
    const delay = Math.min(this.maxMs, this.initialMs * 2 ** this.failures);
    this.failures++;
    return delay;
  }

  /** Forgets past failures after a success. */
  reset(): void {
    this.failures = 0;
  }
}
