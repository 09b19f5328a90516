/** The other pod writes the scheduler makes: status patches and preemption's deletes. */
import type { ApiClient } from '@mk/client';

const STRATEGIC_MERGE_PATCH = 'application/strategic-merge-patch+json';

function podPath(client: ApiClient, namespace: string, name: string, subresource?: string): string {
  return client.path({ group: '', version: 'v1', plural: 'pods', namespace, name, subresource });
}

/** PATCH pods/NAME/status with a strategic merge patch (util.PatchPodStatus). */
export async function patchPodStatus(client: ApiClient, namespace: string, name: string, patch: unknown): Promise<void> {
  await client.request('PATCH', podPath(client, namespace, name, 'status'), { body: JSON.stringify(patch), contentType: STRATEGIC_MERGE_PATCH });
}

/** DELETE a pod with its default grace period (util.DeletePod). */
export async function deletePod(client: ApiClient, namespace: string, name: string): Promise<void> {
  await client.request('DELETE', podPath(client, namespace, name));
}
