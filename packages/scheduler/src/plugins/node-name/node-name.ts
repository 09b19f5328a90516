/**
 * NodeName: a pod that names a node (spec.nodeName) fits only that node. The
 * scheduler only sees pods without a nodeName, so in practice this guards
 * preemption's dry runs and callers that reuse the filters.
 */
import type { Node } from 'kubernetes-types/core/v1';
import { unresolvable } from '../../framework/status';
import { ActionType, type FilterPlugin } from '../../framework/types';

export const NAME = 'NodeName';
export const ERR_REASON = "node(s) didn't match the requested node name";

/** nodename.Fits. */
export function fitsNodeName(requested: string, nodeName: string): boolean {
  return requested === '' || requested === nodeName;
}

export const nodeName = {
  name: NAME,
  events: [{ resource: 'Node', actions: ActionType.Add, hint: (pod, e) => fitsNodeName(pod.nodeName, (e.newObj as Node)?.metadata?.name ?? '') }],
  filter(pod, node) {
    return fitsNodeName(pod.nodeName, node.name) ? null : unresolvable(ERR_REASON);
  },
} satisfies FilterPlugin;
