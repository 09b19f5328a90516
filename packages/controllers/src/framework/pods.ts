/** Small pod facts several controllers need. */
import type { Pod } from 'kubernetes-types/core/v1';

/** Name of the pod index by spec.nodeName that controllers share on the pod informer. */
export const POD_NODE_NAME_INDEX = 'spec.nodeName';

/** Index function for POD_NODE_NAME_INDEX: unbound pods are not indexed. */
export function podNodeNameIndex(pod: Readonly<Pod>): string[] {
  return pod.spec?.nodeName ? [pod.spec.nodeName] : [];
}

/** apipod.IsPodReady: the Ready condition is True. */
export function isPodReady(pod: Readonly<Pod>): boolean {
  return pod.status?.conditions?.some((c) => c.type === 'Ready' && c.status === 'True') ?? false;
}

/** Succeeded or Failed. */
export function isPodTerminal(pod: Readonly<Pod>): boolean {
  return pod.status?.phase === 'Succeeded' || pod.status?.phase === 'Failed';
}
