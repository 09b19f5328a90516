/**
 * Is the kubelet still alive? Upstream's tryUpdateNodeHealth as a pure
 * function: the node's last heartbeat is the newer of its Lease renewTime and
 * its Ready condition's lastHeartbeatTime; once nothing arrived for longer than
 * the grace period, the monitored conditions become Unknown.
 *
 * Upstream stamps heartbeats with the controller's own clock when it notices
 * them (to survive clock skew between machines); mk's components share one
 * clock, so the timestamps the kubelet wrote are used directly, which keeps
 * this a function of (node, lease, now).
 */
import type { Node, NodeCondition } from 'kubernetes-types/core/v1';
import type { Lease } from 'kubernetes-types/coordination/v1';
import { parseTime, rfc3339 } from '../framework/time';
import {
  MESSAGE_NODE_STATUS_NEVER_UPDATED,
  MESSAGE_NODE_STATUS_UNKNOWN,
  MONITORED_CONDITION_TYPES,
  REASON_NODE_STATUS_NEVER_UPDATED,
  REASON_NODE_STATUS_UNKNOWN,
} from './constants';

export interface NodeHealthInput {
  node: Readonly<Node>;
  /** The node's Lease in kube-node-lease, if any. */
  lease?: Readonly<Lease>;
  now: Date;
  /** nodeMonitorGracePeriod: silence tolerated from a node that has posted status. */
  gracePeriodMs: number;
  /** nodeStartupGracePeriod: silence tolerated from a node that never posted a Ready condition. */
  startupGracePeriodMs: number;
}

export interface NodeHealth {
  /** The Ready condition as the node carries it; undefined when the kubelet never posted one. */
  observedReady?: Readonly<NodeCondition>;
  /** The full conditions list to write when the controller must mark the node Unknown; undefined = no write. */
  newConditions?: NodeCondition[];
  /** Ready status after this assessment ('True' | 'False' | 'Unknown'); undefined = still no Ready condition. */
  readyStatus?: string;
  /** When the last heartbeat (lease renewal or status post) happened, in ms since the epoch. */
  lastHeartbeatMs: number;
  /** Silence tolerated for this node, in ms. */
  gracePeriodMs: number;
}

/** The Ready condition of a node, if it has one. */
export function readyConditionOf(node: Readonly<Node>): Readonly<NodeCondition> | undefined {
  return node.status?.conditions?.find((c) => c.type === 'Ready');
}

/** The newest sign of life: lease renewal or Ready heartbeat; a node that never posted status counts from its creation. */
export function lastHeartbeatMs(node: Readonly<Node>, lease?: Readonly<Lease>): number {
  const ready = readyConditionOf(node);
  const candidates = [parseTime(lease?.spec?.renewTime), parseTime(ready ? ready.lastHeartbeatTime : node.metadata?.creationTimestamp)];
  const known = candidates.filter((t): t is number => t !== undefined);
  return known.length ? Math.max(...known) : 0;
}

/** Decides whether the node has gone silent and, if so, the conditions that say so. */
export function assessNodeHealth(input: NodeHealthInput): NodeHealth {
  const { node, lease, now } = input;
  const observedReady = readyConditionOf(node);
  const gracePeriodMs = observedReady ? input.gracePeriodMs : input.startupGracePeriodMs;
  const heartbeat = lastHeartbeatMs(node, lease);
  const base = { observedReady, readyStatus: observedReady?.status, lastHeartbeatMs: heartbeat, gracePeriodMs };
  // Strictly after, as upstream's now.After(probeTimestamp + gracePeriod).
  if (!(now.getTime() > heartbeat + gracePeriodMs)) return base;

  const conditions = unknownConditions(node, now);
  const newReady = conditions.find((c) => c.type === 'Ready')!;
  // Upstream writes only when the Ready condition changed; the other conditions follow along.
  if (observedReady && sameCondition(observedReady, newReady)) return base;
  return { ...base, newConditions: conditions, readyStatus: newReady.status };
}

function unknownConditions(node: Readonly<Node>, now: Date): NodeCondition[] {
  const conditions: NodeCondition[] = structuredClone((node.status?.conditions ?? []) as NodeCondition[]);
  const stamp = rfc3339(now);
  for (const type of MONITORED_CONDITION_TYPES) {
    const current = conditions.find((c) => c.type === type);
    if (!current) {
      conditions.push({
        type,
        status: 'Unknown',
        reason: REASON_NODE_STATUS_NEVER_UPDATED,
        message: MESSAGE_NODE_STATUS_NEVER_UPDATED,
        lastHeartbeatTime: node.metadata?.creationTimestamp,
        lastTransitionTime: stamp,
      });
    } else if (current.status !== 'Unknown') {
      current.status = 'Unknown';
      current.reason = REASON_NODE_STATUS_UNKNOWN;
      current.message = MESSAGE_NODE_STATUS_UNKNOWN;
      current.lastTransitionTime = stamp;
    }
  }
  return conditions;
}

function sameCondition(a: Readonly<NodeCondition>, b: Readonly<NodeCondition>): boolean {
  return a.status === b.status && a.reason === b.reason && a.message === b.message && a.lastTransitionTime === b.lastTransitionTime && a.lastHeartbeatTime === b.lastHeartbeatTime;
}
