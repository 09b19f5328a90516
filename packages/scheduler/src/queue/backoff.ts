/** Per-pod scheduling backoff (PriorityQueue.calculateBackoffDuration). */

/** initial × 2^(attempts−1), capped at max; a pod that never failed has no backoff. */
export function backoffDuration(attempts: number, initialMs: number, maxMs: number): number {
  if (attempts <= 0) return 0;
  let d = initialMs;
  for (let i = 1; i < attempts; i++) {
    if (d > maxMs - d) return maxMs;
    d += d;
  }
  return Math.min(d, maxMs);
}
