/**
 * Where each workload keeps its pod spec (kubectl's polymorphichelpers.updatePodSpecForObject):
 * Pods in spec; ReplicationControllers, Deployments, DaemonSets, ReplicaSets, StatefulSets and Jobs
 * in spec.template.spec; CronJobs in spec.jobTemplate.spec.template.spec.
 */
import { findKindByGVK, type KObject } from '@mk/api';

/** The group and kind of an object, as its resource mapping names them. */
export interface KindRef {
  group: string;
  version: string;
  kind: string;
}

/** The path of the pod spec inside each kind that has one. */
const POD_SPEC_PATHS: Record<string, string[]> = {
  '/Pod': ['spec'],
  '/ReplicationController': ['spec', 'template', 'spec'],
  'apps/Deployment': ['spec', 'template', 'spec'],
  'apps/DaemonSet': ['spec', 'template', 'spec'],
  'apps/ReplicaSet': ['spec', 'template', 'spec'],
  'apps/StatefulSet': ['spec', 'template', 'spec'],
  'extensions/Deployment': ['spec', 'template', 'spec'],
  'extensions/DaemonSet': ['spec', 'template', 'spec'],
  'extensions/ReplicaSet': ['spec', 'template', 'spec'],
  'batch/Job': ['spec', 'template', 'spec'],
  'batch/CronJob': ['spec', 'jobTemplate', 'spec', 'template', 'spec'],
};

/**
 * The pod spec of `obj` (created on the way when absent, as Go's typed structs always have one),
 * or kubectl's error naming the Go type for kinds without a pod template.
 */
export function podSpecOf(obj: KObject, ref: KindRef): Record<string, unknown> {
  const path = POD_SPEC_PATHS[`${ref.group}/${ref.kind}`];
  if (!path) throw new Error(`the object is not a pod or does not have a pod template: ${goTypeName(ref)}`);
  let node = obj as Record<string, unknown>;
  for (const key of path) {
    const next = node[key];
    if (next === null || typeof next !== 'object' || Array.isArray(next)) node[key] = {};
    node = node[key] as Record<string, unknown>;
  }
  return node;
}

/** How Go's %T prints the decoded object: `*v1.ConfigMap` for built-in kinds, unstructured otherwise. */
function goTypeName(ref: KindRef): string {
  return findKindByGVK(ref.group, ref.version, ref.kind) ? `*${ref.version}.${ref.kind}` : '*unstructured.Unstructured';
}
