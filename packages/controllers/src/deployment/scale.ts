/**
 * Scaling a Deployment whose ReplicaSets are mid-rollout or paused (sync.go
 * scale, isScalingEvent; deployment util FindActiveOrLatest, IsSaturated,
 * GetProportion). A change of spec.replicas is spread over the active
 * ReplicaSets in proportion to their size, so the rollout neither speeds up
 * nor slows down; the largest ReplicaSet takes the rounding leftovers.
 */
import { DESIRED_REPLICAS_ANNOTATION, MAX_REPLICAS_ANNOTATION } from './constants';
import { desiredReplicas, isRollingUpdate, maxSurge, type D } from './fenceposts';
import { compareByCreation, compareBySizeNewer, compareBySizeOlder, filterActive, replicasOf, sortedBy, specReplicas, type RS } from './replica-sets';
import { intAnnotation } from './revision';

/** One ReplicaSet to resize. */
export interface ScaleStep {
  rs: RS;
  replicas: number;
}

/** isScalingEvent: an active ReplicaSet was sized for a different spec.replicas. */
export function isScalingEvent(d: D, newRS: RS | undefined, oldRSs: readonly RS[]): boolean {
  return filterActive([...oldRSs, newRS]).some((rs) => {
    const desired = intAnnotation(rs, DESIRED_REPLICAS_ANNOTATION);
    return desired !== undefined && desired !== desiredReplicas(d);
  });
}

/** FindActiveOrLatest: the only active ReplicaSet, else the newest when none is active; undefined when several are. */
export function findActiveOrLatest(newRS: RS | undefined, oldRSs: readonly RS[]): RS | undefined {
  if (!newRS && oldRSs.length === 0) return undefined;
  const newestFirst = sortedBy(oldRSs, compareByCreation).reverse();
  const active = filterActive([...newestFirst, newRS]);
  if (active.length === 0) return newRS ?? newestFirst[0];
  return active.length === 1 ? active[0] : undefined;
}

/** IsSaturated: the new ReplicaSet holds all desired replicas, knows it, and all are available. */
export function isSaturated(d: D, rs: RS | undefined): boolean {
  if (!rs) return false;
  const desired = intAnnotation(rs, DESIRED_REPLICAS_ANNOTATION);
  const want = desiredReplicas(d);
  return desired !== undefined && replicasOf(rs) === want && desired === want && (rs.status?.availableReplicas ?? 0) === want;
}

/** integer.RoundToInt32: halves away from zero. */
function roundToInt(a: number): number {
  return a < 0 ? Math.trunc(a - 0.5) : Math.trunc(a + 0.5);
}

/** getReplicaSetFraction: the ReplicaSet's share of the new size, as a change of its size. */
function replicaSetFraction(rs: RS, d: D): number {
  if (desiredReplicas(d) === 0) return -replicasOf(rs);
  const deploymentReplicas = desiredReplicas(d) + maxSurge(d);
  // Without the annotation the current size is the best guess; min/max in getProportion keep it in bounds.
  const annotated = intAnnotation(rs, MAX_REPLICAS_ANNOTATION) ?? d.status?.replicas ?? 0;
  return roundToInt((replicasOf(rs) * deploymentReplicas) / annotated) - replicasOf(rs);
}

/** GetProportion: the ReplicaSet's share of toAdd, bounded by what is left to add (or remove). */
export function getProportion(rs: RS, d: D, toAdd: number, added: number): number {
  if (replicasOf(rs) === 0 || toAdd === 0 || toAdd === added) return 0;
  const fraction = replicaSetFraction(rs, d);
  const allowed = toAdd - added;
  // A zero max-replicas annotation divides by zero; Go's conversion then leaves `allowed` as the bound.
  if (!Number.isFinite(fraction)) return allowed;
  return toAdd > 0 ? Math.min(fraction, allowed) : Math.max(fraction, allowed);
}

/**
 * The resizes scale() makes: the single active (or latest) ReplicaSet to
 * spec.replicas; old ones to 0 when the new one is saturated; otherwise, for
 * RollingUpdate, every active ReplicaSet proportionally. Steps may leave a
 * size unchanged: the write still refreshes the replicas annotations.
 */
export function planScale(d: D, newRS: RS | undefined, oldRSs: readonly RS[]): ScaleStep[] {
  const want = desiredReplicas(d);
  const single = findActiveOrLatest(newRS, oldRSs);
  if (single) {
    if (replicasOf(single) === want) return [];
    return [{ rs: single, replicas: want }];
  }
  // Adoption of a saturated new ReplicaSet: the old ones are simply surplus.
  if (isSaturated(d, newRS)) return filterActive(oldRSs).map((rs) => ({ rs, replicas: 0 }));
  if (!isRollingUpdate(d)) return [];

  let all = filterActive([...oldRSs, newRS]);
  const allowedSize = want > 0 ? want + maxSurge(d) : 0;
  const toAdd = allowedSize - specReplicas(all);
  // Among equals, newer ReplicaSets grow first and older ones shrink first.
  if (toAdd > 0) all = sortedBy(all, compareBySizeNewer);
  else if (toAdd < 0) all = sortedBy(all, compareBySizeOlder);
  let added = 0;
  const sizes = all.map((rs) => {
    if (toAdd === 0) return replicasOf(rs);
    const proportion = getProportion(rs, d, toAdd, added);
    added += proportion;
    return replicasOf(rs) + proportion;
  });
  if (toAdd !== 0 && sizes.length) sizes[0] = Math.max(0, sizes[0] + toAdd - added);
  return all.map((rs, i) => ({ rs, replicas: sizes[i] }));
}
