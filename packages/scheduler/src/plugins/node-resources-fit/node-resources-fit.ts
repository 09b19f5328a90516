/**
 * NodeResourcesFit: a pod fits a node when its requests fit into allocatable
 * minus what the node's pods already request, and the node has room for one
 * more pod. Scoring (LeastAllocated) prefers the emptier nodes.
 */
import type { Node, Pod } from 'kubernetes-types/core/v1';
import { NodeInfo } from '../../cache/node-info';
import type { PodInfo } from '../../cache/pod-info';
import { isZero, type Resources } from '../../cache/resources';
import { unschedulable } from '../../framework/status';
import { ActionType, MAX_NODE_SCORE, type ClusterEvent, type FilterPlugin, type ScorePlugin } from '../../framework/types';

export const NAME = 'NodeResourcesFit';
export const ERR_REASON_TOO_MANY_PODS = 'Too many pods';

/** `Insufficient cpu`, `Insufficient memory`, `Insufficient nvidia.com/gpu`… */
export function errReasonInsufficient(resource: string): string {
  return `Insufficient ${resource}`;
}

/** One resource the node is short of (noderesources.InsufficientResource). */
export interface InsufficientResource {
  resourceName: string;
  reason: string;
  requested: number;
  used: number;
  capacity: number;
}

/** fitsRequest: every resource the pod requests that does not fit, in upstream's order (pods, cpu, memory, ephemeral-storage, scalars). */
export function fitsRequest(request: Resources, node: NodeInfo): InsufficientResource[] {
  const out: InsufficientResource[] = [];
  if (node.pods.size + 1 > node.allowedPodNumber) {
    out.push({ resourceName: 'pods', reason: ERR_REASON_TOO_MANY_PODS, requested: 1, used: node.pods.size, capacity: node.allowedPodNumber });
  }
  if (isZero(request)) return out;
  const alloc = node.allocatable;
  const used = node.requested;
  const check = (name: string, want: number, have: number, inUse: number) => {
    if (want > 0 && want > have - inUse) out.push({ resourceName: name, reason: errReasonInsufficient(name), requested: want, used: inUse, capacity: have });
  };
  check('cpu', request.milliCPU, alloc.milliCPU, used.milliCPU);
  check('memory', request.memory, alloc.memory, used.memory);
  check('ephemeral-storage', request.ephemeralStorage, alloc.ephemeralStorage, used.ephemeralStorage);
  if (request.scalar) {
    for (const [name, want] of request.scalar) check(name, want, alloc.scalar?.get(name) ?? 0, used.scalar?.get(name) ?? 0);
  }
  return out;
}

/** Fits(pod, node) with nothing else on it: could the node ever hold the pod? */
function fitsEmptyNode(pod: PodInfo, node: Node): boolean {
  return fitsRequest(pod.requests, new NodeInfo(node.metadata?.name ?? '', node)).length === 0;
}

/** haveAnyRequestedResourcesIncreased: more pods allowed, or more of something the pod requests. */
function requestedResourcesIncreased(pod: PodInfo, oldNode: Node, newNode: Node): boolean {
  const before = new NodeInfo('', oldNode);
  const after = new NodeInfo('', newNode);
  if (after.allowedPodNumber > before.allowedPodNumber) return true;
  const r = pod.requests;
  if (r.milliCPU > 0 && after.allocatable.milliCPU > before.allocatable.milliCPU) return true;
  if (r.memory > 0 && after.allocatable.memory > before.allocatable.memory) return true;
  if (r.ephemeralStorage > 0 && after.allocatable.ephemeralStorage > before.allocatable.ephemeralStorage) return true;
  for (const [name, v] of r.scalar ?? []) {
    if (v > 0 && (after.allocatable.scalar?.get(name) ?? 0) > (before.allocatable.scalar?.get(name) ?? 0)) return true;
  }
  return false;
}

function schedulableAfterNodeChange(pod: PodInfo, event: ClusterEvent): boolean {
  const node = event.newObj as Node | undefined;
  if (!node || !fitsEmptyNode(pod, node)) return false;
  return !event.oldObj || requestedResourcesIncreased(pod, event.oldObj as Node, node);
}

/** Deleting a scheduled pod may free room; deleting a pending one cannot. */
function schedulableAfterPodDelete(_pod: PodInfo, event: ClusterEvent): boolean {
  return !!(event.oldObj as Pod | undefined)?.spec?.nodeName;
}

/** True when fitsRequest would find nothing missing; allocation-free, for the per-node hot path. */
export function fits(request: Resources, node: NodeInfo): boolean {
  if (node.pods.size + 1 > node.allowedPodNumber) return false;
  const alloc = node.allocatable;
  const used = node.requested;
  if (request.milliCPU > 0 && request.milliCPU > alloc.milliCPU - used.milliCPU) return false;
  if (request.memory > 0 && request.memory > alloc.memory - used.memory) return false;
  if (request.ephemeralStorage > 0 && request.ephemeralStorage > alloc.ephemeralStorage - used.ephemeralStorage) return false;
  if (request.scalar) {
    for (const [name, want] of request.scalar) {
      if (want > 0 && want > (alloc.scalar?.get(name) ?? 0) - (used.scalar?.get(name) ?? 0)) return false;
    }
  }
  return true;
}

export const nodeResourcesFitFilter = {
  name: NAME,
  events: [
    { resource: 'Pod', actions: ActionType.Delete, hint: schedulableAfterPodDelete },
    { resource: 'Node', actions: ActionType.Add | ActionType.UpdateNodeAllocatable, hint: schedulableAfterNodeChange },
  ],
  filter(pod, node) {
    if (fits(pod.requests, node)) return null;
    return unschedulable(...fitsRequest(pod.requests, node).map((r) => r.reason));
  },
} satisfies FilterPlugin;

/** leastRequestedScore: the free share of a resource after placing the pod, 0..100 (integer division). */
export function leastRequestedScore(requested: number, capacity: number): number {
  if (capacity === 0 || requested > capacity) return 0;
  return Math.trunc(((capacity - requested) * MAX_NODE_SCORE) / capacity);
}

/** The pod's scoring requests: cpu and memory with defaults for missing requests (weights 1 and 1). */
export interface ScoreRequests {
  milliCPU: number;
  memory: number;
}

/** LeastAllocated over cpu and memory with equal weights; resources the node does not have are left out. */
export function leastAllocatedScore(pod: ScoreRequests, node: NodeInfo): number {
  let total = 0;
  let weights = 0;
  if (node.allocatable.milliCPU !== 0) {
    total += leastRequestedScore(node.nonZeroMilliCPU + pod.milliCPU, node.allocatable.milliCPU);
    weights++;
  }
  if (node.allocatable.memory !== 0) {
    total += leastRequestedScore(node.nonZeroMemory + pod.memory, node.allocatable.memory);
    weights++;
  }
  return weights === 0 ? 0 : Math.trunc(total / weights);
}

export const nodeResourcesFitScore = {
  name: NAME,
  preScore(pod) {
    return { milliCPU: pod.nonZeroMilliCPU, memory: pod.nonZeroMemory };
  },
  score(_pod, node, requests) {
    return leastAllocatedScore(requests, node);
  },
} satisfies ScorePlugin<ScoreRequests>;

