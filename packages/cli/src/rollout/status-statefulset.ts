/** `rollout status` for StatefulSets (polymorphichelpers StatefulSetStatusViewer); StatefulSets ignore --revision. */
import type { KObject } from '@mk/api';
import type { StatefulSet } from 'kubernetes-types/apps/v1';
import { num, type RolloutStatus } from './status-types';

/**
 * The stateful set's rollout progress, in kubectl's words. As in kubectl, a RollingUpdate strategy
 * with a rollingUpdate block (which the API server always defaults) ends with "partitioned roll
 * out complete" once the ready count is reached, even without a partition.
 */
export function statefulSetStatus(obj: KObject): RolloutStatus {
  const sts = obj as StatefulSet;
  const strategy = sts.spec?.updateStrategy;
  if (strategy?.type !== 'RollingUpdate') return { error: 'rollout status is only available for RollingUpdate strategy type' };
  const status = sts.status;
  const observed = num(status?.observedGeneration);
  if (observed === 0 || num(sts.metadata?.generation) > observed) {
    return { message: 'Waiting for statefulset spec update to be observed...', done: false };
  }
  const replicas = sts.spec?.replicas;
  const ready = num(status?.readyReplicas);
  if (typeof replicas === 'number' && ready < replicas) return { message: `Waiting for ${replicas - ready} pods to be ready...`, done: false };
  const updated = num(status?.updatedReplicas);
  if (strategy.rollingUpdate) {
    const partition = strategy.rollingUpdate.partition;
    if (typeof replicas === 'number' && typeof partition === 'number' && updated < replicas - partition) {
      return { message: `Waiting for partitioned roll out to finish: ${updated} out of ${replicas - partition} new pods have been updated...`, done: false };
    }
    return { message: `partitioned roll out complete: ${updated} new pods have been updated...`, done: true };
  }
  if (status?.updateRevision !== status?.currentRevision) {
    return { message: `waiting for statefulset rolling update to complete ${updated} pods at revision ${status?.updateRevision ?? ''}...`, done: false };
  }
  return { message: `statefulset rolling update complete ${num(status?.currentReplicas)} pods at revision ${status?.currentRevision ?? ''}...`, done: true };
}
