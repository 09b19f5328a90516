/**
 * Turning informer updates into scheduling ClusterEvents (eventhandlers.go
 * nodeSchedulingPropertiesChange, PodSchedulingPropertiesChange). Node status
 * heartbeats that change nothing the plugins look at produce no event, so they
 * never churn the queue.
 */
import { isDeepStrictEqual } from 'node:util';
import type { Node, NodeCondition, Pod } from 'kubernetes-types/core/v1';
import { podRequests } from '../cache/pod-requests';
import { ActionType, type ClusterEvent } from '../framework/types';

function conditionStatuses(node: Node): Record<string, string> {
  const out: Record<string, string> = {};
  for (const c of (node.status?.conditions ?? []) as NodeCondition[]) out[c.type] = c.status;
  return out;
}

/** The update actions between two versions of a node; 0 when nothing relevant changed. */
export function nodeUpdateActions(oldNode: Node, newNode: Node): number {
  let actions = 0;
  // Cordoning is reported as a taint change (NodeSpecUnschedulableChange).
  if ((oldNode.spec?.unschedulable ?? false) !== (newNode.spec?.unschedulable ?? false)) actions |= ActionType.UpdateNodeTaint;
  if (!isDeepStrictEqual(oldNode.status?.allocatable ?? {}, newNode.status?.allocatable ?? {})) actions |= ActionType.UpdateNodeAllocatable;
  if (!isDeepStrictEqual(oldNode.metadata?.labels ?? {}, newNode.metadata?.labels ?? {})) actions |= ActionType.UpdateNodeLabel;
  if (!isDeepStrictEqual(oldNode.spec?.taints ?? [], newNode.spec?.taints ?? [])) actions |= ActionType.UpdateNodeTaint;
  if (!isDeepStrictEqual(conditionStatuses(oldNode), conditionStatuses(newNode))) actions |= ActionType.UpdateNodeCondition;
  if (!isDeepStrictEqual(oldNode.metadata?.annotations ?? {}, newNode.metadata?.annotations ?? {})) actions |= ActionType.UpdateNodeAnnotation;
  return actions;
}

/** NodeAdd, NodeDelete or the update of a node, or undefined when the update does not matter. */
export function nodeEvent(oldNode: Node | undefined, newNode: Node | undefined): ClusterEvent | undefined {
  if (!oldNode) return { resource: 'Node', action: ActionType.Add, label: 'NodeAdd', newObj: newNode };
  if (!newNode) return { resource: 'Node', action: ActionType.Delete, label: 'NodeDelete', oldObj: oldNode };
  const action = nodeUpdateActions(oldNode, newNode);
  return action === 0 ? undefined : { resource: 'Node', action, label: 'NodeUpdate', oldObj: oldNode, newObj: newNode };
}

/** The update actions between two versions of a scheduled pod. */
export function assignedPodUpdateActions(oldPod: Pod, newPod: Pod): number {
  let actions = 0;
  if (!isDeepStrictEqual(oldPod.metadata?.labels ?? {}, newPod.metadata?.labels ?? {})) actions |= ActionType.UpdatePodLabel;
  if (!isDeepStrictEqual(oldPod.spec?.tolerations ?? [], newPod.spec?.tolerations ?? [])) actions |= ActionType.UpdatePodToleration;
  const before = podRequests(oldPod);
  const after = podRequests(newPod);
  if (after.milliCPU < before.milliCPU || after.memory < before.memory || after.ephemeralStorage < before.ephemeralStorage) actions |= ActionType.UpdatePodScaleDown;
  return actions;
}

function withoutVolatile(pod: Pod): unknown {
  const { resourceVersion: _rv, generation: _g, managedFields: _mf, finalizers: _f, ...meta } = pod.metadata ?? {};
  return { meta, spec: pod.spec };
}

/** isPodUpdated: a change beyond status, resourceVersion, generation, managedFields and finalizers. */
export function isPodUpdated(oldPod: Pod, newPod: Pod): boolean {
  return !isDeepStrictEqual(withoutVolatile(oldPod), withoutVolatile(newPod));
}

/** Succeeded or Failed: the pod no longer holds resources (the informer's status.phase filter). */
export function isTerminal(pod: Pod): boolean {
  const phase = pod.status?.phase;
  return phase === 'Succeeded' || phase === 'Failed';
}
