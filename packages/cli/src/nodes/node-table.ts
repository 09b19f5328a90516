/** `mk node ls`: the daemon's nodes with their power state, next to their Kubernetes status (pure). */
import type { Node } from 'kubernetes-types/core/v1';
import { nodeRoles, translateTimestampSince } from '@mk/api';
import type { NodeAgentInfo } from './node-api';
import { readyStatus } from './wait-nodes-ready';

/** The table's header. */
export const NODE_TABLE_HEADER = ['NAME', 'POWER', 'STATUS', 'ROLES', 'AGE'];

/** Kubernetes' node STATUS column: Ready / NotReady / Unknown, plus SchedulingDisabled when cordoned. */
export function nodeStatus(node: Node | undefined): string {
  if (!node) return 'NotRegistered';
  const status = readyStatus(node);
  const parts = [status === undefined ? 'Unknown' : status === 'True' ? 'Ready' : 'NotReady'];
  if (node.spec?.unschedulable) parts.push('SchedulingDisabled');
  return parts.join(',');
}

/**
 * nodeTableRows lists the daemon's nodes in its order, then nodes that joined
 * from elsewhere (`mk agent`), whose power the daemon does not control.
 */
export function nodeTableRows(agents: NodeAgentInfo[], nodes: Node[], now: Date): string[][] {
  const byName = new Map(nodes.map((n) => [n.metadata?.name ?? '', n]));
  const row = (name: string, power: string, node: Node | undefined): string[] => [
    name,
    power,
    nodeStatus(node),
    nodeRoles(node?.metadata?.labels).join(',') || '<none>',
    node ? translateTimestampSince(node.metadata?.creationTimestamp, now) : '<none>',
  ];
  const rows = agents.map((a) => row(a.name, a.power, byName.get(a.name)));
  const managed = new Set(agents.map((a) => a.name));
  for (const node of nodes) if (!managed.has(node.metadata?.name ?? '')) rows.push(row(node.metadata?.name ?? '', 'external', node));
  return rows;
}
