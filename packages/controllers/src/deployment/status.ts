/**
 * A Deployment's status from its ReplicaSets (sync.go calculateStatus and
 * the deployment util predicates). Counters follow the ReplicaSets' status;
 * Available says whether at least spec.replicas − maxUnavailable pods are
 * available. Zero counters are left out, as Go's omitempty leaves them out.
 */
import type { DeploymentStatus } from 'kubernetes-types/apps/v1';
import { Reason } from './constants';
import { newCondition, setCondition } from './conditions';
import { desiredReplicas, maxUnavailable, type D } from './fenceposts';
import { actualReplicas, availableReplicas, readyReplicas, specReplicas, type RS } from './replica-sets';

/** Drops zero counters and empty lists, as the API's JSON does, so statuses compare by content. */
export function compactStatus(status: Readonly<DeploymentStatus> | undefined): DeploymentStatus {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(status ?? {})) {
    if (v === undefined || v === null) continue;
    if (k !== 'collisionCount' && v === 0) continue;
    if (Array.isArray(v) && v.length === 0) continue;
    out[k] = v;
  }
  return out as DeploymentStatus;
}

/** Statuses equal in content (upstream's reflect.DeepEqual before a write). */
export function sameStatus(a: Readonly<DeploymentStatus> | undefined, b: Readonly<DeploymentStatus> | undefined): boolean {
  return JSON.stringify(canonical(compactStatus(a))) === JSON.stringify(canonical(compactStatus(b)));
}

function canonical(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(canonical);
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.keys(value)
        .sort()
        .filter((k) => (value as Record<string, unknown>)[k] !== undefined)
        .map((k) => [k, canonical((value as Record<string, unknown>)[k])]),
    );
  }
  return value;
}

/** calculateStatus: counters from allRSs, updatedReplicas from the new one, conditions carried over plus Available. */
export function calculateStatus(allRSs: readonly (RS | undefined)[], newRS: RS | undefined, d: D, now: Date): DeploymentStatus {
  const available = availableReplicas(allRSs);
  // Negative when scaling down with more pods available than wanted: no unavailability then.
  const unavailable = Math.max(0, specReplicas(allRSs) - available);
  const status: DeploymentStatus = {
    observedGeneration: d.metadata?.generation,
    replicas: actualReplicas(allRSs),
    updatedReplicas: actualReplicas([newRS]),
    readyReplicas: readyReplicas(allRSs),
    availableReplicas: available,
    unavailableReplicas: unavailable,
    conditions: (d.status?.conditions ?? []).map((c) => ({ ...c })),
    collisionCount: d.status?.collisionCount,
  };
  if (available >= desiredReplicas(d) - maxUnavailable(d)) {
    setCondition(status, newCondition('Available', 'True', Reason.MinimumReplicasAvailable, 'Deployment has minimum availability.', now));
  } else {
    setCondition(status, newCondition('Available', 'False', Reason.MinimumReplicasUnavailable, 'Deployment does not have minimum availability.', now));
  }
  return compactStatus(status);
}

/** DeploymentComplete: every desired replica is updated and available, no old ones run, and the spec was observed. */
export function deploymentComplete(d: D, status: Readonly<DeploymentStatus> | undefined): boolean {
  const want = desiredReplicas(d);
  return (
    (status?.updatedReplicas ?? 0) === want &&
    (status?.replicas ?? 0) === want &&
    (status?.availableReplicas ?? 0) === want &&
    (status?.observedGeneration ?? 0) >= (d.metadata?.generation ?? 0)
  );
}

/** DeploymentProgressing: compared with the recorded status, new pods came, old ones went, or more are ready or available. */
export function deploymentProgressing(d: D, next: Readonly<DeploymentStatus>): boolean {
  const old = d.status ?? {};
  const oldOld = (old.replicas ?? 0) - (old.updatedReplicas ?? 0);
  const newOld = (next.replicas ?? 0) - (next.updatedReplicas ?? 0);
  return (
    (next.updatedReplicas ?? 0) > (old.updatedReplicas ?? 0) ||
    newOld < oldOld ||
    (next.readyReplicas ?? 0) > (old.readyReplicas ?? 0) ||
    (next.availableReplicas ?? 0) > (old.availableReplicas ?? 0)
  );
}
