/**
 * NodeUnschedulable: a cordoned node (spec.unschedulable) takes only pods that
 * tolerate the node.kubernetes.io/unschedulable:NoSchedule taint.
 */
import type { Node, Toleration } from 'kubernetes-types/core/v1';
import type { PodInfo } from '../../cache/pod-info';
import { unresolvable } from '../../framework/status';
import { ActionType, type ClusterEvent, type FilterPlugin } from '../../framework/types';
import { tolerationsTolerateTaint } from '../taint-toleration/tolerations';

export const NAME = 'NodeUnschedulable';
export const ERR_REASON_UNSCHEDULABLE = 'node(s) were unschedulable';

/** The taint a cordoned node is treated as having (v1.TaintNodeUnschedulable). */
export const TAINT_NODE_UNSCHEDULABLE = 'node.kubernetes.io/unschedulable';

/** True when the pod may run on a node with the given spec.unschedulable. */
export function fitsUnschedulable(unschedulable: boolean, tolerations: readonly Toleration[]): boolean {
  return !unschedulable || tolerationsTolerateTaint(tolerations, { key: TAINT_NODE_UNSCHEDULABLE, effect: 'NoSchedule' });
}

function schedulableAfterNodeChange(pod: PodInfo, event: ClusterEvent): boolean {
  const node = event.newObj as Node | undefined;
  return !!node && fitsUnschedulable(node.spec?.unschedulable === true, pod.tolerations);
}

export const nodeUnschedulable = {
  name: NAME,
  // Cordoning and uncordoning is reported as a taint change (NodeSpecUnschedulableChange).
  events: [{ resource: 'Node', actions: ActionType.Add | ActionType.UpdateNodeTaint, hint: schedulableAfterNodeChange }],
  filter(pod, node) {
    return fitsUnschedulable(node.unschedulable, pod.tolerations) ? null : unresolvable(ERR_REASON_UNSCHEDULABLE);
  },
} satisfies FilterPlugin;
