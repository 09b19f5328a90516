/**
 * The two kinds one replica controller serves. Upstream runs the same code
 * for ReplicaSet and ReplicationController by converting RCs to RSs; here
 * the difference is kept to what actually differs: API group, names, and the
 * selector's shape (a metav1.LabelSelector versus a plain label map).
 */
import { labelSelectorFromSet, labelSelectorFromSpec, nothingSelector, type KObject, type LabelSelector, type LabelSelectorSpec } from '@mk/api';
import type { InformerTarget } from '@mk/client';
import type { PodTemplateSpec } from 'kubernetes-types/core/v1';
import type { ReplicaSetStatus } from 'kubernetes-types/apps/v1';
import type { ObjectMeta } from 'kubernetes-types/meta/v1';
import { REPLICA_SETS, REPLICATION_CONTROLLERS } from '../framework/resources';

export const REPLICASET_CONTROLLER = 'replicaset-controller';
export const REPLICATION_CONTROLLER_CONTROLLER = 'replicationcontroller-controller';
/** Event source of the ReplicaSet controller (upstream's recorder component). */
export const REPLICASET_EVENT_COMPONENT = 'replicaset-controller';
/** Event source of the ReplicationController controller. */
export const REPLICATION_CONTROLLER_EVENT_COMPONENT = 'replication-controller';

/**
 * What the controller reads of a ReplicaSet or a ReplicationController: the
 * two share spec.replicas, minReadySeconds, template and the whole status
 * (ReplicationControllerCondition has ReplicaSetCondition's shape).
 */
export type ReplicaOwner = KObject & {
  metadata?: ObjectMeta;
  spec?: { replicas?: number; minReadySeconds?: number; template?: PodTemplateSpec; selector?: unknown };
  status?: ReplicaSetStatus;
};

/** A kind the replica controller manages. */
export interface ReplicaKind {
  kind: 'ReplicaSet' | 'ReplicationController';
  apiVersion: string;
  group: string;
  target: InformerTarget;
  controllerName: string;
  eventComponent: string;
  /** The owner's pod selector; throws SelectorError when it is invalid. */
  selector(owner: Readonly<ReplicaOwner>): LabelSelector;
}

export const REPLICA_SET_KIND: ReplicaKind = {
  kind: 'ReplicaSet',
  apiVersion: 'apps/v1',
  group: 'apps',
  target: REPLICA_SETS,
  controllerName: REPLICASET_CONTROLLER,
  eventComponent: REPLICASET_EVENT_COMPONENT,
  selector: (owner) => labelSelectorFromSpec(owner.spec?.selector as LabelSelectorSpec | undefined),
};

export const REPLICATION_CONTROLLER_KIND: ReplicaKind = {
  kind: 'ReplicationController',
  apiVersion: 'v1',
  group: '',
  target: REPLICATION_CONTROLLERS,
  controllerName: REPLICATION_CONTROLLER_CONTROLLER,
  eventComponent: REPLICATION_CONTROLLER_EVENT_COMPONENT,
  // Upstream converts a nil map to a nil LabelSelector, which selects nothing (validation forbids an empty one).
  selector: (owner) => {
    const set = owner.spec?.selector as Record<string, string> | null | undefined;
    return set ? labelSelectorFromSet(set) : nothingSelector();
  },
};

/** spec.replicas, defaulted as the API does (1). */
export function desiredReplicas(owner: Readonly<ReplicaOwner>): number {
  return owner.spec?.replicas ?? 1;
}
