/**
 * A PDB's status from its pods, as upstream's trySync/updatePdbStatus: how
 * many selected pods are healthy (Ready, not being deleted, not just evicted),
 * how many must stay healthy, and so how many disruptions the eviction API may
 * allow right now. Pure: the controller supplies pods, expectations and time.
 */
import type { Pod } from 'kubernetes-types/core/v1';
import type { PodDisruptionBudget, PodDisruptionBudgetStatus } from 'kubernetes-types/policy/v1';
import { findCondition, setStatusCondition } from '../framework/conditions';
import { isPodReady } from '../framework/pods';
import { parseTime } from '../framework/time';

/** How long after the eviction API records a pod in disruptedPods its deletion must have been observed. */
export const DELETION_TIMEOUT_MS = 2 * 60_000;

export const CONDITION_DISRUPTION_ALLOWED = 'DisruptionAllowed';
export const REASON_SUFFICIENT_PODS = 'SufficientPods';
export const REASON_INSUFFICIENT_PODS = 'InsufficientPods';
export const REASON_SYNC_FAILED = 'SyncFailed';

export interface PdbStatusInput {
  pdb: Readonly<PodDisruptionBudget>;
  /** Pods the PDB selects. */
  pods: readonly Readonly<Pod>[];
  expectedCount: number;
  desiredHealthy: number;
  now: Date;
}

export interface PdbStatusPlan {
  /** The status to write; undefined when the stored one is already right. */
  status?: PodDisruptionBudgetStatus;
  /** When disruptedPods must be looked at again (an entry's deletion deadline), ms. */
  recheckAt?: number;
  /** Pods the eviction API recorded that were not deleted in time (upstream's NotDeleted event). */
  notDeleted: string[];
}

/**
 * disruptedPods minus entries for pods now being deleted, gone, or past the
 * deletion timeout; plus the earliest deadline still pending.
 */
export function buildDisruptedPodMap(pdb: Readonly<PodDisruptionBudget>, pods: readonly Readonly<Pod>[], now: number): { disrupted: Record<string, string>; recheckAt?: number; notDeleted: string[] } {
  const recorded = pdb.status?.disruptedPods ?? {};
  const disrupted: Record<string, string> = {};
  const notDeleted: string[] = [];
  let recheckAt: number | undefined;
  for (const pod of pods) {
    const name = pod.metadata!.name!;
    if (pod.metadata?.deletionTimestamp || !(name in recorded)) continue;
    const deadline = (parseTime(recorded[name]) ?? 0) + DELETION_TIMEOUT_MS;
    if (deadline < now) {
      notDeleted.push(name);
      continue;
    }
    recheckAt = Math.min(recheckAt ?? Infinity, deadline);
    disrupted[name] = recorded[name];
  }
  return { disrupted, recheckAt, notDeleted };
}

/** Ready pods that are neither being deleted nor freshly evicted. */
export function countHealthyPods(pods: readonly Readonly<Pod>[], disrupted: Readonly<Record<string, string>>, now: number): number {
  let healthy = 0;
  for (const pod of pods) {
    if (pod.metadata?.deletionTimestamp) continue;
    const evictedAt = parseTime(disrupted[pod.metadata!.name!]);
    if (evictedAt !== undefined && evictedAt + DELETION_TIMEOUT_MS > now) continue;
    if (isPodReady(pod)) healthy++;
  }
  return healthy;
}

/** DisruptionAllowed condition matches disruptionsAllowed and the generation was observed (pdbhelper.ConditionsAreUpToDate). */
function conditionsUpToDate(pdb: Readonly<PodDisruptionBudget>): boolean {
  const cond = findCondition(pdb.status?.conditions, CONDITION_DISRUPTION_ALLOWED);
  if (!cond || pdb.status?.observedGeneration !== pdb.metadata?.generation) return false;
  return (pdb.status?.disruptionsAllowed ?? 0) > 0 ? cond.status === 'True' && cond.reason === REASON_SUFFICIENT_PODS : cond.status === 'False' && cond.reason === REASON_INSUFFICIENT_PODS;
}

const sameMap = (a: Readonly<Record<string, string>> | undefined, b: Readonly<Record<string, string>>) => {
  const ak = Object.keys(a ?? {});
  return ak.length === Object.keys(b).length && ak.every((k) => a![k] === b[k]);
};

/** Plans the PDB's status. */
export function planPdbStatus(input: PdbStatusInput): PdbStatusPlan {
  const { pdb, pods, expectedCount, desiredHealthy } = input;
  const now = input.now.getTime();
  const { disrupted, recheckAt, notDeleted } = buildDisruptedPodMap(pdb, pods, now);
  const currentHealthy = countHealthyPods(pods, disrupted, now);
  // A PDB that matches nothing yet stays closed, so its first pods are protected before the next sync.
  const disruptionsAllowed = expectedCount <= 0 ? 0 : Math.max(0, currentHealthy - desiredHealthy);
  const generation = pdb.metadata?.generation ?? 0;
  const s: Partial<PodDisruptionBudgetStatus> = pdb.status ?? {};
  const upToDate =
    s.currentHealthy === currentHealthy &&
    s.desiredHealthy === desiredHealthy &&
    s.expectedPods === expectedCount &&
    s.disruptionsAllowed === disruptionsAllowed &&
    sameMap(s.disruptedPods, disrupted) &&
    s.observedGeneration === generation &&
    conditionsUpToDate(pdb);
  if (upToDate) return { recheckAt, notDeleted };

  const status: PodDisruptionBudgetStatus = {
    currentHealthy,
    desiredHealthy,
    disruptionsAllowed,
    expectedPods: expectedCount,
    observedGeneration: generation,
    ...(Object.keys(disrupted).length ? { disruptedPods: disrupted } : {}),
    conditions: disruptionAllowedCondition(s.conditions, disruptionsAllowed, generation, input.now),
  };
  return { status, recheckAt, notDeleted };
}

function disruptionAllowedCondition(conditions: PodDisruptionBudgetStatus['conditions'], allowed: number, generation: number, now: Date) {
  const sufficient = allowed > 0;
  return setStatusCondition(
    conditions,
    { type: CONDITION_DISRUPTION_ALLOWED, status: sufficient ? 'True' : 'False', reason: sufficient ? REASON_SUFFICIENT_PODS : REASON_INSUFFICIENT_PODS, message: '', observedGeneration: generation },
    now,
  );
}

/** Upstream failSafe: when the status cannot be computed, close the budget (disruptionsAllowed 0, SyncFailed). */
export function failSafeStatus(pdb: Readonly<PodDisruptionBudget>, message: string, now: Date): PodDisruptionBudgetStatus {
  const s = structuredClone((pdb.status ?? {}) as PodDisruptionBudgetStatus);
  const observedGeneration = s.observedGeneration ?? 0;
  return {
    ...s,
    currentHealthy: s.currentHealthy ?? 0,
    desiredHealthy: s.desiredHealthy ?? 0,
    expectedPods: s.expectedPods ?? 0,
    disruptionsAllowed: 0,
    conditions: setStatusCondition(s.conditions, { type: CONDITION_DISRUPTION_ALLOWED, status: 'False', reason: REASON_SYNC_FAILED, message, observedGeneration }, now),
  };
}
