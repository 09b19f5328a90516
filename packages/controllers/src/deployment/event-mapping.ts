/**
 * Which Deployments to sync when a ReplicaSet or pod changes
 * (deployment_controller.go add/update/deleteReplicaSet, deletePod): a
 * controlled ReplicaSet wakes its Deployment; an orphan wakes every
 * Deployment that selects it, one of which may adopt it; a deleted pod wakes
 * a Recreate Deployment once none of its pods are left.
 */
import type { Deployment } from 'kubernetes-types/apps/v1';
import type { Pod } from 'kubernetes-types/core/v1';
import { getControllerOf } from '../framework/controller-ref';
import { controllingDeployment, deploymentsSelecting, planReplicaSetClaims } from './claim';
import { podMapFor } from './recreate';
import type { RS } from './replica-sets';

const keyOf = (d: Readonly<Deployment>) => `${d.metadata?.namespace}/${d.metadata?.name}`;

/** The cached objects the mapping looks at. */
export interface MappingCache {
  deployment(key: string): Readonly<Deployment> | undefined;
  deploymentsIn(namespace: string): readonly Readonly<Deployment>[];
  replicaSet(key: string): RS | undefined;
  replicaSetsIn(namespace: string): readonly RS[];
  podsIn(namespace: string): readonly Readonly<Pod>[];
}

/** Keys of the Deployments a ReplicaSet event concerns. */
export function keysForReplicaSet(cache: MappingCache, rs: RS): string[] {
  if (getControllerOf(rs)) {
    const d = controllingDeployment(rs, (key) => cache.deployment(key));
    return d ? [keyOf(d)] : [];
  }
  return deploymentsSelecting(rs, cache.deploymentsIn(rs.metadata?.namespace ?? '')).map((d) => keyOf(d));
}

/** Keys to sync after a pod is gone: its ReplicaSet's Recreate Deployment, when no pod of that Deployment is left. */
export function keysForDeletedPod(cache: MappingCache, pod: Readonly<Pod>): string[] {
  const ref = getControllerOf(pod);
  if (!ref || ref.kind !== 'ReplicaSet') return [];
  const ns = pod.metadata?.namespace ?? '';
  const rs = cache.replicaSet(`${ns}/${ref.name}`);
  if (!rs || rs.metadata?.uid !== ref.uid) return [];
  const d = controllingDeployment(rs, (key) => cache.deployment(key));
  if (!d || d.spec?.strategy?.type !== 'Recreate') return [];
  try {
    const owned = planReplicaSetClaims(d, cache.replicaSetsIn(ns)).owned;
    const left = [...podMapFor(d, owned, cache.podsIn(ns)).values()].reduce((n, pods) => n + pods.length, 0);
    return left === 0 ? [keyOf(d)] : [];
  } catch {
    return []; // an invalid selector: the Deployment's own sync reports it
  }
}
