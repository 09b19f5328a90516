/**
 * Upstream's podControllerFinders: the scale of the controller owning a pod,
 * tried in order — ReplicationController, Deployment (through its
 * ReplicaSet), a ReplicaSet no Deployment controls, StatefulSet — from the
 * informer caches, and for any other kind its `scale` subresource. A
 * reference whose uid does not match the object found is no controller.
 */
import { findKindByGVK, qualifiedResource, type KObject, type OwnerReference } from '@mk/api';
import { isNotFound, objectKey, type ApiClient, type Lister } from '@mk/client';
import type { ControllerScale, ScaleFinder } from './expected-pods';
import { controllerRefOf } from './expected-pods';

export interface ScaleFinderSources {
  client: ApiClient;
  replicationControllers: Lister;
  replicaSets: Lister;
  deployments: Lister;
  statefulSets: Lister;
}

const groupOf = (apiVersion: string) => (apiVersion.includes('/') ? apiVersion.slice(0, apiVersion.indexOf('/')) : '');
const versionOf = (apiVersion: string) => apiVersion.slice(apiVersion.indexOf('/') + 1);
const isRef = (ref: Readonly<OwnerReference>, kind: string, groups: string[]) => ref.kind === kind && groups.includes(groupOf(ref.apiVersion));
const replicasOf = (obj: Readonly<KObject>) => ((obj.spec as { replicas?: number } | undefined)?.replicas ?? 1);

function cached(lister: Lister, namespace: string, ref: Readonly<OwnerReference>): Readonly<KObject> | undefined {
  const obj = lister.get(objectKey({ metadata: { namespace, name: ref.name } }));
  return obj && obj.metadata?.uid === ref.uid ? obj : undefined;
}

/** Builds the finder the disruption controller uses. */
export function createScaleFinder(src: ScaleFinderSources): ScaleFinder {
  const fromCache = (ref: Readonly<OwnerReference>, namespace: string): ControllerScale | undefined => {
    if (isRef(ref, 'ReplicationController', [''])) {
      const rc = cached(src.replicationControllers, namespace, ref);
      if (rc) return { uid: ref.uid, replicas: replicasOf(rc) };
    }
    if (isRef(ref, 'ReplicaSet', ['apps', 'extensions'])) {
      const rs = cached(src.replicaSets, namespace, ref);
      if (rs) {
        const owner = controllerRefOf(rs);
        if (owner && isRef(owner, 'Deployment', ['apps', 'extensions'])) {
          const deployment = cached(src.deployments, namespace, owner);
          return deployment ? { uid: owner.uid, replicas: replicasOf(deployment) } : undefined;
        }
        if (!owner || owner.kind !== 'Deployment') return { uid: ref.uid, replicas: replicasOf(rs) };
      }
    }
    if (isRef(ref, 'StatefulSet', ['apps'])) {
      const ss = cached(src.statefulSets, namespace, ref);
      if (ss) return { uid: ref.uid, replicas: replicasOf(ss) };
    }
    return undefined;
  };

  const fromScaleSubresource = async (ref: Readonly<OwnerReference>, namespace: string): Promise<ControllerScale | undefined> => {
    const group = groupOf(ref.apiVersion);
    const version = versionOf(ref.apiVersion);
    const info = findKindByGVK(group, version, ref.kind);
    if (!info) throw new Error(`no matches for kind "${ref.kind}" in version "${ref.apiVersion}"`);
    if (!info.subresources.includes('scale')) throw new Error(`${qualifiedResource(info)} does not implement the scale subresource`);
    try {
      const scale = await src.client.request<KObject>('GET', src.client.path({ group, version, plural: info.plural, namespace: info.namespaced ? namespace : undefined, name: ref.name, subresource: 'scale' }));
      if (scale.metadata?.uid !== ref.uid) return undefined;
      return { uid: ref.uid, replicas: (scale.spec as { replicas?: number } | undefined)?.replicas ?? 0 };
    } catch (err) {
      if (isNotFound(err)) return undefined;
      throw err;
    }
  };

  return async (ref, namespace) => fromCache(ref, namespace) ?? (await fromScaleSubresource(ref, namespace));
}
