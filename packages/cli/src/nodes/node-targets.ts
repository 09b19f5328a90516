/** Finding the nodes a node command acts on: by name, or by label selector (-l). */
import type { Node } from 'kubernetes-types/core/v1';
import type { ApiClient } from '@mk/client';

/** listNodes lists every node, or those matching `selector`. */
export async function listNodes(client: ApiClient, selector?: string): Promise<Node[]> {
  const list = await client.request<{ items?: Node[] }>('GET', '/api/v1/nodes', { query: selector ? { labelSelector: selector } : {} });
  return (list.items ?? []).map((n) => ({ ...n, apiVersion: 'v1', kind: 'Node' }));
}

/** selectNodes fetches the named nodes in order (the first missing one fails the command), or else the nodes matching `selector`. */
export async function selectNodes(client: ApiClient, names: string[], selector?: string): Promise<Node[]> {
  if (names.length === 0) return listNodes(client, selector);
  const nodes: Node[] = [];
  for (const name of names) nodes.push(await client.request<Node>('GET', `/api/v1/nodes/${encodeURIComponent(name)}`));
  return nodes;
}
