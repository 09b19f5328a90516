/**
 * What the Job controller asks of its pods: active, terminating, failed,
 * tracked, when they finished, and which to delete first (upstream
 * controller.FilterActivePods, IsPodTerminating, ActivePods, isPodFailed,
 * getFinishedTime).
 */
import type { Job } from 'kubernetes-types/batch/v1';
import type { Pod } from 'kubernetes-types/core/v1';
import { isPodReady, isPodTerminal } from '../framework/pods';
import { parseTime } from '../framework/time';
import { JOB_TRACKING_FINALIZER } from './constants';
import { onlyReplaceFailedPods } from './job-facts';

/** The pod still carries the job-tracking finalizer: the Job has not counted it yet. */
export function hasTrackingFinalizer(pod: Readonly<Pod>): boolean {
  return pod.metadata?.finalizers?.includes(JOB_TRACKING_FINALIZER) ?? false;
}

/** Not finished and not being deleted. */
export function isPodActive(pod: Readonly<Pod>): boolean {
  return !isPodTerminal(pod) && !pod.metadata?.deletionTimestamp;
}

/** Being deleted but not finished yet. */
export function isPodTerminating(pod: Readonly<Pod>): boolean {
  return !isPodTerminal(pod) && !!pod.metadata?.deletionTimestamp;
}

/**
 * A failure for the Job: phase Failed, or — unless only failed pods are
 * replaced — deleted before succeeding (orphans may never reach Failed).
 */
export function isPodFailed(pod: Readonly<Pod>, job: Readonly<Job>): boolean {
  if (pod.status?.phase === 'Failed') return true;
  if (onlyReplaceFailedPods(job)) return false;
  return !!pod.metadata?.deletionTimestamp && pod.status?.phase !== 'Succeeded';
}

const PHASE_ORDER: Record<string, number> = { Pending: 0, Unknown: 1, Running: 2 };

function readyTime(pod: Readonly<Pod>): number | undefined {
  return parseTime(pod.status?.conditions?.find((c) => c.type === 'Ready' && c.status === 'True')?.lastTransitionTime);
}

function maxContainerRestarts(pod: Readonly<Pod>): number {
  return Math.max(0, ...(pod.status?.containerStatuses ?? []).map((c) => c.restartCount ?? 0));
}

/** t1 "after or zero" t2, as upstream afterOrZero: a missing time sorts first. */
function afterOrZero(t1: number | undefined, t2: number | undefined): boolean {
  if (t1 === undefined || t2 === undefined) return t1 === undefined;
  return t1 > t2;
}

/**
 * controller.ActivePods ordering: the pods to delete first sort first —
 * unscheduled < scheduled, Pending < Unknown < Running, not ready < ready,
 * ready more recently first, more restarts first, newer first.
 */
export function compareActivePods(a: Readonly<Pod>, b: Readonly<Pod>): number {
  const less = (x: Readonly<Pod>, y: Readonly<Pod>): boolean => {
    const xn = x.spec?.nodeName ?? '';
    const yn = y.spec?.nodeName ?? '';
    if (xn !== yn && (xn === '' || yn === '')) return xn === '';
    const xp = PHASE_ORDER[x.status?.phase ?? ''] ?? 0;
    const yp = PHASE_ORDER[y.status?.phase ?? ''] ?? 0;
    if (xp !== yp) return xp < yp;
    if (isPodReady(x) !== isPodReady(y)) return !isPodReady(x);
    if (isPodReady(x) && isPodReady(y)) {
      const [xt, yt] = [readyTime(x), readyTime(y)];
      if (xt !== yt) return afterOrZero(xt, yt);
    }
    const [xr, yr] = [maxContainerRestarts(x), maxContainerRestarts(y)];
    if (xr !== yr) return xr > yr;
    const [xc, yc] = [parseTime(x.metadata?.creationTimestamp), parseTime(y.metadata?.creationTimestamp)];
    if (xc !== yc) return afterOrZero(xc, yc);
    return false;
  };
  if (less(a, b)) return -1;
  return less(b, a) ? 1 : 0;
}

/**
 * When the pod finished (ms): the last container's finishedAt once all
 * terminated, else the Ready=False transition, else its deletion moment
 * (deletionTimestamp − grace period), else its creation.
 */
export function podFinishedTime(pod: Readonly<Pod>): number {
  const statuses = pod.status?.containerStatuses ?? [];
  let fromContainers: number | undefined;
  for (const s of statuses) {
    const finished = parseTime(s.state?.terminated?.finishedAt);
    if (finished === undefined) {
      fromContainers = undefined;
      break;
    }
    fromContainers = Math.max(fromContainers ?? finished, finished);
  }
  if (fromContainers !== undefined) return fromContainers;
  const ready = pod.status?.conditions?.find((c) => c.type === 'Ready');
  const readyFalseAt = ready?.status === 'False' ? parseTime(ready.lastTransitionTime) : undefined;
  if (readyFalseAt !== undefined) return readyFalseAt;
  const deletedAt = parseTime(pod.metadata?.deletionTimestamp);
  if (deletedAt !== undefined) return deletedAt - (pod.metadata?.deletionGracePeriodSeconds ?? 0) * 1000;
  return parseTime(pod.metadata?.creationTimestamp) ?? 0;
}

/** The pod's key in the informer cache. */
export function podKey(pod: Readonly<Pod>): string {
  return `${pod.metadata?.namespace}/${pod.metadata?.name}`;
}
