/**
 * Facts about a Deployment's ReplicaSets (pkg/controller/controller_utils and
 * deployment util): sizes, sums over lists and the orders the controller
 * walks them in. ReplicaSets come from the informer cache, so nothing here
 * modifies them; sorting returns new arrays.
 */
import type { ReplicaSet } from 'kubernetes-types/apps/v1';
import { parseTime } from '../framework/time';

/** A ReplicaSet as the controller reads it (cached objects are frozen). */
export type RS = Readonly<ReplicaSet>;

/** spec.replicas (the API server defaults it to 1). */
export function replicasOf(rs: RS): number {
  return rs.spec?.replicas ?? 1;
}

/** The ReplicaSets that want pods (spec.replicas > 0); nulls are dropped. */
export function filterActive(list: readonly (RS | undefined)[]): RS[] {
  return list.filter((rs): rs is RS => !!rs && replicasOf(rs) > 0);
}

const sum = (list: readonly (RS | undefined)[], of: (rs: RS) => number) => list.reduce((n, rs) => n + (rs ? of(rs) : 0), 0);

/** GetReplicaCountForReplicaSets: the sum of spec.replicas. */
export function specReplicas(list: readonly (RS | undefined)[]): number {
  return sum(list, replicasOf);
}

/** GetActualReplicaCountForReplicaSets: the sum of status.replicas. */
export function actualReplicas(list: readonly (RS | undefined)[]): number {
  return sum(list, (rs) => rs.status?.replicas ?? 0);
}

/** GetReadyReplicaCountForReplicaSets. */
export function readyReplicas(list: readonly (RS | undefined)[]): number {
  return sum(list, (rs) => rs.status?.readyReplicas ?? 0);
}

/** GetAvailableReplicaCountForReplicaSets (the ReplicaSet controller applies minReadySeconds). */
export function availableReplicas(list: readonly (RS | undefined)[]): number {
  return sum(list, (rs) => rs.status?.availableReplicas ?? 0);
}

const created = (rs: RS) => parseTime(rs.metadata?.creationTimestamp) ?? 0;
const nameOf = (rs: RS) => rs.metadata?.name ?? '';

/** ReplicaSetsByCreationTimestamp: older first, names break ties. */
export function compareByCreation(a: RS, b: RS): number {
  const d = created(a) - created(b);
  if (d !== 0) return d;
  return nameOf(a) < nameOf(b) ? -1 : nameOf(a) > nameOf(b) ? 1 : 0;
}

/** ReplicaSetsBySizeOlder: larger first, older first among equals (the order to scale down in). */
export function compareBySizeOlder(a: RS, b: RS): number {
  return replicasOf(b) - replicasOf(a) || compareByCreation(a, b);
}

/** ReplicaSetsBySizeNewer: larger first, newer first among equals (the order to scale up in). */
export function compareBySizeNewer(a: RS, b: RS): number {
  return replicasOf(b) - replicasOf(a) || compareByCreation(b, a);
}

/** A sorted copy. */
export function sortedBy(list: readonly RS[], compare: (a: RS, b: RS) => number): RS[] {
  return [...list].sort(compare);
}

/** `namespace/name` of a ReplicaSet, for messages and maps. */
export function rsName(rs: RS): string {
  return nameOf(rs);
}
