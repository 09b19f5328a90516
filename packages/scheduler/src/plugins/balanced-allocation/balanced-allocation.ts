/**
 * NodeResourcesBalancedAllocation: prefers nodes whose cpu and memory would be
 * used in similar proportions after placing the pod: score = (1 − std) × 100,
 * std of the two fractions being |cpu − memory| / 2. BestEffort pods are not
 * scored (upstream skips them since 1.32).
 */
import type { NodeInfo } from '../../cache/node-info';
import { MAX_NODE_SCORE, SKIP, type ScorePlugin } from '../../framework/types';

export const NAME = 'NodeResourcesBalancedAllocation';

/** The pod's actual cpu and memory requests (useRequested: no 100m/200Mi defaults). */
interface Requests {
  milliCPU: number;
  memory: number;
}

/**
 * balancedResourceScorer for cpu and memory: fractions capped at 1; a
 * resource the node has none of is left out (then the deviation is 0).
 */
export function balancedScore(cpuRequested: number, cpuAllocatable: number, memRequested: number, memAllocatable: number): number {
  if (cpuAllocatable === 0 || memAllocatable === 0) return MAX_NODE_SCORE;
  const cpu = Math.min(cpuRequested / cpuAllocatable, 1);
  const mem = Math.min(memRequested / memAllocatable, 1);
  const std = Math.abs((cpu - mem) / 2);
  return Math.trunc((1 - std) * MAX_NODE_SCORE);
}

export const balancedAllocationScore = {
  name: NAME,
  preScore(pod) {
    const { milliCPU, memory } = pod.requests;
    return milliCPU === 0 && memory === 0 ? SKIP : { milliCPU, memory };
  },
  score(_pod, node: NodeInfo, r) {
    return balancedScore(node.requested.milliCPU + r.milliCPU, node.allocatable.milliCPU, node.requested.memory + r.memory, node.allocatable.memory);
  },
} satisfies ScorePlugin<Requests>;
