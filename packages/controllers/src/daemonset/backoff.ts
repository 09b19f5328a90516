/**
 * The back-off between deletions of a node's failed daemon pods (client-go
 * flowcontrol.Backoff, as kube-controller-manager builds it for this
 * controller: 1 s doubling to 15 min, no jitter). Without it the controller
 * and a kubelet that keeps rejecting the pod would delete and recreate it in a
 * hot loop. An entry untouched for twice the maximum is forgotten.
 */

/** Read-only view the planner consults. */
export interface BackoffView {
  /** True while the key's current delay has not passed since its last step. */
  inBackoffSinceUpdate(key: string, nowMs: number): boolean;
  /** The key's current delay in ms (0 when unknown). */
  delay(key: string): number;
}

export interface FailedPodBackoff extends BackoffView {
  /** Steps the key: the initial delay, or double the last one up to the maximum. */
  next(key: string, nowMs: number): void;
  /** Drops entries that have not been stepped for twice the maximum. */
  gc(nowMs: number): void;
}

export const FAILED_POD_BACKOFF_INITIAL_MS = 1_000;
export const FAILED_POD_BACKOFF_MAX_MS = 15 * 60_000;

export function createFailedPodBackoff(initialMs = FAILED_POD_BACKOFF_INITIAL_MS, maxMs = FAILED_POD_BACKOFF_MAX_MS): FailedPodBackoff {
  const entries = new Map<string, { delay: number; lastUpdate: number }>();
  const expired = (nowMs: number, lastUpdate: number) => nowMs - lastUpdate > 2 * maxMs;
  return {
    inBackoffSinceUpdate(key, nowMs) {
      const e = entries.get(key);
      if (!e || expired(nowMs, e.lastUpdate)) return false;
      return nowMs - e.lastUpdate < e.delay;
    },
    delay(key) {
      return entries.get(key)?.delay ?? 0;
    },
    next(key, nowMs) {
      const e = entries.get(key);
      const delay = !e || expired(nowMs, e.lastUpdate) ? initialMs : Math.min(e.delay * 2, maxMs);
      entries.set(key, { delay, lastUpdate: nowMs });
    },
    gc(nowMs) {
      for (const [key, e] of entries) if (expired(nowMs, e.lastUpdate)) entries.delete(key);
    },
  };
}
