/**
 * The ReplicaSet a Deployment creates for a template it has no ReplicaSet
 * for (sync.go getNewReplicaSet, deployment util NewRSNewReplicas): named
 * `<deployment>-<hash>` where the hash covers the template and the
 * collision count; the hash label is added to its labels, selector and
 * template labels, and the template is otherwise the Deployment's, verbatim.
 */
import type { ReplicaSet } from 'kubernetes-types/apps/v1';
import type { LabelSelector } from 'kubernetes-types/meta/v1';
import { computeHash } from '../framework/hash';
import { newControllerRef } from '../framework/controller-ref';
import { scaledValue } from '../framework/int-or-percent';
import { POD_TEMPLATE_HASH_LABEL } from './constants';
import { desiredReplicas, type D } from './fenceposts';
import { replicasOf, specReplicas, type RS } from './replica-sets';
import { newReplicaSetAnnotations } from './revision';

/** controller.ComputeHash of the Deployment's template with its collision count. */
export function podTemplateHash(d: D): string {
  return computeHash(d.spec?.template ?? {}, d.status?.collisionCount ?? undefined);
}

/** labelsutil.CloneSelectorAndAddLabel. */
function selectorWithHash(selector: Readonly<LabelSelector> | undefined, hash: string): LabelSelector {
  const copy = structuredClone(selector ?? {}) as LabelSelector;
  copy.matchLabels = { ...(copy.matchLabels ?? {}), [POD_TEMPLATE_HASH_LABEL]: hash };
  return copy;
}

/**
 * NewRSNewReplicas: how big the new ReplicaSet may be now. Rolling: as far
 * as spec.replicas + maxSurge total pods allows, never beyond spec.replicas.
 * Recreate: spec.replicas (the old ones are gone by then).
 */
export function newRSNewReplicas(d: D, allRSs: readonly (RS | undefined)[], newRS: RS): number {
  const strategy = d.spec?.strategy?.type ?? 'RollingUpdate';
  const desired = desiredReplicas(d);
  if (strategy === 'Recreate') return desired;
  if (strategy !== 'RollingUpdate') throw new Error(`deployment type ${strategy} isn't supported`);
  const surge = scaledValue(d.spec?.strategy?.rollingUpdate?.maxSurge ?? 0, desired, true);
  const current = specReplicas(allRSs);
  const maxTotal = desired + surge;
  if (current >= maxTotal) return replicasOf(newRS);
  const scaleUp = Math.min(maxTotal - current, desired - replicasOf(newRS));
  return replicasOf(newRS) + scaleUp;
}

/**
 * The ReplicaSet to create, sized by newRSNewReplicas against the old ones,
 * with revision newRevision and the Deployment's annotations.
 */
export function buildNewReplicaSet(d: D, oldRSs: readonly RS[], newRevision: number): ReplicaSet {
  const hash = podTemplateHash(d);
  const template = structuredClone(d.spec?.template ?? {});
  template.metadata = { ...(template.metadata ?? {}), labels: { ...(template.metadata?.labels ?? {}), [POD_TEMPLATE_HASH_LABEL]: hash } };
  const rs: ReplicaSet = {
    apiVersion: 'apps/v1',
    kind: 'ReplicaSet',
    metadata: {
      // Deterministic, so a retry after a lost response finds what it made.
      name: `${d.metadata!.name}-${hash}`,
      namespace: d.metadata!.namespace,
      labels: { ...template.metadata.labels },
      ownerReferences: [newControllerRef(d, 'apps/v1', 'Deployment')],
    },
    spec: {
      replicas: 0,
      ...(d.spec?.minReadySeconds ? { minReadySeconds: d.spec.minReadySeconds } : {}),
      selector: selectorWithHash(d.spec?.selector, hash),
      template,
    },
  };
  rs.spec!.replicas = newRSNewReplicas(d, [...oldRSs, rs], rs);
  const { annotations } = newReplicaSetAnnotations(d, rs, newRevision, false);
  rs.metadata!.annotations = annotations;
  return rs;
}
