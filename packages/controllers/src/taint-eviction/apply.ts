/**
 * Deleting a pod for a NoExecute taint, as upstream addConditionAndDeletePod:
 * first the DisruptionTarget condition says why (PodDisruptionConditions, GA
 * since 1.31), then an ordinary DELETE. A pod bound to a node is deleted
 * gracefully by the API server: it gets a deletionTimestamp and stays
 * Terminating until its node's agent confirms it stopped — on a dead node,
 * until the node comes back. Never forced: that is what keeps two copies of a
 * StatefulSet pod from running at once.
 */
import type { Pod } from 'kubernetes-types/core/v1';
import { isConflict, type ApiClient } from '@mk/client';
import { rfc3339 } from '../framework/time';
import { ignoreNotFound, STRATEGIC_MERGE_PATCH } from '../framework/writes';

export const REASON_DELETION_BY_TAINT_MANAGER = 'DeletionByTaintManager';
export const MESSAGE_DELETION_BY_TAINT_MANAGER = 'Taint manager: deleting due to NoExecute taint';

function hasDisruptionTarget(pod: Readonly<Pod>): boolean {
  return (pod.status?.conditions ?? []).some((c) => c.type === 'DisruptionTarget' && c.status === 'True' && c.reason === REASON_DELETION_BY_TAINT_MANAGER && c.message === MESSAGE_DELETION_BY_TAINT_MANAGER);
}

/** Marks and deletes the pod; a pod already gone, or replaced by another of the same name, is success. */
export async function evictPodForTaint(client: ApiClient, pod: Readonly<Pod>, now: Date): Promise<void> {
  const { namespace, name, uid } = pod.metadata!;
  const path = client.path({ group: '', version: 'v1', plural: 'pods', namespace, name });
  if (!hasDisruptionTarget(pod)) {
    const condition = { type: 'DisruptionTarget', status: 'True', reason: REASON_DELETION_BY_TAINT_MANAGER, message: MESSAGE_DELETION_BY_TAINT_MANAGER, lastTransitionTime: rfc3339(now) };
    const patched = await ignoreNotFound(client.request('PATCH', `${path}/status`, { contentType: STRATEGIC_MERGE_PATCH, body: { status: { conditions: [condition] } } }));
    if (!patched) return;
  }
  try {
    // The uid precondition keeps a same-named successor (a StatefulSet's next pod) safe.
    await ignoreNotFound(client.request('DELETE', path, { body: { apiVersion: 'v1', kind: 'DeleteOptions', preconditions: { uid } } }));
  } catch (err) {
    if (!isConflict(err)) throw err;
  }
}
