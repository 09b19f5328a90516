/**
 * The replica controller's writes (upstream RealPodControl and
 * updateReplicaSetStatus): creating and deleting pods with their events, and
 * writing status through /status.
 */
import type { Pod } from 'kubernetes-types/core/v1';
import type { ReplicaSetStatus } from 'kubernetes-types/apps/v1';
import { isNamespaceTerminating, isNotFound, type ApiClient } from '@mk/client';
import { newControllerRef } from '../framework/controller-ref';
import { refTo } from '../framework/events';
import { podFromTemplate } from '../framework/pod-template';
import type { EventSink } from '../framework/types';
import type { ReplicaKind, ReplicaOwner } from './kinds';

export const EVENT_SUCCESSFUL_CREATE = 'SuccessfulCreate';
export const EVENT_FAILED_CREATE = 'FailedCreate';
export const EVENT_SUCCESSFUL_DELETE = 'SuccessfulDelete';
export const EVENT_FAILED_DELETE = 'FailedDelete';

export interface ApplyDeps {
  client: ApiClient;
  kind: ReplicaKind;
  events: EventSink;
}

const messageOf = (err: unknown) => (err instanceof Error ? err.message : String(err));

const podsPath = (client: ApiClient, namespace: string, name?: string) => client.path({ group: '', version: 'v1', plural: 'pods', namespace, name });

/**
 * PodControl.CreatePods: one pod from the owner's template, owned by it.
 * Records SuccessfulCreate, or FailedCreate with the server's message — but
 * not for a terminating namespace, where every create fails alike.
 */
export async function createReplicaPod(deps: ApplyDeps, owner: Readonly<ReplicaOwner>): Promise<void> {
  const { client, kind, events } = deps;
  const namespace = owner.metadata!.namespace!;
  const pod = podFromTemplate(owner.spec?.template, namespace, newControllerRef(owner, kind.apiVersion, kind.kind));
  if (!Object.keys(pod.metadata?.labels ?? {}).length) throw new Error('unable to create pods, no labels');
  const regarding = refTo(owner, kind.apiVersion, kind.kind);
  let created: Pod;
  try {
    created = await client.request<Pod>('POST', podsPath(client, namespace), { body: pod });
  } catch (err) {
    if (!isNamespaceTerminating(err)) events({ regarding, type: 'Warning', reason: EVENT_FAILED_CREATE, message: `Error creating: ${messageOf(err)}` });
    throw err;
  }
  events({ regarding, type: 'Normal', reason: EVENT_SUCCESSFUL_CREATE, message: `Created pod: ${created.metadata?.name}` });
}

/**
 * PodControl.DeletePod: deletes the pod by name. Resolves false when it was
 * already gone; any other failure records FailedDelete and throws
 * `unable to delete pods: …`.
 */
export async function deleteReplicaPod(deps: ApplyDeps, owner: Readonly<ReplicaOwner>, pod: Readonly<Pod>): Promise<boolean> {
  const { client, kind, events } = deps;
  const name = pod.metadata!.name!;
  const regarding = refTo(owner, kind.apiVersion, kind.kind);
  try {
    await client.request('DELETE', podsPath(client, pod.metadata!.namespace!, name));
  } catch (err) {
    if (isNotFound(err)) return false;
    events({ regarding, type: 'Warning', reason: EVENT_FAILED_DELETE, message: `Error deleting: ${messageOf(err)}` });
    throw new Error(`unable to delete pods: ${messageOf(err)}`);
  }
  events({ regarding, type: 'Normal', reason: EVENT_SUCCESSFUL_DELETE, message: `Deleted pod: ${name}` });
  return true;
}

/** The owner's own path (status: its /status subresource). */
export function ownerPath(deps: Pick<ApplyDeps, 'client' | 'kind'>, owner: Readonly<ReplicaOwner>, subresource?: string): string {
  const { group, version, plural } = deps.kind.target;
  return deps.client.path({ group, version, plural, namespace: owner.metadata?.namespace, name: owner.metadata?.name, subresource });
}

/**
 * updateReplicaSetStatus: PUT /status with the cached object; on failure
 * (usually a conflict) one retry on a fresh copy, as upstream's
 * statusUpdateRetries = 1. An owner that is gone needs no status.
 */
export async function writeReplicaStatus(deps: ApplyDeps, owner: Readonly<ReplicaOwner>, status: ReplicaSetStatus): Promise<void> {
  const { client, kind } = deps;
  const path = ownerPath(deps, owner, 'status');
  const put = (base: Readonly<ReplicaOwner>) => client.request('PUT', path, { body: { ...structuredClone(base), apiVersion: kind.apiVersion, kind: kind.kind, status } });
  try {
    await put(owner);
  } catch (err) {
    if (isNotFound(err)) return;
    try {
      const fresh = await client.request<ReplicaOwner>('GET', ownerPath(deps, owner));
      if (fresh.metadata?.uid !== owner.metadata?.uid) return;
      await put(fresh);
    } catch (retryErr) {
      if (isNotFound(retryErr)) return;
      throw retryErr;
    }
  }
}
