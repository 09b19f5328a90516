/**
 * The write port over the API server. ReplicaSets are updated with PUT at
 * the cached resourceVersion (upstream's Update). Deployment status goes
 * through /status; the revision annotation goes first as a merge patch of
 * the Deployment's metadata, pinned to the same resourceVersion, because
 * mk's /status keeps the stored metadata where upstream's Deployment status
 * strategy would take the annotations from the request.
 */
import type { Deployment } from 'kubernetes-types/apps/v1';
import type { ApiClient, ResourcePath } from '@mk/client';
import { adoptObject, newControllerRef, releaseObject } from '../framework/controller-ref';
import { ignoreNotFound, MERGE_PATCH } from '../framework/writes';
import type { D } from './fenceposts';
import type { RS } from './replica-sets';
import { sameStatus } from './status';
import type { DeploymentWrites } from './writes';

const rsPath = (namespace?: string, name?: string): ResourcePath => ({ group: 'apps', version: 'v1', plural: 'replicasets', namespace, name });
const deploymentPath = (namespace?: string, name?: string, subresource?: string): ResourcePath => ({ group: 'apps', version: 'v1', plural: 'deployments', namespace, name, subresource });

/** Annotation keys whose values differ, as a merge patch (null deletes). */
function annotationPatch(base: D, next: Deployment): Record<string, string | null> | undefined {
  const before = base.metadata?.annotations ?? {};
  const after = next.metadata?.annotations ?? {};
  const patch: Record<string, string | null> = {};
  for (const k of new Set([...Object.keys(before), ...Object.keys(after)])) {
    if (before[k] !== after[k]) patch[k] = after[k] ?? null;
  }
  return Object.keys(patch).length ? patch : undefined;
}

/** The DeploymentWrites of a controller talking to the API server through client. */
export function apiDeploymentWrites(client: ApiClient): DeploymentWrites {
  return {
    createReplicaSet(rs) {
      return client.request<RS>('POST', client.path(rsPath(rs.metadata!.namespace)), { body: rs });
    },
    updateReplicaSet(rs) {
      const { namespace, name } = rs.metadata!;
      return client.request<RS>('PUT', client.path(rsPath(namespace, name)), { body: { ...rs, apiVersion: 'apps/v1', kind: 'ReplicaSet' } });
    },
    async deleteReplicaSet(rs) {
      const { namespace, name, uid } = rs.metadata!;
      await ignoreNotFound(client.request('DELETE', client.path(rsPath(namespace, name)), { body: { apiVersion: 'v1', kind: 'DeleteOptions', preconditions: { uid } } }));
    },
    async updateDeployment(base, next) {
      const { namespace, name } = base.metadata!;
      let stored = base;
      const annotations = annotationPatch(base, next);
      if (annotations) {
        const body = { metadata: { resourceVersion: base.metadata?.resourceVersion, annotations } };
        stored = await client.request<D>('PATCH', client.path(deploymentPath(namespace, name)), { contentType: MERGE_PATCH, body });
      }
      if (!sameStatus(stored.status, next.status)) {
        const body: Deployment = { ...structuredClone(stored as Deployment), apiVersion: 'apps/v1', kind: 'Deployment', status: next.status ?? {} };
        stored = await client.request<D>('PUT', client.path(deploymentPath(namespace, name, 'status')), { body });
      }
      return stored;
    },
    getDeployment(namespace, name) {
      return ignoreNotFound(client.request<D>('GET', client.path(deploymentPath(namespace, name))));
    },
    adoptReplicaSet(d, rs) {
      return adoptObject(client, rsPath(rs.metadata!.namespace, rs.metadata!.name), rs, newControllerRef(d, 'apps/v1', 'Deployment'));
    },
    releaseReplicaSet(d, rs) {
      return releaseObject(client, rsPath(rs.metadata!.namespace, rs.metadata!.name), rs, d.metadata!.uid!);
    },
  };
}
