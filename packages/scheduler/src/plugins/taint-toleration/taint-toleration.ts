/**
 * TaintToleration: a pod may only land on a node whose NoSchedule and
 * NoExecute taints it tolerates; among feasible nodes it prefers those with
 * fewer PreferNoSchedule taints it does not tolerate.
 */
import type { Node, Toleration } from 'kubernetes-types/core/v1';
import type { NodeInfo } from '../../cache/node-info';
import type { PodInfo } from '../../cache/pod-info';
import { defaultNormalizeScore } from '../../framework/normalize';
import { unresolvable } from '../../framework/status';
import { ActionType, type ClusterEvent, type FilterPlugin, type ScorePlugin } from '../../framework/types';
import { findUntoleratedTaint, tolerationsTolerateTaint } from './tolerations';

export const NAME = 'TaintToleration';

/** The filter's reason, e.g. `node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }`. */
export function errReasonUntoleratedTaint(key: string, value: string | undefined): string {
  return `node(s) had untolerated taint {${key}: ${value ?? ''}}`;
}

/** Number of PreferNoSchedule taints on the node the pod's PreferNoSchedule (or effect-less) tolerations miss. */
export function countIntolerablePreferNoSchedule(node: NodeInfo, tolerations: readonly Toleration[]): number {
  let n = 0;
  for (const taint of node.taints) {
    if (taint.effect === 'PreferNoSchedule' && !tolerationsTolerateTaint(tolerations, taint)) n++;
  }
  return n;
}

/** QueueingHint: a node event helps only if the new node's taints are all tolerated (and were not before). */
function schedulableAfterNodeChange(pod: PodInfo, event: ClusterEvent): boolean {
  const tolerated = (n?: Node) => !!n && !findUntoleratedTaint(n.spec?.taints ?? [], pod.tolerations);
  if (!tolerated(event.newObj as Node)) return false;
  return !event.oldObj || !tolerated(event.oldObj as Node);
}

export const taintTolerationFilter = {
  name: NAME,
  events: [{ resource: 'Node', actions: ActionType.Add | ActionType.UpdateNodeTaint, hint: schedulableAfterNodeChange }],
  filter(pod, node) {
    const taint = findUntoleratedTaint(node.taints, pod.tolerations);
    return taint ? unresolvable(errReasonUntoleratedTaint(taint.key, taint.value)) : null;
  },
} satisfies FilterPlugin;

/** PreScore state: only the tolerations that matter for PreferNoSchedule. */
type ScoreState = readonly Toleration[];

export const taintTolerationScore = {
  name: NAME,
  preScore(pod) {
    return pod.tolerations.filter((t) => !t.effect || t.effect === 'PreferNoSchedule');
  },
  score(_pod, node, tolerations) {
    return countIntolerablePreferNoSchedule(node, tolerations);
  },
  normalize(scores) {
    defaultNormalizeScore(scores, true);
  },
} satisfies ScorePlugin<ScoreState>;
