/** apps/v1 defaults (pkg/apis/apps/v1/defaults.go) and the workloads' create-time status. */
import type { KObject } from '../registry/types';
import { defaultSpecTemplate } from './pod-template';
import { defaultPVCSpec } from './persistent-volumes';
import { defaultPointer, defaultString, isObject, objectAt, objectsIn } from './set-default';

/** SetDefaults_Deployment. */
export function applyDeploymentDefaults(d: KObject): void {
  const spec = objectAt(d, 'spec');
  defaultPointer(spec, 'replicas', 1);
  const strategy = objectAt(spec, 'strategy');
  defaultString(strategy, 'type', 'RollingUpdate');
  if (strategy.type === 'RollingUpdate') {
    const ru = objectAt(strategy, 'rollingUpdate');
    defaultPointer(ru, 'maxUnavailable', '25%');
    defaultPointer(ru, 'maxSurge', '25%');
  }
  defaultPointer(spec, 'revisionHistoryLimit', 10);
  defaultPointer(spec, 'progressDeadlineSeconds', 600);
  defaultSpecTemplate(spec);
}

/** SetDefaults_ReplicaSet. */
export function applyReplicaSetDefaults(rs: KObject): void {
  const spec = objectAt(rs, 'spec');
  defaultPointer(spec, 'replicas', 1);
  defaultSpecTemplate(spec);
}

/** SetDefaults_StatefulSet (StatefulSetAutoDeletePVC is on in 1.32). */
export function applyStatefulSetDefaults(sts: KObject): void {
  const spec = objectAt(sts, 'spec');
  defaultString(spec, 'podManagementPolicy', 'OrderedReady');
  const strategy = objectAt(spec, 'updateStrategy');
  if (!strategy.type) {
    strategy.type = 'RollingUpdate';
    if (!isObject(strategy.rollingUpdate)) strategy.rollingUpdate = {};
  }
  if (strategy.type === 'RollingUpdate' && isObject(strategy.rollingUpdate)) defaultPointer(strategy.rollingUpdate, 'partition', 0);
  const retention = objectAt(spec, 'persistentVolumeClaimRetentionPolicy');
  defaultString(retention, 'whenDeleted', 'Retain');
  defaultString(retention, 'whenScaled', 'Retain');
  defaultPointer(spec, 'replicas', 1);
  defaultPointer(spec, 'revisionHistoryLimit', 10);
  // serviceName has no omitempty in 1.32, so an unset one prints as "".
  defaultPointer(spec, 'serviceName', '');
  defaultSpecTemplate(spec);
  for (const claim of objectsIn(spec, 'volumeClaimTemplates')) {
    // apps/v1 serialises claim templates as full PersistentVolumeClaims, defaults and all.
    defaultString(claim, 'apiVersion', 'v1');
    defaultString(claim, 'kind', 'PersistentVolumeClaim');
    const meta = objectAt(claim, 'metadata');
    if (!('creationTimestamp' in meta)) meta.creationTimestamp = null;
    defaultPVCSpec(objectAt(claim, 'spec'));
    defaultString(objectAt(claim, 'status'), 'phase', 'Pending');
  }
}

/** SetDefaults_DaemonSet. */
export function applyDaemonSetDefaults(ds: KObject): void {
  const spec = objectAt(ds, 'spec');
  const strategy = objectAt(spec, 'updateStrategy');
  defaultString(strategy, 'type', 'RollingUpdate');
  if (strategy.type === 'RollingUpdate') {
    const ru = objectAt(strategy, 'rollingUpdate');
    defaultPointer(ru, 'maxUnavailable', 1);
    defaultPointer(ru, 'maxSurge', 0);
  }
  defaultPointer(spec, 'revisionHistoryLimit', 10);
  defaultSpecTemplate(spec);
}

/** SetDefaults_ReplicationController: selector and labels from the template, one replica. */
export function applyReplicationControllerDefaults(rc: KObject): void {
  const spec = objectAt(rc, 'spec');
  const template = isObject(spec.template) ? spec.template : undefined;
  const labels = template && isObject(template.metadata) && isObject(template.metadata.labels) ? template.metadata.labels : undefined;
  if (labels) {
    if (!isObject(spec.selector) || Object.keys(spec.selector).length === 0) spec.selector = { ...labels };
    const meta = (rc.metadata ??= {});
    if (!meta.labels || Object.keys(meta.labels).length === 0) meta.labels = { ...(labels as Record<string, string>) };
  }
  defaultPointer(spec, 'replicas', 1);
  defaultSpecTemplate(spec);
}

/** Create-time status of each workload: Go's zero status, with its non-omitempty counters. */
export const INITIAL_STATUS = {
  Deployment: {},
  ReplicaSet: { replicas: 0 },
  ReplicationController: { replicas: 0 },
  StatefulSet: { availableReplicas: 0, replicas: 0 },
  DaemonSet: { currentNumberScheduled: 0, desiredNumberScheduled: 0, numberMisscheduled: 0, numberReady: 0 },
} as const;
