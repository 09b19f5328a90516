/**
 * Deployment conditions (deployment util NewDeploymentCondition,
 * SetDeploymentCondition): unlike metav1.Conditions they carry
 * lastUpdateTime, and setting a condition whose status and reason are
 * unchanged is a no-op, so lastUpdateTime marks the last change of reason.
 */
import type { DeploymentCondition, DeploymentStatus, ReplicaSetCondition } from 'kubernetes-types/apps/v1';
import { rfc3339 } from '../framework/time';

/** A condition stamped now (both times). */
export function newCondition(type: string, status: 'True' | 'False' | 'Unknown', reason: string, message: string, now: Date): DeploymentCondition {
  const t = rfc3339(now);
  return { type, status, lastUpdateTime: t, lastTransitionTime: t, reason, message };
}

/** The condition of the type, if any. */
export function getCondition(status: Readonly<DeploymentStatus> | undefined, type: string): Readonly<DeploymentCondition> | undefined {
  return status?.conditions?.find((c) => c.type === type);
}

/** SetDeploymentCondition on a mutable status: same status and reason → unchanged; same status → keep lastTransitionTime. */
export function setCondition(status: DeploymentStatus, cond: DeploymentCondition): void {
  const current = getCondition(status, cond.type);
  if (current && current.status === cond.status && current.reason === cond.reason) return;
  const next = { ...cond };
  if (current && current.status === cond.status) next.lastTransitionTime = current.lastTransitionTime;
  status.conditions = [...removed(status.conditions, cond.type), next];
}

/** RemoveDeploymentCondition on a mutable status. */
export function removeCondition(status: DeploymentStatus, type: string): void {
  const rest = removed(status.conditions, type);
  if (rest.length) status.conditions = rest;
  else delete status.conditions;
}

function removed(conditions: readonly DeploymentCondition[] | undefined, type: string): DeploymentCondition[] {
  return (conditions ?? []).filter((c) => c.type !== type);
}

/** ReplicaSetToDeploymentCondition: a ReplicaSet's failure surfaced on its Deployment. */
export function fromReplicaSetCondition(c: Readonly<ReplicaSetCondition>): DeploymentCondition {
  return {
    type: c.type,
    status: c.status,
    ...(c.lastTransitionTime ? { lastUpdateTime: c.lastTransitionTime, lastTransitionTime: c.lastTransitionTime } : {}),
    ...(c.reason ? { reason: c.reason } : {}),
    ...(c.message ? { message: c.message } : {}),
  };
}
