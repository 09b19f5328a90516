/**
 * What a DaemonSet needs on each node (upstream manage/podsShouldBeOnNode),
 * as a pure function: a daemon pod where one should run and none exists; the
 * failed (after a back-off) and succeeded ones deleted; surplus pods on a node
 * deleted, the oldest kept; every pod deleted from nodes it may no longer run
 * on, and unbound pods meant for nodes that are gone. Replacements for what is
 * deleted are created by a later sync, once the deletions are seen.
 */
import type { DaemonSet } from 'kubernetes-types/apps/v1';
import type { Node, Pod } from 'kubernetes-types/core/v1';
import { refTo, type EventSpec } from '../framework/events';
import { isPodReady } from '../framework/pods';
import type { BackoffView } from './backoff';
import { compareByCreationAndPhase, isPodAvailable, type NodeToPods } from './daemon-pods';
import { CONTROLLER_REVISION_HASH_LABEL } from '../framework/controller-revision';
import { nodeShouldRunDaemonPod } from './should-run';
import { allowsSurge } from './strategy';

export const REASON_FAILED_DAEMON_POD = 'FailedDaemonPod';
export const REASON_SUCCEEDED_DAEMON_POD = 'SucceededDaemonPod';

export interface ManageInput {
  ds: Readonly<DaemonSet>;
  nodes: readonly Readonly<Node>[];
  /** The DaemonSet's pods by target node (finished pods being deleted left out). */
  nodeToPods: NodeToPods;
  /** The current revision's hash. */
  hash: string;
  now: Date;
  failedPodBackoff: BackoffView;
}

export interface ManagePlan {
  /** Nodes to create a daemon pod for. */
  createOn: string[];
  /** Names of the pods to delete. */
  deletePods: string[];
  events: EventSpec[];
  /** Back-off keys to step: a failed pod is being deleted on that node. */
  backoffSteps: string[];
  /** When to look again, for failed pods waiting out their back-off. */
  requeueAfterMs?: number;
}

/** failedPodsBackoffKey: per DaemonSet incarnation, generation and node. */
export function failedPodBackoffKey(ds: Readonly<DaemonSet>, nodeName: string): string {
  return `${ds.metadata?.uid ?? ''}/${ds.status?.observedGeneration ?? 0}/${nodeName}`;
}

const live = (pods: readonly Readonly<Pod>[]) => pods.filter((p) => !p.metadata?.deletionTimestamp);

/**
 * With surge, a node keeps the oldest current-revision pod and the oldest
 * older one; the old one goes once it is not Ready or the new one is available.
 */
function pruneSurge(running: Readonly<Pod>[], input: ManageInput, plan: ManagePlan): void {
  let oldestNew: Readonly<Pod> | undefined;
  let oldestOld: Readonly<Pod> | undefined;
  for (const pod of [...running].sort(compareByCreationAndPhase)) {
    const isNew = pod.metadata?.labels?.[CONTROLLER_REVISION_HASH_LABEL] === input.hash;
    if (isNew && !oldestNew) oldestNew = pod;
    else if (!isNew && !oldestOld) oldestOld = pod;
    else plan.deletePods.push(pod.metadata!.name!);
  }
  if (!oldestNew || !oldestOld) return;
  if (!isPodReady(oldestOld) || isPodAvailable(oldestNew, input.ds.spec?.minReadySeconds ?? 0, input.now)) {
    plan.deletePods.push(oldestOld.metadata!.name!);
  }
}

function planNode(node: Readonly<Node>, input: ManageInput, plan: ManagePlan): void {
  const { ds } = input;
  const nodeName = node.metadata!.name!;
  const { shouldRun, shouldContinueRunning } = nodeShouldRunDaemonPod(node, ds);
  const pods = input.nodeToPods.get(nodeName);

  if (shouldRun && !pods) {
    plan.createOn.push(nodeName);
    return;
  }
  if (!shouldContinueRunning) {
    for (const pod of live(pods ?? [])) plan.deletePods.push(pod.metadata!.name!);
    return;
  }
  if (!pods) return;

  const running: Readonly<Pod>[] = [];
  for (const pod of live(pods)) {
    const ref = `${pod.metadata!.namespace}/${pod.metadata!.name}`;
    if (pod.status?.phase === 'Failed') {
      const key = failedPodBackoffKey(ds, nodeName);
      const nowMs = input.now.getTime();
      if (input.failedPodBackoff.inBackoffSinceUpdate(key, nowMs)) {
        const delay = input.failedPodBackoff.delay(key);
        plan.requeueAfterMs = Math.min(plan.requeueAfterMs ?? Infinity, delay);
        continue;
      }
      plan.backoffSteps.push(key);
      plan.events.push({ regarding: refTo(ds, 'apps/v1', 'DaemonSet'), type: 'Warning', reason: REASON_FAILED_DAEMON_POD, message: `Found failed daemon pod ${ref} on node ${nodeName}, will try to kill it` });
      plan.deletePods.push(pod.metadata!.name!);
    } else if (pod.status?.phase === 'Succeeded') {
      plan.events.push({ regarding: refTo(ds, 'apps/v1', 'DaemonSet'), type: 'Normal', reason: REASON_SUCCEEDED_DAEMON_POD, message: `Found succeeded daemon pod ${ref} on node ${nodeName}, will try to delete it` });
      plan.deletePods.push(pod.metadata!.name!);
    } else {
      running.push(pod);
    }
  }

  if (allowsSurge(ds)) {
    if (running.length > 1) pruneSurge(running, input, plan);
    // Surging needs at least one pod that is not being deleted on the node.
    else if (running.length === 0 && shouldRun) plan.createOn.push(nodeName);
    return;
  }
  // One pod per node: keep the oldest (bound first), delete the rest.
  const sorted = [...running].sort(compareByCreationAndPhase);
  for (const pod of sorted.slice(1)) plan.deletePods.push(pod.metadata!.name!);
}

/** Plans creations and deletions across the nodes. */
export function planManage(input: ManageInput): ManagePlan {
  const plan: ManagePlan = { createOn: [], deletePods: [], events: [], backoffSteps: [] };
  for (const node of input.nodes) planNode(node, input, plan);

  // getUnscheduledPodsWithoutNode: a pod pinned to a node that no longer exists is never
  // bound, so pod GC never sees it; bound pods of deleted nodes are pod GC's to remove.
  const existing = new Set(input.nodes.map((n) => n.metadata?.name));
  for (const [nodeName, pods] of input.nodeToPods) {
    if (existing.has(nodeName)) continue;
    for (const pod of live(pods)) if (!pod.spec?.nodeName) plan.deletePods.push(pod.metadata!.name!);
  }
  return plan;
}
