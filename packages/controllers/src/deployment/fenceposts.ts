/**
 * A RollingUpdate's limits (deployment util ResolveFenceposts, MaxSurge,
 * MaxUnavailable): maxSurge and maxUnavailable are counts or percentages of
 * spec.replicas; surge rounds up and unavailability down, and when both come
 * out 0 one pod may be unavailable so the rollout can move at all.
 */
import type { Deployment } from 'kubernetes-types/apps/v1';
import { scaledValue } from '../framework/int-or-percent';

/** A Deployment as the controller reads it. */
export type D = Readonly<Deployment>;

/** spec.replicas (the API server defaults it to 1). */
export function desiredReplicas(d: D): number {
  return d.spec?.replicas ?? 1;
}

/** The strategy is RollingUpdate (the default). */
export function isRollingUpdate(d: D): boolean {
  return (d.spec?.strategy?.type ?? 'RollingUpdate') === 'RollingUpdate';
}

/** [surge, unavailable] for `desired` replicas; throws for a string that is not a percentage. */
export function resolveFenceposts(maxSurge: number | string | undefined, maxUnavailable: number | string | undefined, desired: number): [number, number] {
  const surge = scaledValue(maxSurge ?? 0, desired, true);
  let unavailable = scaledValue(maxUnavailable ?? 0, desired, false);
  // Validation forbids both being 0, but rounding down can make maxUnavailable 0; surge alone may be blocked by quota.
  if (surge === 0 && unavailable === 0) unavailable = 1;
  return [surge, unavailable];
}

function fenceposts(d: D): [number, number] {
  const ru = d.spec?.strategy?.rollingUpdate;
  try {
    return resolveFenceposts(ru?.maxSurge, ru?.maxUnavailable, desiredReplicas(d));
  } catch {
    // Validation rejects such values; upstream ignores the error here and gets zeros.
    return [0, 0];
  }
}

/** How many pods above spec.replicas a rollout may run (0 for Recreate). */
export function maxSurge(d: D): number {
  return isRollingUpdate(d) ? fenceposts(d)[0] : 0;
}

/** How many of spec.replicas may be unavailable during a rollout (0 for Recreate or 0 replicas; at most spec.replicas). */
export function maxUnavailable(d: D): number {
  if (!isRollingUpdate(d) || desiredReplicas(d) === 0) return 0;
  return Math.min(fenceposts(d)[1], desiredReplicas(d));
}
