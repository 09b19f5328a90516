/**
 * The pod states the StatefulSet controller decides on (upstream
 * stateful_set_utils.go and podutil.IsPodAvailable). `now` is passed in:
 * availability depends on how long a pod has been Ready.
 */
import type { Pod } from 'kubernetes-types/core/v1';
import { CONTROLLER_REVISION_HASH_LABEL } from '../framework/controller-revision';
import { isPodReady } from '../framework/pods';
import { parseTime } from '../framework/time';

/** isCreated: the API server has the pod (it always sets a phase); a pod still to be created has none. */
export function isCreated(pod: Readonly<Pod>): boolean {
  return !!pod.status?.phase;
}

/** Failed or Succeeded: the pod will not run again and is replaced. */
export function isFinished(pod: Readonly<Pod>): boolean {
  return pod.status?.phase === 'Failed' || pod.status?.phase === 'Succeeded';
}

/** isPending. */
export function isPending(pod: Readonly<Pod>): boolean {
  return pod.status?.phase === 'Pending';
}

/** isTerminating: a deletionTimestamp is set. */
export function isTerminating(pod: Readonly<Pod>): boolean {
  return !!pod.metadata?.deletionTimestamp;
}

/** isRunningAndReady: phase Running and the Ready condition True. */
export function isRunningAndReady(pod: Readonly<Pod>): boolean {
  return pod.status?.phase === 'Running' && isPodReady(pod);
}

/** When a Ready pod becomes available (ms): minReadySeconds after its Ready transition; undefined if not ready. */
export function availableAt(pod: Readonly<Pod>, minReadySeconds: number): number | undefined {
  if (!isPodReady(pod)) return undefined;
  if (minReadySeconds <= 0) return -Infinity;
  const since = parseTime(pod.status?.conditions?.find((c) => c.type === 'Ready')?.lastTransitionTime);
  // podutil.IsPodAvailable: a Ready condition without a transition time never counts as available.
  return since === undefined ? Infinity : since + minReadySeconds * 1000;
}

/** isRunningAndAvailable (podutil.IsPodAvailable): Ready for strictly longer than minReadySeconds. */
export function isRunningAndAvailable(pod: Readonly<Pod>, minReadySeconds: number, now: Date): boolean {
  const at = availableAt(pod, minReadySeconds);
  return at !== undefined && (at === -Infinity || at < now.getTime());
}

/** isUnavailable: not available, or on its way out. */
export function isUnavailable(pod: Readonly<Pod>, minReadySeconds: number, now: Date): boolean {
  return !isRunningAndAvailable(pod, minReadySeconds, now) || isTerminating(pod);
}

/** getPodRevision: the revision the pod was made from (its controller-revision-hash label). */
export function podRevision(pod: Readonly<Pod>): string {
  return pod.metadata?.labels?.[CONTROLLER_REVISION_HASH_LABEL] ?? '';
}
