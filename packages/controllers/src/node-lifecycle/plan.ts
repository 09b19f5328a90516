/**
 * The node lifecycle controller's decision for one node, as a pure function
 * of the node, its Lease, its pods, the time and the zone gate: which status,
 * taints and labels to write, which pods to mark not ready, which events to
 * record. The applier (./apply) performs the list in order.
 */
import type { Node, NodeCondition, Pod, Taint } from 'kubernetes-types/core/v1';
import type { Lease } from 'kubernetes-types/coordination/v1';
import { refTo, type EventSpec } from '../framework/events';
import { EVENT_NODE_NOT_READY, EVENT_REGISTERED_NODE, MESSAGE_POD_NODE_NOT_READY } from './constants';
import { assessNodeHealth } from './node-health';
import { planNodeLabels } from './node-labels';
import { planNodeTaints } from './node-taints';
import { podsToMarkNotReady, type PodNotReadyUpdate } from './pod-readiness';
import type { NoExecuteGate } from './zone-state';

export interface NodeLifecycleInput {
  node: Readonly<Node>;
  lease?: Readonly<Lease>;
  /** Pods bound to the node. */
  pods: readonly Readonly<Pod>[];
  now: Date;
  timings: { nodeMonitorGracePeriodMs: number; nodeStartupGracePeriodMs?: number };
  /** What the node's zone allows for NoExecute taints (see zone-state). */
  gate: NoExecuteGate;
  /** Whether this controller has seen the node before (first sight records RegisteredNode). */
  known: boolean;
}

export type NodeLifecycleAction =
  | { kind: 'updateNodeStatus'; conditions: NodeCondition[] }
  | { kind: 'updateNodeTaints'; taints: Taint[]; added: Taint[]; removed: Taint[] }
  | { kind: 'updateNodeLabels'; labels: Record<string, string> }
  | ({ kind: 'markPodNotReady' } & PodNotReadyUpdate)
  | { kind: 'event'; event: EventSpec };

export interface NodeLifecyclePlan {
  /** In the order to apply them: node status first, so taints follow an accepted status. */
  actions: NodeLifecycleAction[];
  /** Ready status after the plan, for zone accounting. */
  readyStatus?: string;
}

/** Plans one node. */
export function planNodeLifecycle(input: NodeLifecycleInput): NodeLifecyclePlan {
  const { node, lease, pods, now, timings, gate } = input;
  const name = node.metadata!.name!;
  const nodeRef = refTo(node, 'v1', 'Node');
  const actions: NodeLifecycleAction[] = [];

  if (!input.known) {
    actions.push({ kind: 'event', event: { regarding: nodeRef, type: 'Normal', reason: EVENT_REGISTERED_NODE, message: `Node ${name} event: Registered Node ${name} in Controller` } });
  }

  const health = assessNodeHealth({
    node,
    lease,
    now,
    gracePeriodMs: timings.nodeMonitorGracePeriodMs,
    startupGracePeriodMs: timings.nodeStartupGracePeriodMs ?? timings.nodeMonitorGracePeriodMs,
  });
  if (health.newConditions) {
    actions.push({ kind: 'updateNodeStatus', conditions: health.newConditions });
    if (health.observedReady?.status === 'True') {
      actions.push({ kind: 'event', event: { regarding: nodeRef, type: 'Normal', reason: EVENT_NODE_NOT_READY, message: `Node ${name} status is now: ${EVENT_NODE_NOT_READY}` } });
    }
  }

  const conditions = health.newConditions ?? node.status?.conditions ?? [];
  const taints = planNodeTaints({ node, conditions, gate, now });
  if (taints) actions.push({ kind: 'updateNodeTaints', ...taints });

  const labels = planNodeLabels(node);
  if (labels) actions.push({ kind: 'updateNodeLabels', labels });

  for (const update of podsToMarkNotReady(pods, name, health.readyStatus, now)) {
    actions.push({ kind: 'markPodNotReady', ...update });
    actions.push({
      kind: 'event',
      event: { regarding: { apiVersion: 'v1', kind: 'Pod', namespace: update.namespace, name: update.name, uid: update.uid }, type: 'Warning', reason: EVENT_NODE_NOT_READY, message: MESSAGE_POD_NODE_NOT_READY },
    });
  }
  return { actions, readyStatus: health.readyStatus };
}

