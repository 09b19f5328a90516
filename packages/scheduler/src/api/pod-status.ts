/**
 * Pod conditions the scheduler writes — PodScheduled=False on failure,
 * DisruptionTarget on preemption victims — as strategic merge patches of
 * pods/status (updatePod / podutil.UpdatePodCondition / util.PatchPodStatus).
 */
import { createTwoWayStrategicMergePatch, patchMetaFor } from '@mk/api';
import type { Pod, PodCondition, PodStatus } from 'kubernetes-types/core/v1';

/** The condition to set; lastTransitionTime is filled in. */
export interface ConditionUpdate {
  type: string;
  status: 'True' | 'False' | 'Unknown';
  reason: string;
  message: string;
}

/** metav1.Time: RFC 3339 with second precision. */
export function formatTime(d: Date): string {
  return d.toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/**
 * UpdatePodCondition: adds or replaces the condition; keeps lastTransitionTime
 * when the status did not change; reports whether anything changed.
 */
export function updatePodCondition(status: PodStatus, update: ConditionUpdate, now: Date): { status: PodStatus; changed: boolean } {
  const conditions = [...(status.conditions ?? [])];
  const i = conditions.findIndex((c) => c.type === update.type);
  const next: PodCondition = { type: update.type, status: update.status, lastProbeTime: null as unknown as string, lastTransitionTime: formatTime(now), reason: update.reason, message: update.message };
  if (i < 0) return { status: { ...status, conditions: [...conditions, next] }, changed: true };
  const old = conditions[i];
  if (old.status === next.status) next.lastTransitionTime = old.lastTransitionTime;
  const changed =
    old.status !== next.status || (old.reason ?? '') !== next.reason || (old.message ?? '') !== next.message || (old.lastProbeTime ?? null) !== null || old.lastTransitionTime !== next.lastTransitionTime;
  conditions[i] = next;
  return { status: { ...status, conditions }, changed };
}

/**
 * The status patch that sets a condition (and optionally status.nominatedNodeName,
 * '' clearing it), or undefined when nothing would change (updatePod).
 */
export function conditionPatch(pod: Pod, update: ConditionUpdate, now: Date, nominatedNodeName?: string): Record<string, unknown> | undefined {
  const before = pod.status ?? {};
  const { status, changed } = updatePodCondition(before, update, now);
  const nnnChanged = nominatedNodeName !== undefined && (before.nominatedNodeName ?? '') !== nominatedNodeName;
  if (!changed && !nnnChanged) return undefined;
  const after: PodStatus = { ...status };
  if (nnnChanged) {
    if (nominatedNodeName) after.nominatedNodeName = nominatedNodeName;
    else delete after.nominatedNodeName;
  }
  return createTwoWayStrategicMergePatch({ status: before } as never, { status: after } as never, patchMetaFor('', 'v1', 'Pod'));
}
