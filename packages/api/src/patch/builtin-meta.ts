/**
 * Patch metadata per built-in kind, and the lookup the API server and `mk apply` use.
 * Kinds not listed here (ConfigMap, Secret, custom resources, …) get only the ObjectMeta
 * metadata: their lists are atomic and their maps merged, except `metadata.finalizers`
 * (a set) and `metadata.ownerReferences` (keyed by `uid`), which every kind shares.
 */
import {
  ATOMIC,
  CONDITIONS,
  LABEL_SELECTOR,
  OBJECT_META,
  POD_SPEC,
  POD_STATUS,
  POD_TEMPLATE_SPEC,
  mergeListBy,
  struct,
} from './builtin-meta-pod';
import type { PatchMeta } from './patch-meta';

const WITH_CONDITIONS = struct({ conditions: CONDITIONS });

const JOB_SPEC = struct({ selector: LABEL_SELECTOR, template: POD_TEMPLATE_SPEC });

/** A kind's root: ObjectMeta plus the given top-level fields. */
function kind(fields: Record<string, PatchMeta>): PatchMeta {
  return struct({ metadata: OBJECT_META, ...fields });
}

/** Workloads that embed a pod template at `spec.template` with a label selector. */
function workload(spec: Record<string, PatchMeta> = {}): PatchMeta {
  return kind({
    spec: struct({ selector: LABEL_SELECTOR, template: POD_TEMPLATE_SPEC, ...spec }),
    status: WITH_CONDITIONS,
  });
}

const BUILTIN: Readonly<Record<string, PatchMeta>> = {
  'v1/Pod': kind({ spec: POD_SPEC, status: POD_STATUS }),
  'v1/PodTemplate': kind({ template: POD_TEMPLATE_SPEC }),
  'v1/ReplicationController': kind({
    spec: struct({ selector: ATOMIC, template: POD_TEMPLATE_SPEC }),
    status: WITH_CONDITIONS,
  }),
  'v1/Service': kind({
    spec: struct({
      ports: mergeListBy('port', undefined, { listMapKeys: ['port', 'protocol'], keyDefaults: { protocol: 'TCP' } }),
      selector: ATOMIC,
    }),
    status: WITH_CONDITIONS,
  }),
  'v1/ServiceAccount': kind({ secrets: mergeListBy('name', ATOMIC) }),
  'v1/Node': kind({
    spec: struct({ podCIDRs: { patchStrategy: 'merge' } }),
    status: struct({ conditions: CONDITIONS, addresses: mergeListBy('type') }),
  }),
  'v1/Namespace': kind({ status: WITH_CONDITIONS }),
  'v1/PersistentVolumeClaim': kind({ spec: struct({ selector: LABEL_SELECTOR }), status: WITH_CONDITIONS }),
  'v1/ComponentStatus': kind({ conditions: CONDITIONS }),
  'apps/v1/Deployment': workload({ strategy: { retainKeys: true } }),
  'apps/v1/ReplicaSet': workload(),
  'apps/v1/StatefulSet': workload({ volumeClaimTemplates: { listType: 'atomic' } }),
  'apps/v1/DaemonSet': workload(),
  // Job conditions merge by type in SMP but are an atomic list for SSA.
  'batch/v1/Job': kind({ spec: JOB_SPEC, status: struct({ conditions: { ...CONDITIONS, listType: 'atomic' } }) }),
  'batch/v1/CronJob': kind({ spec: struct({ jobTemplate: struct({ metadata: OBJECT_META, spec: JOB_SPEC }) }) }),
  'autoscaling/v2/HorizontalPodAutoscaler': kind({ status: WITH_CONDITIONS }),
  'policy/v1/PodDisruptionBudget': kind({
    spec: struct({ selector: { patchStrategy: 'replace', atomic: true } }),
    status: WITH_CONDITIONS,
  }),
  'storage.k8s.io/v1/CSINode': kind({ spec: struct({ drivers: mergeListBy('name') }) }),
};

const OBJECT_ONLY: PatchMeta = kind({});

/**
 * Patch metadata for a kind (`group` is `''` for the core group). Unknown kinds get the
 * ObjectMeta-only tree described at the top of this file.
 */
export function patchMetaFor(group: string, version: string, kindName: string): PatchMeta {
  const key = group ? `${group}/${version}/${kindName}` : `${version}/${kindName}`;
  return BUILTIN[key] ?? OBJECT_ONLY;
}

/** True when `patchMetaFor` knows more about this kind than ObjectMeta. */
export function hasKindPatchMeta(group: string, version: string, kindName: string): boolean {
  return patchMetaFor(group, version, kindName) !== OBJECT_ONLY;
}
