/**
 * The pod a StatefulSet creates for an ordinal (upstream newStatefulSetPod and
 * newVersionedStatefulSetPod): its template at the right revision, its
 * identity, its claims as volumes and its revision label.
 */
import type { StatefulSet } from 'kubernetes-types/apps/v1';
import type { Pod } from 'kubernetes-types/core/v1';
import { newControllerRef } from '../framework/controller-ref';
import { CONTROLLER_REVISION_HASH_LABEL } from '../framework/controller-revision';
import { podFromTemplate } from '../framework/pod-template';
import { updateStorage } from './claims';
import { initIdentity, podName, startOrdinal } from './identity';

/** newStatefulSetPod: the set's template as pod `<set>-<ordinal>`, owned by the set. */
export function newStatefulSetPod(set: Readonly<StatefulSet>, ordinal: number): Pod {
  const pod = podFromTemplate(set.spec?.template, set.metadata!.namespace!, newControllerRef(set, 'apps/v1', 'StatefulSet'), podName(set, ordinal));
  initIdentity(set, pod);
  updateStorage(set, pod);
  return pod;
}

/** setPodRevision. */
function withRevision(pod: Pod, revision: string): Pod {
  pod.metadata!.labels = { ...(pod.metadata!.labels ?? {}), [CONTROLLER_REVISION_HASH_LABEL]: revision };
  return pod;
}

/**
 * newVersionedStatefulSetPod: ordinals below the partition (or, for a
 * RollingUpdate without parameters, below status.currentReplicas) are made
 * at the current revision, all others at the update revision.
 */
export function newVersionedStatefulSetPod(currentSet: Readonly<StatefulSet>, updateSet: Readonly<StatefulSet>, currentRevision: string, updateRevision: string, ordinal: number): Pod {
  const strategy = currentSet.spec?.updateStrategy;
  const start = startOrdinal(currentSet);
  // Go's `a && b || c`: the partition test applies whatever the strategy type says.
  const atCurrent =
    ((strategy?.type ?? 'RollingUpdate') === 'RollingUpdate' && !strategy?.rollingUpdate && ordinal < start + (currentSet.status?.currentReplicas ?? 0)) ||
    (!!strategy?.rollingUpdate && ordinal < start + (strategy.rollingUpdate.partition ?? 0));
  return atCurrent ? withRevision(newStatefulSetPod(currentSet, ordinal), currentRevision) : withRevision(newStatefulSetPod(updateSet, ordinal), updateRevision);
}
