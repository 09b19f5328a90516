/**
 * Which pods a replica controller deletes when it has too many: upstream's
 * ActivePodsWithRanks order (controller_utils.go) and getPodsToDelete
 * (replica_set.go), with the default feature gates of 1.32 (PodDeletionCost
 * and LogarithmicScaleDown on). Pods that are earliest in their life, least
 * useful or cheapest to lose come first.
 */
import type { Pod } from 'kubernetes-types/core/v1';
import { isPodReady } from '../framework/pods';
import { parseTime } from '../framework/time';
import { isPodActive } from './active-pods';

/** The annotation by which users make a pod cheaper or dearer to delete (an int32). */
export const POD_DELETION_COST = 'controller.kubernetes.io/pod-deletion-cost';

const PHASE_ORDINAL: Record<string, number> = { Pending: 0, Unknown: 1, Running: 2 };

/**
 * helper.GetDeletionCostFromPodAnnotations: the annotation as an int32;
 * absent or invalid is 0. Upstream refuses a leading "+" or zero ("+1",
 * "007") but lets strconv parse anything after a "-" ("-007" is -7).
 */
export function deletionCost(pod: Readonly<Pod>): number {
  const value = pod.metadata?.annotations?.[POD_DELETION_COST];
  if (value === undefined || !/^(-[0-9]+|0|[1-9][0-9]*)$/.test(value)) return 0;
  const n = Number(value);
  return n >= -2147483648 && n <= 2147483647 ? n : 0;
}

/** The highest restartCount among the pod's containers. */
function maxContainerRestarts(pod: Readonly<Pod>): number {
  return Math.max(0, ...(pod.status?.containerStatuses ?? []).map((c) => c.restartCount ?? 0));
}

/** When the pod became Ready (its Ready=True condition's lastTransitionTime); undefined is Go's zero time. */
function readyTime(pod: Readonly<Pod>): number | undefined {
  const ready = pod.status?.conditions?.find((c) => c.type === 'Ready' && c.status === 'True');
  return parseTime(ready?.lastTransitionTime);
}

/** afterOrZero: a zero time comes first, then the later time. */
function afterOrZero(t1: number | undefined, t2: number | undefined): boolean {
  if (t1 === undefined || t2 === undefined) return t1 === undefined;
  return t1 > t2;
}

/** floor(log2(now − t)) in nanoseconds, −1 for a time not in the past: equally old pods share a bucket. */
function logarithmicRank(t: number, now: number): number {
  const ns = (now - t) * 1e6;
  return ns > 0 ? Math.trunc(Math.log2(ns)) : -1;
}

/** Newer first on a logarithmic scale; within one bucket the uid decides, pseudo-randomly but stably. */
function newerFirst(a: Readonly<Pod>, b: Readonly<Pod>, ta: number | undefined, tb: number | undefined, now: number): boolean {
  if (ta === undefined || tb === undefined) return afterOrZero(ta, tb);
  const diff = logarithmicRank(ta, now) - logarithmicRank(tb, now);
  if (diff === 0) return (a.metadata?.uid ?? '') < (b.metadata?.uid ?? '');
  return diff < 0;
}

/** A pod with its rank: how many related active pods share its node. */
export interface RankedPod {
  pod: Readonly<Pod>;
  rank: number;
}

/** ActivePodsWithRanks.Less: true when a should be deleted before b. */
export function deleteBefore(a: RankedPod, b: RankedPod, now: number): boolean {
  const [pa, pb] = [a.pod, b.pod];
  const [na, nb] = [pa.spec?.nodeName ?? '', pb.spec?.nodeName ?? ''];
  // 1. Unassigned before assigned.
  if (na !== nb && (na === '' || nb === '')) return na === '';
  // 2. Pending before Unknown before Running.
  const [phaseA, phaseB] = [PHASE_ORDINAL[pa.status?.phase ?? ''] ?? 0, PHASE_ORDINAL[pb.status?.phase ?? ''] ?? 0];
  if (phaseA !== phaseB) return phaseA < phaseB;
  // 3. Not ready before ready.
  const [readyA, readyB] = [isPodReady(pa), isPodReady(pb)];
  if (readyA !== readyB) return !readyA;
  // 4. Lower pod-deletion-cost first.
  const [costA, costB] = [deletionCost(pa), deletionCost(pb)];
  if (costA !== costB) return costA < costB;
  // 5. Doubled up (more related pods on the same node) first.
  if (a.rank !== b.rank) return a.rank > b.rank;
  // 6. Ready for a shorter time first.
  if (readyA && readyB) {
    const [ta, tb] = [readyTime(pa), readyTime(pb)];
    if (ta !== tb) return newerFirst(pa, pb, ta, tb, now);
  }
  // 7. More container restarts first.
  const [restartsA, restartsB] = [maxContainerRestarts(pa), maxContainerRestarts(pb)];
  if (restartsA !== restartsB) return restartsA > restartsB;
  // 8. Newer first.
  const [ca, cb] = [parseTime(pa.metadata?.creationTimestamp), parseTime(pb.metadata?.creationTimestamp)];
  if (ca !== cb) return newerFirst(pa, pb, ca, cb, now);
  return false;
}

/** getPodsRankedByRelatedPodsOnSameNode: each pod's rank is the number of active related pods on its node. */
export function rankByRelatedPodsOnSameNode(pods: readonly Readonly<Pod>[], related: readonly Readonly<Pod>[]): RankedPod[] {
  const onNode = new Map<string, number>();
  for (const pod of related) {
    if (!isPodActive(pod)) continue;
    const node = pod.spec?.nodeName ?? '';
    onNode.set(node, (onNode.get(node) ?? 0) + 1);
  }
  return pods.map((pod) => ({ pod, rank: onNode.get(pod.spec?.nodeName ?? '') ?? 0 }));
}

/**
 * getPodsToDelete: the `diff` pods of `pods` to delete first. `related` are
 * the active pods of every ReplicaSet sharing this one's controller (a
 * Deployment's old and new ReplicaSets), so a scale-down spreads what is left.
 */
export function podsToDelete<P extends Readonly<Pod>>(pods: readonly P[], related: readonly Readonly<Pod>[], diff: number, now: Date): P[] {
  if (diff >= pods.length) return pods.slice(0, diff);
  const t = now.getTime();
  const ranked = rankByRelatedPodsOnSameNode(pods, related);
  ranked.sort((a, b) => (deleteBefore(a, b, t) ? -1 : deleteBefore(b, a, t) ? 1 : 0));
  return ranked.slice(0, diff).map((r) => r.pod as P);
}
