/**
 * Toleration semantics (core/v1 helper ToleratesTaint and
 * FindMatchingUntoleratedTaint), shared by TaintToleration, NodeUnschedulable
 * and PodTopologySpread's nodeTaintsPolicy.
 */
import type { Taint, Toleration } from 'kubernetes-types/core/v1';
import { toleratesTaint } from '@mk/api';

export { toleratesTaint };

/** True when any toleration tolerates the taint. */
export function tolerationsTolerateTaint(tolerations: readonly Toleration[], taint: Pick<Taint, 'key' | 'value' | 'effect'>): boolean {
  for (const t of tolerations) if (toleratesTaint(t, taint)) return true;
  return false;
}

/** Taints a pod must tolerate to be scheduled: NoSchedule and NoExecute (DoNotScheduleTaintsFilterFunc). */
export function isDoNotScheduleTaint(taint: Taint): boolean {
  return taint.effect === 'NoSchedule' || taint.effect === 'NoExecute';
}

/** The first taint passing `filter` that no toleration tolerates. */
export function findUntoleratedTaint(
  taints: readonly Taint[],
  tolerations: readonly Toleration[],
  filter: (taint: Taint) => boolean = isDoNotScheduleTaint,
): Taint | undefined {
  for (const taint of taints) {
    if (filter(taint) && !tolerationsTolerateTaint(tolerations, taint)) return taint;
  }
  return undefined;
}
