/** NodePorts: a pod's hostPorts must be free on the node (per IP and protocol; 0.0.0.0 clashes with all). */
import type { Pod } from 'kubernetes-types/core/v1';
import type { HostPortTable } from '../../cache/host-ports';
import type { HostPort } from '../../cache/pod-info';
import { unschedulable } from '../../framework/status';
import { ActionType, SKIP, type FilterPlugin } from '../../framework/types';

export const NAME = 'NodePorts';
export const ERR_REASON = "node(s) didn't have free ports for the requested pod ports";

/** fitsPorts: none of the wanted ports conflicts with those in use. */
export function fitsPorts(wanted: readonly HostPort[], inUse: HostPortTable): boolean {
  for (const p of wanted) if (inUse.conflicts(p)) return false;
  return true;
}

export const nodePorts = {
  name: NAME,
  events: [
    // Only a scheduled pod that held host ports frees any when deleted.
    { resource: 'Pod', actions: ActionType.Delete, hint: (_pod, e) => !!(e.oldObj as Pod | undefined)?.spec?.nodeName },
    { resource: 'Node', actions: ActionType.Add },
  ],
  preFilter(pod) {
    return pod.hostPorts.length === 0 ? SKIP : { state: undefined };
  },
  filter(pod, node) {
    return fitsPorts(pod.hostPorts, node.usedPorts) ? null : unschedulable(ERR_REASON);
  },
} satisfies FilterPlugin;
