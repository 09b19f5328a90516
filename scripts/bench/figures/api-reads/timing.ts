/** Latency bookkeeping of the API reads figure (pure: the clock is injected). */
import { percentile, summarize } from '../../stats';

/** How many untimed calls warm the path up, then how many are timed. */
export interface SequentialCounts {
  warmup: number;
  samples: number;
}

/**
 * Runs `op` warmup + samples times, one after another (never overlapping, so
 * each sample is one request's latency, not a queue's), and returns the
 * duration of each timed call in the clock's unit.
 */
export async function timeSequential(op: () => Promise<unknown>, counts: SequentialCounts, now: () => number): Promise<number[]> {
  for (let i = 0; i < counts.warmup; i++) await op();
  const durations: number[] = [];
  for (let i = 0; i < counts.samples; i++) {
    const start = now();
    await op();
    durations.push(now() - start);
  }
  return durations;
}

/** p50 and p99 of one series of single-object reads. */
export interface GetLatency {
  p50: number;
  p99: number;
}

/** The nearest-rank p50 and p99 of latency samples. */
export function getLatency(samples: readonly number[]): GetLatency {
  return { p50: percentile(samples, 50), p99: percentile(samples, 99) };
}

/** The median of repeated whole-list reads. */
export function medianOf(samples: readonly number[]): number {
  return summarize([...samples]).median;
}

/** Throws unless a list read returned exactly the objects written (a short list would make a fast, wrong number). */
export function expectCount(what: string, got: number, expected: number): void {
  if (got !== expected) throw new Error(`${what} returned ${got} items, expected ${expected}`);
}
