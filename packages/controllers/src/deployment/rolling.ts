/**
 * RollingUpdate's two moves (rolling.go): grow the new ReplicaSet as far as
 * spec.replicas + maxSurge allows, and shrink old ones as far as
 * spec.replicas − maxUnavailable available pods allows. Old ReplicaSets'
 * unhealthy replicas go first — removing them costs no availability and
 * they would otherwise block the rollout.
 */
import { desiredReplicas, maxUnavailable, type D } from './fenceposts';
import { newRSNewReplicas } from './new-replica-set';
import { availableReplicas, compareByCreation, replicasOf, rsName, sortedBy, specReplicas, type RS } from './replica-sets';
import type { ScaleStep } from './scale';

/** reconcileNewReplicaSet: the new ReplicaSet's next size, or undefined when it stays. */
export function planNewReplicaSetScale(d: D, allRSs: readonly (RS | undefined)[], newRS: RS): number | undefined {
  const want = desiredReplicas(d);
  const current = replicasOf(newRS);
  if (current === want) return undefined;
  if (current > want) return want;
  const next = newRSNewReplicas(d, allRSs, newRS);
  return next === current ? undefined : next;
}

const withReplicas = (rs: RS, replicas: number): RS => ({ ...rs, spec: { ...rs.spec!, replicas } });

/** The two phases of reconcileOldReplicaSets, in order; `error` stops the second (upstream then scales nothing more). */
export interface OldReplicaSetsPlan {
  cleanup: ScaleStep[];
  scaleDown: ScaleStep[];
  error?: string;
}

/** cleanupUnhealthyReplicas: scale old ReplicaSets down by their unavailable replicas, oldest first, up to maxCleanup. */
function planCleanupUnhealthy(oldRSs: readonly RS[], maxCleanup: number): { steps: ScaleStep[]; after: RS[]; error?: string } {
  const after = sortedBy(oldRSs, compareByCreation);
  const steps: ScaleStep[] = [];
  let total = 0;
  for (let i = 0; i < after.length; i++) {
    if (total >= maxCleanup) break;
    const rs = after[i];
    const replicas = replicasOf(rs);
    const available = rs.status?.availableReplicas ?? 0;
    if (replicas === 0 || replicas === available) continue;
    const count = Math.min(maxCleanup - total, replicas - available);
    const next = replicas - count;
    if (next > replicas) {
      return { steps, after, error: `when cleaning up unhealthy replicas, got invalid request to scale down ${rs.metadata?.namespace}/${rsName(rs)} ${replicas} -> ${next}` };
    }
    steps.push({ rs, replicas: next });
    total += count;
    after[i] = withReplicas(rs, next);
  }
  return { steps, after };
}

/** scaleDownOldReplicaSetsForRollingUpdate: remove available surplus above minAvailable, oldest ReplicaSets first. */
function planScaleDownOld(d: D, allRSs: readonly (RS | undefined)[], oldRSs: readonly RS[]): ScaleStep[] {
  const minAvailable = desiredReplicas(d) - maxUnavailable(d);
  const available = availableReplicas(allRSs);
  if (available <= minAvailable) return [];
  const steps: ScaleStep[] = [];
  const budget = available - minAvailable;
  let total = 0;
  for (const rs of sortedBy(oldRSs, compareByCreation)) {
    if (total >= budget) break;
    const replicas = replicasOf(rs);
    if (replicas === 0) continue;
    const count = Math.min(replicas, budget - total);
    steps.push({ rs, replicas: replicas - count });
    total += count;
  }
  return steps;
}

/**
 * reconcileOldReplicaSets for the active old ReplicaSets: how far they may
 * shrink is allPods − minAvailable − the new ReplicaSet's unavailable pods,
 * so unavailable new pods never let old available ones go.
 */
export function planOldReplicaSets(d: D, allRSs: readonly (RS | undefined)[], oldRSs: readonly RS[], newRS: RS): OldReplicaSetsPlan {
  const none: OldReplicaSetsPlan = { cleanup: [], scaleDown: [] };
  if (specReplicas(oldRSs) === 0) return none;
  const minAvailable = desiredReplicas(d) - maxUnavailable(d);
  const newUnavailable = replicasOf(newRS) - (newRS.status?.availableReplicas ?? 0);
  const maxScaledDown = specReplicas(allRSs) - minAvailable - newUnavailable;
  if (maxScaledDown <= 0) return none;
  const cleanup = planCleanupUnhealthy(oldRSs, maxScaledDown);
  if (cleanup.error) return { cleanup: cleanup.steps, scaleDown: [], error: cleanup.error };
  return { cleanup: cleanup.steps, scaleDown: planScaleDownOld(d, [...cleanup.after, newRS], cleanup.after) };
}
