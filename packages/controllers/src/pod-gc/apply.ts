/**
 * The pod garbage collector's writes (upstream markFailedAndDeletePodWithCondition):
 * a pod not yet terminal is first moved to phase Failed — an orphan has no
 * kubelet left to do it — with the DisruptionTarget condition saying why,
 * then deleted with gracePeriodSeconds 0 (forced: nobody will confirm a
 * graceful stop).
 */
import type { Pod, PodCondition } from 'kubernetes-types/core/v1';
import { isConflict, isNotFound, type ApiClient } from '@mk/client';
import { rfc3339 } from '../framework/time';
import { ignoreNotFound, STRATEGIC_MERGE_PATCH } from '../framework/writes';
import { needsFailedPhase } from './plan';

/** The DisruptionTarget reason and message for pods of deleted nodes. */
export const REASON_DELETION_BY_POD_GC = 'DeletionByPodGC';
export const MESSAGE_NODE_NO_LONGER_EXISTS = 'PodGC: node no longer exists';

/** The DisruptionTarget condition upstream sets on orphaned pods. */
export function orphanCondition(now: Date): PodCondition {
  return { type: 'DisruptionTarget', status: 'True', reason: REASON_DELETION_BY_POD_GC, message: MESSAGE_NODE_NO_LONGER_EXISTS, lastTransitionTime: rfc3339(now) };
}

/** Whether the API server still has a node of that name (the orphan check's live GET). */
export async function nodeExists(client: ApiClient, name: string): Promise<boolean> {
  try {
    await client.request('GET', client.path({ group: '', version: 'v1', plural: 'nodes', name }));
    return true;
  } catch (err) {
    if (isNotFound(err)) return false;
    throw err;
  }
}

/** apipod.UpdatePodCondition: the transition time moves only when the status changes. */
function keepTransitionTime(pod: Readonly<Pod>, condition: PodCondition): PodCondition {
  const old = pod.status?.conditions?.find((c) => c.type === condition.type);
  return old && old.status === condition.status && old.lastTransitionTime ? { ...condition, lastTransitionTime: old.lastTransitionTime } : condition;
}

/** Marks the pod Failed (with condition, if given) and force-deletes it; a pod gone or replaced meanwhile is success. */
export async function markFailedAndDeletePod(client: ApiClient, pod: Readonly<Pod>, condition?: PodCondition): Promise<void> {
  const { namespace, name, uid } = pod.metadata!;
  const path = client.path({ group: '', version: 'v1', plural: 'pods', namespace, name });
  try {
    if (needsFailedPhase(pod)) {
      // metadata.uid makes the patch conditional on this very pod, as upstream's PatchPodStatus precondition.
      const status = { phase: 'Failed', ...(condition ? { conditions: [keepTransitionTime(pod, condition)] } : {}) };
      const patched = await ignoreNotFound(client.request('PATCH', `${path}/status`, { contentType: STRATEGIC_MERGE_PATCH, body: { metadata: { uid }, status } }));
      if (!patched) return;
    }
    await ignoreNotFound(client.request('DELETE', path, { body: { apiVersion: 'v1', kind: 'DeleteOptions', gracePeriodSeconds: 0, preconditions: { uid } } }));
  } catch (err) {
    if (!isConflict(err)) throw err;
  }
}
