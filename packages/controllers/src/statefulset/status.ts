/**
 * StatefulSet status (upstream stateful_set_control.go computeReplicaStatus
 * and stateful_set_utils.go completeRollingUpdate/inconsistentStatus).
 */
import type { StatefulSet, StatefulSetStatus } from 'kubernetes-types/apps/v1';
import type { Pod } from 'kubernetes-types/core/v1';
import { availableAt, isCreated, isRunningAndAvailable, isRunningAndReady, isTerminating, podRevision } from './pod-state';

export interface StatusInput {
  observedGeneration: number;
  currentRevision: string;
  updateRevision: string;
  collisionCount: number;
  minReadySeconds: number;
  now: Date;
}

/** The status for these pods, shaped as Go serialises it (zero counters that are omitempty left out). */
export function computeStatus(pods: readonly Readonly<Pod>[], input: StatusInput): StatefulSetStatus {
  let replicas = 0;
  let ready = 0;
  let available = 0;
  let current = 0;
  let updated = 0;
  for (const pod of pods) {
    if (isCreated(pod)) replicas++;
    if (isRunningAndReady(pod)) {
      ready++;
      if (isRunningAndAvailable(pod, input.minReadySeconds, input.now)) available++;
    }
    if (isCreated(pod) && !isTerminating(pod)) {
      const revision = podRevision(pod);
      if (revision === input.currentRevision) current++;
      if (revision === input.updateRevision) updated++;
    }
  }
  return shapeStatus({
    observedGeneration: input.observedGeneration,
    replicas,
    readyReplicas: ready,
    currentReplicas: current,
    updatedReplicas: updated,
    currentRevision: input.currentRevision,
    updateRevision: input.updateRevision,
    collisionCount: input.collisionCount,
    availableReplicas: available,
  });
}

/** Drops the omitempty fields that are zero or empty, as the Go status would serialise. */
export function shapeStatus(s: StatefulSetStatus): StatefulSetStatus {
  const out: StatefulSetStatus = { replicas: s.replicas, availableReplicas: s.availableReplicas ?? 0 };
  if (s.observedGeneration) out.observedGeneration = s.observedGeneration;
  if (s.readyReplicas) out.readyReplicas = s.readyReplicas;
  if (s.currentReplicas) out.currentReplicas = s.currentReplicas;
  if (s.updatedReplicas) out.updatedReplicas = s.updatedReplicas;
  if (s.currentRevision) out.currentRevision = s.currentRevision;
  if (s.updateRevision) out.updateRevision = s.updateRevision;
  // A pointer in Go: always written by the controller, 0 included.
  if (s.collisionCount !== undefined) out.collisionCount = s.collisionCount;
  return out;
}

/** completeRollingUpdate: once every wanted pod is updated and ready, the update revision becomes current. */
export function completeRollingUpdate(set: Readonly<StatefulSet>, status: StatefulSetStatus): StatefulSetStatus {
  const wanted = set.spec?.replicas ?? 1;
  const type = set.spec?.updateStrategy?.type ?? 'RollingUpdate';
  if (type === 'RollingUpdate' && (status.updatedReplicas ?? 0) === wanted && (status.readyReplicas ?? 0) === wanted && status.replicas === wanted) {
    return shapeStatus({ ...status, currentReplicas: status.updatedReplicas, currentRevision: status.updateRevision });
  }
  return status;
}

/** inconsistentStatus: whether the status differs from the set's enough to be written. */
export function statusChanged(set: Readonly<StatefulSet>, status: StatefulSetStatus): boolean {
  const old = set.status ?? { replicas: 0 };
  return (
    (status.observedGeneration ?? 0) > (old.observedGeneration ?? 0) ||
    status.replicas !== (old.replicas ?? 0) ||
    (status.currentReplicas ?? 0) !== (old.currentReplicas ?? 0) ||
    (status.readyReplicas ?? 0) !== (old.readyReplicas ?? 0) ||
    (status.updatedReplicas ?? 0) !== (old.updatedReplicas ?? 0) ||
    (status.currentRevision ?? '') !== (old.currentRevision ?? '') ||
    (status.availableReplicas ?? 0) !== (old.availableReplicas ?? 0) ||
    (status.updateRevision ?? '') !== (old.updateRevision ?? '')
  );
}

/**
 * Upstream requeues a set minReadySeconds after a pod turns Ready so its
 * availability is counted; with an injected clock the exact moment is known:
 * the earliest instant a Ready, not yet available pod becomes available.
 */
export function nextAvailabilityCheckMs(pods: readonly Readonly<Pod>[], minReadySeconds: number, now: Date): number | undefined {
  if (minReadySeconds <= 0) return undefined;
  let next: number | undefined;
  for (const pod of pods) {
    if (!isRunningAndReady(pod) || isTerminating(pod) || isRunningAndAvailable(pod, minReadySeconds, now)) continue;
    const at = availableAt(pod, minReadySeconds);
    if (at === undefined || !Number.isFinite(at)) continue;
    // Available strictly after `at`.
    const wait = at + 1 - now.getTime();
    next = next === undefined ? wait : Math.min(next, wait);
  }
  return next;
}
