/**
 * An open-loop pacer: launches `count` actions on an absolute schedule, the
 * i-th due at start + i × interval. Launches are not awaited, so a slow
 * action never slows the rate; and each due time is computed from the start,
 * not from the previous launch, so timer jitter does not accumulate. A pacer
 * that falls behind (its own event loop busy) launches the overdue actions at
 * once and says by how much it was late.
 */

/** Time for the pacer: milliseconds on a monotonic clock, and a sleep on the same clock. */
export interface PacingClock {
  now(): number;
  sleep(ms: number): Promise<void>;
}

/** How closely the launches kept to their schedule. */
export interface PacingReport {
  count: number;
  intervalMs: number;
  /** When the schedule started (the due time of launch 0). */
  startedAt: number;
  /** When the last action was launched. */
  lastAt: number;
  /** Largest delay of a launch behind its due time, ms. */
  maxLagMs: number;
  /** Launches more than one interval behind their due time: the schedule slipped a whole slot. */
  lateCount: number;
  /** Launches per second from the first to the last (count − 1 gaps). */
  ratePerSecond: number;
}

/** The due time of launch i on a schedule that starts at `start`. */
export function dueAt(start: number, i: number, intervalMs: number): number {
  return start + i * intervalMs;
}

/** Launches fn(0…count−1) on the schedule, never before a launch's due time; resolves after the last launch. */
export async function runPaced(count: number, intervalMs: number, clock: PacingClock, launch: (i: number) => void): Promise<PacingReport> {
  if (!(count > 0) || !(intervalMs > 0)) throw new Error(`runPaced wants a positive count and interval, got ${count} and ${intervalMs}`);
  const startedAt = clock.now();
  let maxLagMs = 0;
  let lateCount = 0;
  let lastAt = startedAt;
  for (let i = 0; i < count; i++) {
    const due = dueAt(startedAt, i, intervalMs);
    // A timer may wake a fraction of a millisecond early on the monotonic clock: sleep again rather than launch early.
    for (let now = clock.now(); now < due; now = clock.now()) await clock.sleep(due - now);
    lastAt = clock.now();
    const lag = lastAt - due;
    maxLagMs = Math.max(maxLagMs, lag);
    if (lag > intervalMs) lateCount++;
    launch(i);
  }
  // Launches never precede their due time, so the span of two or more is at least one interval.
  const ratePerSecond = count > 1 ? ((count - 1) * 1000) / (lastAt - startedAt) : 0;
  return { count, intervalMs, startedAt, lastAt, maxLagMs, lateCount, ratePerSecond };
}
