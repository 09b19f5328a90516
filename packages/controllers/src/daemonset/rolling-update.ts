/**
 * One step of a RollingUpdate (upstream rollingUpdate), as a pure function.
 *
 * Without surge, old-revision pods are deleted while the number of nodes
 * without an available daemon pod stays within maxUnavailable (old pods that
 * are not available anyway are always replaced); the manage step of a later
 * sync creates their successors.
 *
 * With surge, a new pod is created beside an old one on up to maxSurge nodes
 * (at once where the old one is not available), and the old pod is deleted
 * once its successor is available.
 */
import type { DaemonSet } from 'kubernetes-types/apps/v1';
import type { Node, Pod } from 'kubernetes-types/core/v1';
import { isPodAvailable, type NodeToPods } from './daemon-pods';
import { isPodUpdated, templateGeneration } from './pod-for-node';
import { nodeShouldRunDaemonPod } from './should-run';
import { surgeCount, unavailableCount } from './strategy';

export interface RollingUpdateInput {
  ds: Readonly<DaemonSet>;
  nodes: readonly Readonly<Node>[];
  nodeToPods: NodeToPods;
  hash: string;
  now: Date;
}

export interface RollingUpdatePlan {
  deletePods: string[];
  createOn: string[];
}

export interface UpdateBudget {
  maxSurge: number;
  maxUnavailable: number;
  desiredNumberScheduled: number;
}

/** updatedDesiredNodeCounts: the budgets against the nodes that should run a daemon pod. */
export function updateBudget(ds: Readonly<DaemonSet>, nodes: readonly Readonly<Node>[]): UpdateBudget {
  const desired = nodes.filter((n) => nodeShouldRunDaemonPod(n, ds).shouldRun).length;
  let maxUnavailable: number;
  let maxSurge: number;
  try {
    maxUnavailable = unavailableCount(ds, desired);
  } catch (err) {
    throw new Error(`invalid value for MaxUnavailable: ${(err as Error).message}`);
  }
  try {
    maxSurge = surgeCount(ds, desired);
  } catch (err) {
    throw new Error(`invalid value for MaxSurge: ${(err as Error).message}`);
  }
  // Both zero would stall the update; upstream then accepts one unavailable node.
  if (desired > 0 && maxUnavailable === 0 && maxSurge === 0) maxUnavailable = 1;
  return { maxSurge, maxUnavailable, desiredNumberScheduled: desired };
}

/** findUpdatedPodsOnNode: the node's live new and old pod; undefined when it has several of either. */
function splitNode(pods: readonly Readonly<Pod>[], hash: string, generation: string | undefined): { newPod?: Readonly<Pod>; oldPod?: Readonly<Pod> } | undefined {
  let newPod: Readonly<Pod> | undefined;
  let oldPod: Readonly<Pod> | undefined;
  for (const pod of pods) {
    if (pod.metadata?.deletionTimestamp) continue;
    if (isPodUpdated(pod, hash, generation)) {
      if (newPod) return undefined;
      newPod = pod;
    } else {
      if (oldPod) return undefined;
      oldPod = pod;
    }
  }
  return { newPod, oldPod };
}

/** Every node that has daemon pods or should have one, in a stable order. */
function nodesInPlay(input: RollingUpdateInput): [string, readonly Readonly<Pod>[]][] {
  const all = new Map(input.nodeToPods);
  for (const n of input.nodes) if (!all.has(n.metadata!.name!) && nodeShouldRunDaemonPod(n, input.ds).shouldRun) all.set(n.metadata!.name!, []);
  return [...all.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
}

function planWithoutSurge(input: RollingUpdateInput, budget: UpdateBudget): RollingUpdatePlan {
  const { ds, hash, now } = input;
  const minReady = ds.spec?.minReadySeconds ?? 0;
  const generation = templateGeneration(ds);
  let numUnavailable = 0;
  const replacements: string[] = [];
  const candidates: string[] = [];
  for (const [, pods] of nodesInPlay(input)) {
    const split = splitNode(pods, hash, generation);
    // Several pods of a kind: the manage step prunes them first; count the node as unavailable.
    if (!split) {
      numUnavailable++;
      continue;
    }
    const { newPod, oldPod } = split;
    if (!newPod === !oldPod) {
      // No pod yet, or both: the manage step creates or prunes; unavailable meanwhile.
      numUnavailable++;
    } else if (newPod) {
      if (!isPodAvailable(newPod, minReady, now)) numUnavailable++;
    } else if (!isPodAvailable(oldPod!, minReady, now)) {
      replacements.push(oldPod!.metadata!.name!);
      numUnavailable++;
    } else if (numUnavailable < budget.maxUnavailable) {
      candidates.push(oldPod!.metadata!.name!);
    }
  }
  const room = Math.min(Math.max(0, budget.maxUnavailable - numUnavailable), candidates.length);
  return { deletePods: [...replacements, ...candidates.slice(0, room)], createOn: [] };
}

function planWithSurge(input: RollingUpdateInput, budget: UpdateBudget): RollingUpdatePlan {
  const { ds, hash, now } = input;
  const minReady = ds.spec?.minReadySeconds ?? 0;
  const generation = templateGeneration(ds);
  const nodeByName = new Map(input.nodes.map((n) => [n.metadata!.name!, n]));
  // A node that is gone can no longer run anything.
  const shouldRun = (name: string) => {
    const node = nodeByName.get(name);
    return node ? nodeShouldRunDaemonPod(node, ds).shouldRun : false;
  };
  const deletePods: string[] = [];
  const shouldNotRunDeletes: string[] = [];
  const candidates: string[] = [];
  const allowedNew: string[] = [];
  let numSurge = 0;
  let numAvailable = 0;

  for (const [nodeName, pods] of nodesInPlay(input)) {
    const split = splitNode(pods, hash, generation);
    if (!split) {
      numSurge++;
      continue;
    }
    const { newPod, oldPod } = split;
    const counted = oldPod ?? newPod;
    if (counted && isPodAvailable(counted, minReady, now)) numAvailable++;

    if (!oldPod) continue;
    if (!newPod) {
      if (!isPodAvailable(oldPod, minReady, now)) {
        if (!shouldRun(nodeName)) deletePods.push(oldPod.metadata!.name!);
        else allowedNew.push(nodeName);
      } else if (!shouldRun(nodeName)) {
        shouldNotRunDeletes.push(oldPod.metadata!.name!);
      } else if (numSurge < budget.maxSurge) {
        candidates.push(nodeName);
      }
      continue;
    }
    if (!isPodAvailable(newPod, minReady, now)) numSurge++;
    else deletePods.push(oldPod.metadata!.name!);
  }

  // maxSurge promises full availability: a pod on a node it no longer fits goes only
  // while more pods are available than nodes need one.
  const deletable = Math.min(Math.max(0, numAvailable - budget.desiredNumberScheduled), shouldNotRunDeletes.length);
  deletePods.push(...shouldNotRunDeletes.slice(0, deletable));
  const room = Math.min(Math.max(0, budget.maxSurge - numSurge), candidates.length);
  return { deletePods, createOn: [...allowedNew, ...candidates.slice(0, room)] };
}

/** Plans one rolling update step; throws for a malformed maxSurge or maxUnavailable. */
export function planRollingUpdate(input: RollingUpdateInput): RollingUpdatePlan {
  const budget = updateBudget(input.ds, input.nodes);
  return budget.maxSurge === 0 ? planWithoutSurge(input, budget) : planWithSurge(input, budget);
}
