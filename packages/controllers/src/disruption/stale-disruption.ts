/**
 * Stale DisruptionTarget conditions (upstream nonTerminatingPodHasStaleDisruptionCondition):
 * the eviction API and the taint eviction controller mark a pod
 * DisruptionTarget=True just before deleting it. If the deletion never
 * happened, the mark would lie forever, so after two minutes the disruption
 * controller sets it back to False.
 */
import type { Pod, PodCondition } from 'kubernetes-types/core/v1';
import { isPodTerminal } from '../framework/pods';
import { parseTime, rfc3339 } from '../framework/time';

export const STALE_POD_DISRUPTION_TIMEOUT_MS = 2 * 60_000;
const REASON_TERMINATION_BY_KUBELET = 'TerminationByKubelet';

/** Whether the pod carries a DisruptionTarget=True that may go stale, and how long until it is (0 = now). */
export function staleDisruption(pod: Readonly<Pod>, now: Date): { stale: false } | { stale: true; waitMs: number } {
  if (pod.metadata?.deletionTimestamp) return { stale: false };
  const cond = pod.status?.conditions?.find((c) => c.type === 'DisruptionTarget');
  // The kubelet's own marks may precede deletion by any amount of time; terminal pods are left as they are.
  if (!cond || cond.status !== 'True' || cond.reason === REASON_TERMINATION_BY_KUBELET || isPodTerminal(pod)) return { stale: false };
  const since = parseTime(cond.lastTransitionTime) ?? 0;
  return { stale: true, waitMs: Math.max(0, since + STALE_POD_DISRUPTION_TIMEOUT_MS - now.getTime()) };
}

/** The pod's conditions with DisruptionTarget reset to a bare False (as upstream replaces the condition). */
export function clearDisruptionTarget(pod: Readonly<Pod>, now: Date): PodCondition[] {
  return (pod.status?.conditions ?? []).map((c) =>
    c.type === 'DisruptionTarget' ? { type: 'DisruptionTarget', status: 'False', lastTransitionTime: rfc3339(now) } : (structuredClone(c) as PodCondition),
  );
}
