/**
 * The garbage collector's calls to the API server (upstream operations.go):
 * every read is live (never the informer cache) and every write is
 * conditional on the uid it was decided for, so a same-named successor is
 * never touched.
 */
import type { KObject, OwnerReference } from '@mk/api';
import { isConflict, isNotFound, type ApiClient } from '@mk/client';
import { MERGE_PATCH, STRATEGIC_MERGE_PATCH, ignoreNotFound } from '../framework/writes';
import { kindForReference, type ObjectIdentity } from './identity';
import { deleteOwnerReferencesPatch, unblockOwnerReferencesPatch, type PropagationPolicy } from './decide';

const FINALIZER_UPDATE_RETRIES = 5;

/** The object's URL; throws for a kind the server does not serve. */
export function objectPath(client: ApiClient, id: Pick<ObjectIdentity, 'apiVersion' | 'kind' | 'namespace' | 'name'>): string {
  const info = kindForReference(id.apiVersion, id.kind);
  if (!info) throw new Error(`no resource serves ${id.apiVersion}, Kind=${id.kind}`);
  return client.path({ group: info.group, version: info.version, plural: info.plural, namespace: info.namespaced ? id.namespace : undefined, name: id.name });
}

/** The live object, or undefined when it is gone. */
export function getObject(client: ApiClient, id: ObjectIdentity): Promise<KObject | undefined> {
  return ignoreNotFound(client.request<KObject>('GET', objectPath(client, id)));
}

/** The live object only if it is still the one with this uid. */
export async function getSameObject(client: ApiClient, id: ObjectIdentity): Promise<KObject | undefined> {
  const obj = await getObject(client, id);
  return obj?.metadata?.uid === id.uid ? obj : undefined;
}

/**
 * Deletes the object with uid and resourceVersion preconditions, so owner
 * references added since the decision (an adoption) are not lost; if only the
 * resourceVersion moved and the references are unchanged, retries on the uid alone.
 */
export async function deleteObject(client: ApiClient, id: ObjectIdentity, policy: PropagationPolicy, latest: Readonly<KObject>): Promise<void> {
  const send = (resourceVersion?: string) =>
    client.request('DELETE', objectPath(client, id), {
      body: { apiVersion: 'v1', kind: 'DeleteOptions', propagationPolicy: policy, preconditions: { uid: id.uid, ...(resourceVersion ? { resourceVersion } : {}) } },
    });
  try {
    await ignoreNotFound(send(latest.metadata?.resourceVersion));
  } catch (err) {
    if (!isConflict(err)) throw err;
    const live = await getSameObject(client, id);
    if (!live) return;
    if (JSON.stringify(live.metadata?.ownerReferences ?? []) !== JSON.stringify(latest.metadata?.ownerReferences ?? [])) throw err;
    await ignoreNotFound(send());
  }
}

/** Strategic-merge-patches the object; a missing object, or another under its name, is no longer this collector's business. */
async function patchSameObject(client: ApiClient, id: ObjectIdentity, patch: object): Promise<void> {
  try {
    await ignoreNotFound(client.request('PATCH', objectPath(client, id), { contentType: STRATEGIC_MERGE_PATCH, body: patch }));
  } catch (err) {
    if (!isConflict(err)) throw err;
  }
}

/** Removes the references to ownerUids from the object. */
export function removeOwnerReferences(client: ApiClient, id: ObjectIdentity, ownerUids: readonly string[]): Promise<void> {
  return patchSameObject(client, id, deleteOwnerReferencesPatch(id.uid, ownerUids));
}

/** Makes the object's references non-blocking. */
export function unblockOwnerReferences(client: ApiClient, id: ObjectIdentity, owners: readonly Readonly<OwnerReference>[]): Promise<void> {
  return patchSameObject(client, id, unblockOwnerReferencesPatch(id.uid, owners));
}

/** Drops one finalizer from the object, retrying on conflicts; done when the object or the finalizer is gone. */
export async function removeFinalizer(client: ApiClient, id: ObjectIdentity, finalizer: string): Promise<void> {
  for (let attempt = 0; ; attempt++) {
    const obj = await getSameObject(client, id);
    const finalizers = obj?.metadata?.finalizers ?? [];
    if (!obj || !finalizers.includes(finalizer)) return;
    try {
      const body = { metadata: { uid: id.uid, resourceVersion: obj.metadata!.resourceVersion, finalizers: finalizers.filter((f) => f !== finalizer) } };
      await client.request('PATCH', objectPath(client, id), { contentType: MERGE_PATCH, body });
      return;
    } catch (err) {
      if (isNotFound(err)) return;
      if (!isConflict(err) || attempt >= FINALIZER_UPDATE_RETRIES) throw err;
    }
  }
}
