/**
 * One StatefulSet sync as a pure decision (upstream defaultStatefulSetControl
 * updateStatefulSet): which pods to create, fix or delete, in which order,
 * and the status that results.
 *
 * OrderedReady ("monotonic"): pods are created in ordinal order and each
 * waits for its predecessors to be Running, Ready and available; condemned
 * pods go from the highest ordinal, one at a time, each waiting for the last
 * to terminate; any blocked step ends the sync. Parallel: everything at once.
 * Then a RollingUpdate replaces the highest-ordinal outdated pod at or above
 * the partition, one at a time (maxUnavailable 1, as with the
 * MaxUnavailableStatefulSet gate off), waiting for each to be available.
 * OnDelete only uses the update revision for pods it has to recreate.
 */
import type { ControllerRevision, StatefulSet, StatefulSetStatus } from 'kubernetes-types/apps/v1';
import type { PersistentVolumeClaim, Pod } from 'kubernetes-types/core/v1';
import { hasClaimWork, hasRetentionWork, type StatefulSetAction } from './actions';
import { claimCreation, claimIsStale, claimsMatchRetention, retentionFix, type ClaimLookup } from './claim-work';
import { storageMatches, updateStorage } from './claims';
import { getOrdinal, identityMatches, replicaCount, startOrdinal, updateIdentity } from './identity';
import { newVersionedStatefulSetPod } from './new-pod';
import { isCreated, isFinished, isPending, isRunningAndAvailable, isRunningAndReady, isTerminating, isUnavailable, podRevision } from './pod-state';
import { applyRevision } from './revisions';
import { computeStatus, shapeStatus } from './status';

export interface StatefulSetPlanInput {
  set: Readonly<StatefulSet>;
  currentRevision: Readonly<ControllerRevision>;
  updateRevision: Readonly<ControllerRevision>;
  collisionCount: number;
  /** The pods the set owns (after adoption and release). */
  pods: readonly Readonly<Pod>[];
  /** Claims in the set's namespace. */
  claims: readonly Readonly<PersistentVolumeClaim>[];
  now: Date;
}

export interface StatefulSetPlan {
  actions: StatefulSetAction[];
  /** The status to record (before completeRollingUpdate). */
  status: StatefulSetStatus;
}

/** Plans one sync of a StatefulSet. */
export function planStatefulSet(input: StatefulSetPlanInput): StatefulSetPlan {
  const { set, now } = input;
  const currentSet = applyRevision(set, input.currentRevision);
  const updateSet = applyRevision(set, input.updateRevision);
  const currentName = input.currentRevision.metadata!.name!;
  const updateName = input.updateRevision.metadata!.name!;
  const minReady = set.spec?.minReadySeconds ?? 0;
  const byName = new Map(input.claims.map((c) => [c.metadata?.name ?? '', c]));
  const lookup: ClaimLookup = (name) => byName.get(name);

  // Wanted ordinals get their pod or a pod still to create; other valid ordinals are condemned.
  const start = startOrdinal(set);
  const replicas: Readonly<Pod>[] = new Array(replicaCount(set));
  const condemned: Readonly<Pod>[] = [];
  for (const pod of input.pods) {
    const ordinal = getOrdinal(pod);
    if (ordinal >= start && ordinal < start + replicas.length) replicas[ordinal - start] = pod;
    else if (ordinal >= 0) condemned.push(pod);
  }
  for (let i = 0; i < replicas.length; i++) {
    replicas[i] ??= newVersionedStatefulSetPod(currentSet, updateSet, currentName, updateName, start + i);
  }
  condemned.sort((a, b) => getOrdinal(b) - getOrdinal(a));

  const unavailable = (pod: Readonly<Pod>) => isUnavailable(pod, minReady, now);
  // The first unavailable pod: among the wanted ones by ordinal, else the lowest condemned one.
  const firstUnavailable = replicas.find(unavailable) ?? [...condemned].reverse().find(unavailable);

  const statusInput = {
    observedGeneration: set.metadata?.generation ?? 0,
    currentRevision: currentName,
    updateRevision: updateName,
    collisionCount: input.collisionCount,
    minReadySeconds: minReady,
    now,
  };
  // A set being deleted only has its status kept current.
  if (set.metadata?.deletionTimestamp) return { actions: [], status: computeStatus(input.pods, statusInput) };

  const actions: StatefulSetAction[] = [];
  const done = (currentReplicasDelta = 0): StatefulSetPlan => {
    const status = computeStatus([...replicas, ...condemned], statusInput);
    // The pod just deleted for the update no longer counts as current.
    if (currentReplicasDelta) return { actions, status: shapeStatus({ ...status, currentReplicas: (status.currentReplicas ?? 0) + currentReplicasDelta }) };
    return { actions, status };
  };
  const monotonic = set.spec?.podManagementPolicy !== 'Parallel';

  // processReplica: returns true when a monotonic sync must stop here.
  const processReplica = (pod: Readonly<Pod>): boolean => {
    // Succeeded counts too: a pod that stopped for good (evicted, node rebooted) is replaced whatever its exit code.
    if (isFinished(pod)) {
      if (!isTerminating(pod)) actions.push({ type: 'deletePod', pod, tolerateNotFound: false });
      return true;
    }
    if (!isCreated(pod)) {
      // A claim still owned by this pod's predecessor is about to be collected: wait for it.
      if (claimIsStale(set, pod, lookup)) return true;
      actions.push({ type: 'createPod', pod: pod as Pod, claims: claimCreation(set, pod, lookup), retention: retentionFix(set, pod, lookup) });
      // Nothing more to check on a pod that exists only in this plan.
      return monotonic;
    }
    if (isPending(pod)) {
      const claims = claimCreation(set, pod, lookup);
      const retention = retentionFix(set, pod, lookup);
      if (hasClaimWork(claims) || hasRetentionWork(retention)) actions.push({ type: 'createMissingClaims', pod, claims, retention });
    }
    if (monotonic && (isTerminating(pod) || !isRunningAndReady(pod) || !isRunningAndAvailable(pod, minReady, now))) return true;
    const retentionOk = claimsMatchRetention(updateSet, pod, lookup);
    if (identityMatches(set, pod) && storageMatches(set, pod) && retentionOk) return false;
    actions.push(updatePodAction(updateSet, pod, lookup));
    return false;
  };

  for (const pod of replicas) {
    if (processReplica(pod) && monotonic) return done();
  }

  for (const pod of condemned) {
    if (claimsMatchRetention(updateSet, pod, lookup)) continue;
    actions.push({ type: 'fixClaims', pod, retention: retentionFix(updateSet, pod, lookup) });
  }

  // processCondemned: scaling down goes before updates, never resurrects, and in order waits for each termination.
  for (const pod of condemned) {
    if (isTerminating(pod)) {
      if (monotonic) return done();
      continue;
    }
    if (monotonic && pod !== firstUnavailable && (!isRunningAndReady(pod) || !isRunningAndAvailable(pod, minReady, now))) return done();
    actions.push({ type: 'deletePod', pod, tolerateNotFound: false });
    if (monotonic) return done();
  }

  if (set.spec?.updateStrategy?.type === 'OnDelete') return done();

  // The legacy rolling update: the partition is compared with the index into the wanted pods, as upstream does.
  const partition = set.spec?.updateStrategy?.rollingUpdate?.partition ?? 0;
  for (let target = replicas.length - 1; target >= partition; target--) {
    const pod = replicas[target];
    if (podRevision(pod) !== updateName && !isTerminating(pod)) {
      actions.push({ type: 'deletePod', pod, tolerateNotFound: true });
      return done(-1);
    }
    if (unavailable(pod)) return done();
  }
  return done();
}

/** UpdateStatefulPod's decisions: identity, storage (and its missing claims) and retention references. */
function updatePodAction(updateSet: Readonly<StatefulSet>, cached: Readonly<Pod>, lookup: ClaimLookup): StatefulSetAction {
  const pod = structuredClone(cached) as Pod;
  if (!identityMatches(updateSet, pod)) updateIdentity(updateSet, pod);
  let claims;
  if (!storageMatches(updateSet, pod)) {
    updateStorage(updateSet, pod);
    claims = claimCreation(updateSet, pod, lookup);
  }
  const retention = claimsMatchRetention(updateSet, pod, lookup) ? undefined : retentionFix(updateSet, pod, lookup);
  return { type: 'updatePod', pod, claims, retention };
}
