/** DefaultBinder: POST pods/NAME/binding. */
import type { ApiClient } from '@mk/client';

export const BINDER_PLUGIN = 'DefaultBinder';

/** The Binding the scheduler posts: the pod (with its UID as a precondition) onto a node. */
export function bindingFor(namespace: string, name: string, uid: string | undefined, nodeName: string) {
  return {
    apiVersion: 'v1',
    kind: 'Binding',
    metadata: { name, namespace, ...(uid ? { uid } : {}) },
    target: { apiVersion: 'v1', kind: 'Node', name: nodeName },
  };
}

/** Writes the binding; rejects with the API error (409 when the pod is already bound). */
export async function bindPod(client: ApiClient, namespace: string, name: string, uid: string | undefined, nodeName: string): Promise<void> {
  const path = client.path({ group: '', version: 'v1', plural: 'pods', namespace, name, subresource: 'binding' });
  await client.request('POST', path, { body: bindingFor(namespace, name, uid, nodeName) });
}
