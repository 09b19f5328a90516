import { describe, expect, it } from 'vitest';
import { intervalsHave, intervalsToString, intervalsTotal, mergeIntervals, parseIntervals, withIndexes } from './intervals';

describe('completed index intervals', () => {
  it('prints pairs as a list and runs of three or more as a range', () => {
    expect(intervalsToString(withIndexes([], [0, 1, 2, 4]))).toBe('0-2,4');
    expect(intervalsToString(withIndexes([], [1, 2]))).toBe('1,2');
    expect(intervalsToString(withIndexes([], [1, 3, 4, 5, 7]))).toBe('1,3-5,7');
    expect(intervalsToString([])).toBe('');
  });

  it('merges new indexes into adjacent and overlapping intervals', () => {
    const base = parseIntervals('0-2,6', 10);
    expect(intervalsToString(withIndexes(base, [3, 5]))).toBe('0-3,5,6');
    expect(intervalsToString(withIndexes(base, [1, 4]))).toBe('0-2,4,6');
    expect(intervalsToString(mergeIntervals(parseIntervals('0,1', 10), parseIntervals('2-4,9', 10)))).toBe('0-4,9');
  });

  it('parses, clipping to completions and skipping corrupt parts', () => {
    expect(parseIntervals('1,3-5,7', 10)).toEqual([{ first: 1, last: 1 }, { first: 3, last: 5 }, { first: 7, last: 7 }]);
    expect(intervalsToString(parseIntervals('0-9', 4))).toBe('0-3');
    expect(intervalsToString(parseIntervals('0,2,5,1', 4))).toBe('0,2');
    expect(intervalsToString(parseIntervals('x,2-y,3', 10))).toBe('3');
    expect(intervalsToString(parseIntervals('1,2,3', 10))).toBe('1-3');
  });

  it('counts and looks up indexes', () => {
    const iv = parseIntervals('0-2,5,8-9', 10);
    expect(intervalsTotal(iv)).toBe(6);
    expect([0, 2, 3, 5, 7, 9, 10].map((ix) => intervalsHave(iv, ix))).toEqual([true, true, false, true, false, true, false]);
    expect(intervalsHave(undefined, 0)).toBe(false);
  });
});
