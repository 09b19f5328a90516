/**
 * Sets of completion indexes as ordered, non-overlapping intervals, and their
 * text form in .status.completedIndexes / failedIndexes and successPolicy
 * rules: "1,3-5,7" — two consecutive numbers are listed, three or more are
 * compressed to first-last (upstream orderedIntervals).
 */

export interface Interval {
  first: number;
  last: number;
}

/** Sorted, non-overlapping, non-adjacent intervals. */
export type Intervals = readonly Interval[];

/** Merges two interval lists into one (adjacent or overlapping intervals join). */
export function mergeIntervals(a: Intervals, b: Intervals): Interval[] {
  const out: Interval[] = [];
  const push = (iv: Interval) => {
    const last = out[out.length - 1];
    if (!last || iv.first > last.last + 1) out.push({ ...iv });
    else if (last.last < iv.last) last.last = iv.last;
  };
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) push(a[i].first < b[j].first ? a[i++] : b[j++]);
  while (i < a.length) push(a[i++]);
  while (j < b.length) push(b[j++]);
  return out;
}

/** The intervals plus the given indexes (in increasing order). */
export function withIndexes(intervals: Intervals, sortedIndexes: readonly number[]): Interval[] {
  return mergeIntervals(
    intervals,
    sortedIndexes.map((ix) => ({ first: ix, last: ix })),
  );
}

/** How many indexes the intervals hold. */
export function intervalsTotal(intervals: Intervals): number {
  return intervals.reduce((n, iv) => n + iv.last - iv.first + 1, 0);
}

/** Whether ix is in one of the intervals (binary search). */
export function intervalsHave(intervals: Intervals | undefined, ix: number): boolean {
  if (!intervals) return false;
  let lo = 0;
  let hi = intervals.length;
  while (hi > lo) {
    const mid = lo + Math.floor((hi - lo) / 2);
    if (intervals[mid].last >= ix) hi = mid;
    else lo = mid + 1;
  }
  return hi < intervals.length && intervals[hi].first <= ix;
}

/** The status text: "0-2,4", "1,2". */
export function intervalsToString(intervals: Intervals): string {
  return intervals
    .map((iv) => {
      if (iv.last === iv.first) return String(iv.first);
      return `${iv.first}${iv.last === iv.first + 1 ? ',' : '-'}${iv.last}`;
    })
    .join(',');
}

/** Go's strconv.Atoi on a decimal (optional sign); undefined when not a number. */
function atoi(text: string): number | undefined {
  return /^[+-]?\d+$/.test(text) ? Number(text) : undefined;
}

/**
 * parseIndexesFromString: corrupt intervals are skipped, intervals are
 * clipped to [0, completions) and parsing stops at the first one starting
 * beyond it, as upstream.
 */
export function parseIntervals(text: string | undefined, completions: number): Interval[] {
  if (!text) return [];
  const out: Interval[] = [];
  for (const part of text.split(',')) {
    const limits = part.split('-');
    const first = atoi(limits[0]);
    if (first === undefined) continue;
    if (first >= completions) break;
    let last = first;
    if (limits.length > 1) {
      const parsed = atoi(limits[1]);
      if (parsed === undefined) continue;
      last = Math.min(parsed, completions - 1);
    }
    const prev = out[out.length - 1];
    if (prev && prev.last === first - 1) prev.last = last;
    else out.push({ first, last });
  }
  return out;
}
