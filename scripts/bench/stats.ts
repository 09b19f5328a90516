/** Summaries of repeated measurements and the budget verdict (pure). */
import type { Budget } from './figure';

/** Median, min and max of a non-empty list of samples. */
export interface Summary {
  median: number;
  min: number;
  max: number;
}

/** Summarises samples; the median of an even count is the mean of the middle two. */
export function summarize(samples: number[]): Summary {
  if (samples.length === 0) throw new Error('no samples to summarize');
  const s = [...samples].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  const median = s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
  return { median, min: s[0], max: s[s.length - 1] };
}

/** `pass`: the median meets the budget; `noise`: it misses by no more than the spread; `fail`: it misses by more. */
export type Verdict = 'pass' | 'noise' | 'fail';

/** Judges a summary against its budget; the spread (max − min) is taken as the machine's noise. */
export function verdict(s: Summary, budget: Budget): Verdict {
  const spread = s.max - s.min;
  const miss = 'atLeast' in budget ? budget.atLeast - s.median : s.median - budget.atMost;
  if (miss <= 0) return 'pass';
  return miss <= spread ? 'noise' : 'fail';
}

/** The p-th percentile (0 < p ≤ 100) by the nearest-rank method: the smallest sample with at least p % of samples at or below it. */
export function percentile(samples: readonly number[], p: number): number {
  if (samples.length === 0) throw new Error('no samples for a percentile');
  if (!(p > 0 && p <= 100)) throw new Error(`percentile wants 0 < p ≤ 100, got ${p}`);
  const s = [...samples].sort((a, b) => a - b);
  return s[Math.ceil((p / 100) * s.length) - 1];
}
