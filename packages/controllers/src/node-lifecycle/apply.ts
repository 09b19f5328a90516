/**
 * Performs a node lifecycle plan. Every node write is pinned to the
 * resourceVersion it was planned from (threaded through the writes), so a
 * concurrent kubelet update turns into a Conflict and a fresh plan instead of
 * being overwritten. Events are recorded after the write they describe.
 */
import type { Node } from 'kubernetes-types/core/v1';
import type { ApiClient } from '@mk/client';
import type { EventSink } from '../framework/types';
import { ignoreNotFound, MERGE_PATCH, STRATEGIC_MERGE_PATCH } from '../framework/writes';
import type { NodeLifecycleAction } from './plan';

/** Applies actions in order; NotFound (node or pod gone) ends that write quietly, other errors throw. */
export async function applyNodeLifecycle(client: ApiClient, events: EventSink, node: Readonly<Node>, actions: readonly NodeLifecycleAction[]): Promise<void> {
  const name = node.metadata!.name!;
  const nodePath = client.path({ group: '', version: 'v1', plural: 'nodes', name });
  let resourceVersion = node.metadata?.resourceVersion;
  const patchNode = async (path: string, contentType: string, body: Record<string, unknown>) => {
    const updated = await ignoreNotFound(client.request<Node>('PATCH', path, { contentType, body: { ...body, metadata: { ...(body.metadata as object), resourceVersion } } }));
    if (updated) resourceVersion = updated.metadata?.resourceVersion;
    return updated;
  };

  // A pod that vanished before it could be marked gets no event either (as upstream).
  const gonePods = new Set<string>();

  for (const action of actions) {
    switch (action.kind) {
      case 'updateNodeStatus':
        // Conditions merge by type under strategic merge; the list sent is complete anyway.
        if (!(await patchNode(`${nodePath}/status`, STRATEGIC_MERGE_PATCH, { status: { conditions: action.conditions } }))) return;
        break;
      case 'updateNodeTaints':
        // A JSON merge patch replaces the whole list, which is what a pinned resourceVersion makes safe.
        if (!(await patchNode(nodePath, MERGE_PATCH, { spec: { taints: action.taints.length ? action.taints : null } }))) return;
        break;
      case 'updateNodeLabels':
        if (!(await patchNode(nodePath, MERGE_PATCH, { metadata: { labels: action.labels } }))) return;
        break;
      case 'markPodNotReady': {
        const path = client.path({ group: '', version: 'v1', plural: 'pods', namespace: action.namespace, name: action.name, subresource: 'status' });
        const body = { metadata: { resourceVersion: action.resourceVersion }, status: { conditions: [action.condition] } };
        const updated = await ignoreNotFound(client.request('PATCH', path, { contentType: STRATEGIC_MERGE_PATCH, body }));
        if (!updated) gonePods.add(`${action.namespace}/${action.name}`);
        break;
      }
      case 'event': {
        const r = action.event.regarding;
        if (r.kind === 'Pod' && gonePods.has(`${r.namespace}/${r.name}`)) break;
        events(action.event);
        break;
      }
    }
  }
}
