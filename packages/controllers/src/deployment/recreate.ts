/**
 * Recreate (recreate.go): every old ReplicaSet goes to 0, and only when no
 * old pod runs any more — terminating ones count until they are gone — is
 * the new ReplicaSet created (or scaled) at full size. Pods come from the
 * pod informer, grouped by the ReplicaSet controlling them.
 */
import type { Pod } from 'kubernetes-types/core/v1';
import { labelSelectorFromSpec, matchesLabels } from '@mk/api';
import { getControllerOf } from '../framework/controller-ref';
import type { D } from './fenceposts';
import { actualReplicas, filterActive, replicasOf, type RS } from './replica-sets';
import type { ScaleStep } from './scale';

/** Pods of the Deployment by the uid of their controlling ReplicaSet (getPodMapForDeployment). */
export type PodMap = ReadonlyMap<string, readonly Readonly<Pod>[]>;

/** getPodMapForDeployment: pods matching the selector, grouped by the ReplicaSet of rsList controlling them; inactive pods included. */
export function podMapFor(d: D, rsList: readonly RS[], pods: readonly Readonly<Pod>[]): PodMap {
  const selector = labelSelectorFromSpec(d.spec?.selector);
  const map = new Map<string, Readonly<Pod>[]>();
  for (const rs of rsList) map.set(rs.metadata!.uid!, []);
  for (const pod of pods) {
    if (!matchesLabels(selector, pod.metadata?.labels)) continue;
    const ref = getControllerOf(pod);
    if (ref && map.has(ref.uid)) map.get(ref.uid)!.push(pod);
  }
  return map;
}

/** oldPodsRunning: an old ReplicaSet still reports pods, or a pod of one is not Succeeded/Failed (Unknown counts as running). */
export function oldPodsRunning(newRS: RS | undefined, oldRSs: readonly RS[], podMap: PodMap): boolean {
  if (actualReplicas(oldRSs) > 0) return true;
  for (const [uid, pods] of podMap) {
    if (newRS && newRS.metadata?.uid === uid) continue;
    if (pods.some((p) => p.status?.phase !== 'Succeeded' && p.status?.phase !== 'Failed')) return true;
  }
  return false;
}

/** scaleDownOldReplicaSetsForRecreate: every active old ReplicaSet to 0. */
export function planRecreateScaleDown(oldRSs: readonly RS[]): ScaleStep[] {
  return filterActive(oldRSs)
    .filter((rs) => replicasOf(rs) !== 0)
    .map((rs) => ({ rs, replicas: 0 }));
}
