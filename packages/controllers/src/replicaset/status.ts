/**
 * A replica owner's status (upstream replica_set_utils.go calculateStatus and
 * updateReplicaSetStatus' no-op check), pure: counts of the claimed pods,
 * the ReplicaFailure condition for a failed create or delete, and when a
 * ready pod will have been ready for minReadySeconds.
 */
import type { Pod } from 'kubernetes-types/core/v1';
import type { ReplicaSetCondition, ReplicaSetStatus } from 'kubernetes-types/apps/v1';
import { matchesLabels, labelSelectorFromSet } from '@mk/api';
import { isPodReady } from '../framework/pods';
import { parseTime, rfc3339 } from '../framework/time';
import { desiredReplicas, type ReplicaOwner } from './kinds';

export const REPLICA_FAILURE = 'ReplicaFailure';
export const REASON_FAILED_CREATE = 'FailedCreate';
export const REASON_FAILED_DELETE = 'FailedDelete';

/** When the pod became available, in ms (Ready's lastTransitionTime + minReadySeconds); undefined when it cannot tell. */
function availableFrom(pod: Readonly<Pod>, minReadySeconds: number): number | undefined {
  const ready = pod.status?.conditions?.find((c) => c.type === 'Ready');
  const since = parseTime(ready?.lastTransitionTime);
  return since === undefined ? undefined : since + minReadySeconds * 1000;
}

/** podutil.IsPodAvailable: ready, and (with minReadySeconds) ready since strictly more than that long ago. */
export function isPodAvailable(pod: Readonly<Pod>, minReadySeconds: number, now: Date): boolean {
  if (!isPodReady(pod)) return false;
  if (minReadySeconds === 0) return true;
  const from = availableFrom(pod, minReadySeconds);
  return from !== undefined && from < now.getTime();
}

/** Milliseconds until the first ready-but-not-yet-available pod becomes available (undefined when none will). */
export function nextAvailableInMs(pods: readonly Readonly<Pod>[], minReadySeconds: number, now: Date): number | undefined {
  if (minReadySeconds <= 0) return undefined;
  let soonest: number | undefined;
  for (const pod of pods) {
    if (!isPodReady(pod) || isPodAvailable(pod, minReadySeconds, now)) continue;
    const from = availableFrom(pod, minReadySeconds);
    if (from === undefined) continue;
    // Available once strictly past `from`: one millisecond later.
    const wait = from - now.getTime() + 1;
    if (soonest === undefined || wait < soonest) soonest = wait;
  }
  return soonest;
}

/** Why the last create or delete failed, as upstream's manageReplicasErr. */
export interface ManageError {
  message: string;
}

/** The status fields with omitempty dropped when zero or empty, as the API server would serialize upstream's struct. */
function compact(status: ReplicaSetStatus): ReplicaSetStatus {
  const out: ReplicaSetStatus = { ...status, replicas: status.replicas ?? 0 };
  for (const field of ['fullyLabeledReplicas', 'readyReplicas', 'availableReplicas', 'observedGeneration'] as const) {
    if (!out[field]) delete out[field];
  }
  if (!out.conditions?.length) delete out.conditions;
  return out;
}

/**
 * calculateStatus: counts over the claimed active pods, and the
 * ReplicaFailure condition — added (once; an existing one is kept as it is)
 * when the sync's creates or deletes failed, removed after a sync without
 * failure. observedGeneration is the owner's generation.
 */
export function calculateStatus(owner: Readonly<ReplicaOwner>, claimed: readonly Readonly<Pod>[], manageError: ManageError | undefined, now: Date): ReplicaSetStatus {
  const minReadySeconds = owner.spec?.minReadySeconds ?? 0;
  const templateLabels = labelSelectorFromSet(owner.spec?.template?.metadata?.labels);
  let fullyLabeled = 0;
  let ready = 0;
  let available = 0;
  for (const pod of claimed) {
    if (matchesLabels(templateLabels, pod.metadata?.labels)) fullyLabeled++;
    if (isPodReady(pod)) {
      ready++;
      if (isPodAvailable(pod, minReadySeconds, now)) available++;
    }
  }

  let conditions = structuredClone(owner.status?.conditions ?? []) as ReplicaSetCondition[];
  const failure = conditions.find((c) => c.type === REPLICA_FAILURE);
  if (manageError && !failure) {
    const diff = claimed.length - desiredReplicas(owner);
    const reason = diff < 0 ? REASON_FAILED_CREATE : diff > 0 ? REASON_FAILED_DELETE : '';
    conditions.push({ type: REPLICA_FAILURE, status: 'True', lastTransitionTime: rfc3339(now), reason, message: manageError.message });
  } else if (!manageError && failure) {
    conditions = conditions.filter((c) => c.type !== REPLICA_FAILURE);
  }

  return compact({
    ...structuredClone(owner.status ?? { replicas: 0 }),
    replicas: claimed.length,
    fullyLabeledReplicas: fullyLabeled,
    readyReplicas: ready,
    availableReplicas: available,
    observedGeneration: owner.metadata?.generation ?? 0,
    conditions,
  });
}

/** updateReplicaSetStatus' steady-state check: nothing to write when the counts, conditions and observedGeneration already hold. */
export function statusUpToDate(owner: Readonly<ReplicaOwner>, next: ReplicaSetStatus): boolean {
  const cur = owner.status ?? { replicas: 0 };
  return (
    (cur.replicas ?? 0) === next.replicas &&
    (cur.fullyLabeledReplicas ?? 0) === (next.fullyLabeledReplicas ?? 0) &&
    (cur.readyReplicas ?? 0) === (next.readyReplicas ?? 0) &&
    (cur.availableReplicas ?? 0) === (next.availableReplicas ?? 0) &&
    (owner.metadata?.generation ?? 0) === (cur.observedGeneration ?? 0) &&
    JSON.stringify(cur.conditions ?? []) === JSON.stringify(next.conditions ?? [])
  );
}
