/**
 * The node conditions a kubelet posts (MemoryPressure, DiskPressure,
 * PIDPressure, Ready) with upstream's reasons and messages, and the events it
 * records when one of them changes (`Node x status is now: NodeReady`).
 */
import type { NodeCondition } from 'kubernetes-types/core/v1';

interface ConditionTemplate {
  type: string;
  status: 'True' | 'False';
  reason: string;
  message: string;
  /** Reason of the Normal event recorded when the node's condition becomes this. */
  eventReason: string;
}

/** What a healthy kubelet reports, in the kubelet's order. */
export const HEALTHY_NODE_CONDITIONS: ConditionTemplate[] = [
  { type: 'MemoryPressure', status: 'False', reason: 'KubeletHasSufficientMemory', message: 'kubelet has sufficient memory available', eventReason: 'NodeHasSufficientMemory' },
  { type: 'DiskPressure', status: 'False', reason: 'KubeletHasNoDiskPressure', message: 'kubelet has no disk pressure', eventReason: 'NodeHasNoDiskPressure' },
  { type: 'PIDPressure', status: 'False', reason: 'KubeletHasSufficientPID', message: 'kubelet has sufficient PID available', eventReason: 'NodeHasSufficientPID' },
  { type: 'Ready', status: 'True', reason: 'KubeletReady', message: 'kubelet is posting ready status', eventReason: 'NodeReady' },
];

/** The conditions to post and which of them changed. */
export interface ConditionsUpdate {
  conditions: NodeCondition[];
  /** Event reasons for the conditions that changed (or appeared), in order. */
  changed: string[];
}

/** The conditions at `now` (RFC 3339): transition times are kept while a status stays the same. */
export function nodeConditions(previous: readonly NodeCondition[] | undefined, now: string): ConditionsUpdate {
  const changed: string[] = [];
  const conditions = HEALTHY_NODE_CONDITIONS.map((t) => {
    const before = previous?.find((c) => c.type === t.type);
    const same = before?.status === t.status;
    if (!same) changed.push(t.eventReason);
    return {
      type: t.type,
      status: t.status,
      lastHeartbeatTime: now,
      lastTransitionTime: same && before?.lastTransitionTime ? before.lastTransitionTime : now,
      reason: t.reason,
      message: t.message,
    };
  });
  return { conditions, changed };
}

/** `Node <name> status is now: <reason>`, the kubelet's wording. */
export function conditionEventMessage(nodeName: string, eventReason: string): string {
  return `Node ${nodeName} status is now: ${eventReason}`;
}
