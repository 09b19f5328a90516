/**
 * One pass of deleting a terminating namespace's content (upstream
 * namespacedResourcesDeleter.deleteAllContent): discover the namespaced
 * resource types that can be deleted, delete each type's objects — one
 * deletecollection where supported, else list and delete one by one, always
 * with Background propagation so the garbage collector never orphans — then
 * list again to see what is left. Discovery failing is not fatal: whatever
 * was discovered is still deleted.
 */
import type { Pod } from 'kubernetes-types/core/v1';
import type { KObject } from '@mk/api';
import { isApiError, isNotFound, type ApiClient } from '@mk/client';
import { assessRemaining, podTerminationEstimate, summarizeContent, type ContentPass, type ResourceOutcome, type ResourceType } from './content';

/** A deletable namespaced resource type and the verbs discovery lists for it. */
export interface DeletableResource extends ResourceType {
  verbs: readonly string[];
}

const BACKGROUND = { apiVersion: 'v1', kind: 'DeleteOptions', propagationPolicy: 'Background' };

const message = (err: unknown) => (err instanceof Error ? err.message : String(err));
/** The API's answers for a verb a resource does not serve (upstream checks MethodNotSupported and NotFound). */
const unsupported = (err: unknown) => isNotFound(err) || (isApiError(err) && err.code === 405);

/** ServerPreferredNamespacedResources filtered to those with the delete verb: one version per group and resource. */
export async function discoverDeletableResources(client: ApiClient): Promise<{ resources: DeletableResource[]; error?: string }> {
  let all;
  try {
    all = await client.discover();
  } catch (err) {
    return { resources: [], error: message(err) };
  }
  const seen = new Set<string>();
  const resources: DeletableResource[] = [];
  for (const r of all) {
    const key = `${r.group}/${r.plural}`;
    if (!r.namespaced || !r.verbs.includes('delete') || seen.has(key)) continue;
    seen.add(key);
    resources.push({ group: r.group, version: r.version, plural: r.plural, verbs: r.verbs });
  }
  return { resources };
}

async function list(client: ApiClient, r: ResourceType, namespace: string): Promise<KObject[]> {
  const body = await client.request<{ items?: KObject[] }>('GET', client.path({ ...r, namespace }));
  return body.items ?? [];
}

/** Deletes every object of one type in the namespace; false when the server has no deletecollection for it. */
async function deleteCollection(client: ApiClient, r: DeletableResource, namespace: string): Promise<boolean> {
  if (!r.verbs.includes('deletecollection')) return false;
  try {
    await client.request('DELETE', client.path({ ...r, namespace }), { body: BACKGROUND });
    return true;
  } catch (err) {
    if (unsupported(err)) return false;
    throw err;
  }
}

async function deleteEachItem(client: ApiClient, r: DeletableResource, namespace: string): Promise<void> {
  if (!r.verbs.includes('list')) return;
  for (const item of await list(client, r, namespace)) {
    try {
      await client.request('DELETE', client.path({ ...r, namespace, name: item.metadata!.name }), { body: BACKGROUND });
    } catch (err) {
      if (!unsupported(err)) throw err;
    }
  }
}

/** Deletes one resource type's content and judges what is left. */
async function deleteResourceContent(client: ApiClient, r: DeletableResource, namespace: string, deletedAt: Date, now: Date): Promise<ResourceOutcome> {
  const failed = (estimateSeconds: number, err: unknown): ResourceOutcome => ({ estimateSeconds, remaining: 0, finalizers: new Map(), error: message(err) });
  let estimate = 0;
  try {
    // Pods on nodes stop gracefully; the longest grace period is how long their absence may take.
    if (r.group === '' && r.plural === 'pods') estimate = podTerminationEstimate((await list(client, r, namespace)) as Pod[], deletedAt, now);
  } catch (err) {
    return failed(0, err);
  }
  try {
    if (!(await deleteCollection(client, r, namespace))) await deleteEachItem(client, r, namespace);
  } catch (err) {
    return failed(estimate, err);
  }
  if (!r.verbs.includes('list')) return { estimateSeconds: estimate, remaining: 0, finalizers: new Map() };
  try {
    return assessRemaining(r, namespace, await list(client, r, namespace), estimate);
  } catch (err) {
    return failed(estimate, err);
  }
}

/** Deletes everything in the namespace once; the result says how long to wait and what failed. */
export async function deleteAllContent(client: ApiClient, namespace: string, deletedAt: Date, now: Date): Promise<ContentPass> {
  const { resources, error } = await discoverDeletableResources(client);
  const outcomes = await Promise.all(resources.map(async (resource) => ({ resource, outcome: await deleteResourceContent(client, resource, namespace, deletedAt, now) })));
  return summarizeContent(outcomes, error);
}
