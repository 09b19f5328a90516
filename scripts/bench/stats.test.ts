import { describe, expect, it } from 'vitest';
import { summarize, verdict, percentile } from './stats';

describe('summarize', () => {
  it('takes the middle sample of an odd count and the extremes', () => {
    expect(summarize([5, 1, 3])).toEqual({ median: 3, min: 1, max: 5 });
  });
  it('averages the middle two of an even count', () => {
    expect(summarize([4, 1, 2, 10])).toEqual({ median: 3, min: 1, max: 10 });
  });
  it('refuses an empty list', () => {
    expect(() => summarize([])).toThrow('no samples');
  });
});

describe('verdict', () => {
  it('passes a throughput at or above its floor', () => {
    expect(verdict({ median: 1000, min: 1000, max: 1000 }, { atLeast: 1000 })).toBe('pass');
  });
  it('calls a miss within the spread noise, and a larger miss a failure', () => {
    expect(verdict({ median: 950, min: 900, max: 1000 }, { atLeast: 1000 })).toBe('noise');
    expect(verdict({ median: 850, min: 840, max: 860 }, { atLeast: 1000 })).toBe('fail');
  });
  it('judges latencies against a ceiling', () => {
    expect(verdict({ median: 90, min: 80, max: 95 }, { atMost: 100 })).toBe('pass');
    expect(verdict({ median: 120, min: 110, max: 125 }, { atMost: 100 })).toBe('fail');
  });
});

describe('percentile', () => {
  it('takes the nearest rank', () => {
    const hundred = Array.from({ length: 100 }, (_, i) => 100 - i);
    expect(percentile(hundred, 50)).toBe(50);
    expect(percentile(hundred, 99)).toBe(99);
    expect(percentile(hundred, 100)).toBe(100);
    expect(percentile([7], 99)).toBe(7);
    expect(percentile([1, 2, 3], 50)).toBe(2);
  });
  it('refuses empty samples and percentiles outside (0, 100]', () => {
    expect(() => percentile([], 50)).toThrow('no samples');
    expect(() => percentile([1], 0)).toThrow('0 < p ≤ 100');
  });
});
