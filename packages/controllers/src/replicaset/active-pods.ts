/** controller.IsPodActive: the pods a replica controller counts, claims and may delete. */
import type { Pod } from 'kubernetes-types/core/v1';
import { isPodTerminal } from '../framework/pods';

/** Not Succeeded, not Failed, and not being deleted. */
export function isPodActive(pod: Readonly<Pod>): boolean {
  return !isPodTerminal(pod) && !pod.metadata?.deletionTimestamp;
}

/** controller.PodKey: `namespace/name`, the key expectations track deletions by. */
export function podKey(pod: Readonly<Pod>): string {
  return `${pod.metadata?.namespace}/${pod.metadata?.name}`;
}
