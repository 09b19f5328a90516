/**
 * Toleration matching as upstream's Toleration.ToleratesTaint,
 * GetMatchingTolerations and the taint eviction controller's
 * getMinTolerationTime.
 */
import type { Taint, Toleration } from 'kubernetes-types/core/v1';
import { toleratesTaint } from '@mk/api';

export { toleratesTaint };

/** Whether every taint is tolerated, and for each taint the first toleration that does. */
export function matchingTolerations(taints: readonly Readonly<Taint>[], tolerations: readonly Readonly<Toleration>[]): { allTolerated: boolean; used: Readonly<Toleration>[] } {
  const used: Readonly<Toleration>[] = [];
  for (const taint of taints) {
    const match = tolerations.find((t) => toleratesTaint(t, taint));
    if (!match) return { allTolerated: false, used: [] };
    used.push(match);
  }
  return { allTolerated: true, used };
}

/**
 * How long the pod may stay, in ms: the smallest tolerationSeconds among the
 * tolerations used (0 or less = evict now); Infinity when none sets a limit.
 * No tolerations used (no taints) also means 0, as upstream.
 */
export function minTolerationMs(used: readonly Readonly<Toleration>[]): number {
  if (used.length === 0) return 0;
  let min = Infinity;
  for (const t of used) {
    if (t.tolerationSeconds === undefined || t.tolerationSeconds === null) continue;
    if (t.tolerationSeconds <= 0) return 0;
    min = Math.min(min, t.tolerationSeconds * 1000);
  }
  return min;
}
