/**
 * Where the scale figure puts its pods (pure): spread round-robin over the
 * namespaces and bound up front to the worker nodes, as kwok's benchmark
 * creates pods that bypass the scheduler.
 */
import type { Node } from 'kubernetes-types/core/v1';

/** One pod to create: its namespace, its name and the node it is bound to. */
export interface PodPlacement {
  namespace: string;
  name: string;
  nodeName: string;
}

/** Names of the nodes a pod may be bound to: those without a NoSchedule or NoExecute taint (the control plane has one). */
export function workerNodeNames(nodes: readonly Node[]): string[] {
  return nodes
    .filter((n) => !n.spec?.taints?.some((t) => t.effect === 'NoSchedule' || t.effect === 'NoExecute'))
    .map((n) => n.metadata!.name!);
}

/** The i-th pod (0-based): namespace and node each taken round-robin, names unique across the run. */
export function placePod(i: number, namespaces: readonly string[], nodes: readonly string[]): PodPlacement {
  if (namespaces.length === 0 || nodes.length === 0) throw new Error('placing pods needs at least one namespace and one node');
  return { namespace: namespaces[i % namespaces.length], name: `pod-${i}`, nodeName: nodes[i % nodes.length] };
}

/** The most pods any node receives when `pods` are spread round-robin over `nodes` (must stay within a node's `pods` capacity). */
export function podsPerNode(pods: number, nodes: number): number {
  return Math.ceil(pods / nodes);
}
