/** Waiting until nodes have booted and are Ready (what `mk up`, `mk node add` and `mk node start` promise). */
import type { Node } from 'kubernetes-types/core/v1';
import type { ApiClient } from '@mk/client';
import { nodeApi, type NodeAgentInfo } from './node-api';

/** The Ready condition's status of a node: 'True', 'False', 'Unknown', or undefined when not reported yet. */
export function readyStatus(node: Node | undefined): string | undefined {
  return [...(node?.status?.conditions ?? [])].reverse().find((c) => c.type === 'Ready')?.status;
}

/** The outcome of a wait: the nodes that are Ready, and those that are not (with their state) when time ran out. */
export interface NodesReadiness {
  ready: string[];
  notReady: { name: string; state: string }[];
}

/**
 * nodesReadiness checks the awaited nodes against the API's Nodes (pure). A
 * node counts only once its agent has booted: after a restart, the Node still
 * carries the Ready condition of the previous run.
 */
export function nodesReadiness(awaited: Pick<NodeAgentInfo, 'name' | 'booted'>[], nodes: Node[]): NodesReadiness {
  const byName = new Map(nodes.map((n) => [n.metadata?.name ?? '', n]));
  const result: NodesReadiness = { ready: [], notReady: [] };
  for (const { name, booted } of awaited) {
    const node = byName.get(name);
    const status = readyStatus(node);
    if (booted && status === 'True') result.ready.push(name);
    else result.notReady.push({ name, state: !booted ? 'booting' : !node ? 'not registered' : status === undefined ? 'no Ready condition' : status === 'Unknown' ? 'Unknown' : 'NotReady' });
  }
  return result;
}

/** Which of the daemon's nodes a wait is for. */
type AwaitedNodes = (agents: NodeAgentInfo[]) => Pick<NodeAgentInfo, 'name' | 'booted'>[];

/**
 * pollReadiness polls until every awaited node is Ready or the deadline passes.
 * While agents are still booting only the daemon's cheap node list is asked, so
 * the wait does not compete with a starting cluster for the CPU.
 */
async function pollReadiness(client: ApiClient, awaited: AwaitedNodes, timeoutMs: number, sleep: (ms: number) => Promise<void>, now: () => number, intervalMs: number): Promise<NodesReadiness> {
  const deadline = now() + timeoutMs;
  for (;;) {
    const nodes = awaited(await nodeApi.list(client));
    const timedOut = now() >= deadline;
    if (nodes.every((n) => n.booted) || timedOut) {
      const list = await client.request<{ items?: Node[] }>('GET', '/api/v1/nodes');
      const readiness = nodesReadiness(nodes, list.items ?? []);
      if (readiness.notReady.length === 0 || timedOut) return readiness;
    }
    await sleep(intervalMs);
  }
}

/** waitForNodeReady waits for one node (after `mk node add` or `mk node start`). */
export function waitForNodeReady(client: ApiClient, name: string, timeoutMs: number, sleep: (ms: number) => Promise<void>, now: () => number, intervalMs = 10): Promise<NodesReadiness> {
  return pollReadiness(client, (agents) => [agents.find((a) => a.name === name) ?? { name, booted: true }], timeoutMs, sleep, now, intervalMs);
}

/**
 * waitForNodesReady polls (tightly: a local cluster gets there in milliseconds)
 * until every switched-on node of the daemon is Ready or `timeoutMs` passes; returns the last readiness.
 */
export function waitForNodesReady(client: ApiClient, timeoutMs: number, sleep: (ms: number) => Promise<void>, now: () => number, intervalMs = 10): Promise<NodesReadiness> {
  return pollReadiness(client, (agents) => agents.filter((a) => a.power === 'on'), timeoutMs, sleep, now, intervalMs);
}
