/**
 * Patch metadata of the structs shared by many kinds: ObjectMeta, LabelSelector and the pod
 * template. Transcribed from the k8s.io/api v0.32 struct tags (`patchStrategy`,
 * `patchMergeKey`) and list-type markers (`+listType`, `+listMapKey`, `+structType=atomic`).
 */
import type { FieldMeta } from './patch-meta';

/** A merge list of objects keyed by `key` (SSA: a list map with the same key). */
export function mergeListBy(key: string, items?: FieldMeta, extra: Partial<FieldMeta> = {}): FieldMeta {
  return { patchStrategy: 'merge', mergeKey: key, ...(items ? { items } : {}), ...extra };
}

/** A struct (or map) whose listed fields have metadata. */
export function struct(fields: Record<string, FieldMeta>, extra: Partial<FieldMeta> = {}): FieldMeta {
  return { fields, ...extra };
}

/** A map or struct that server-side apply owns and replaces as one value. */
export const ATOMIC: FieldMeta = { atomic: true };

/** `status.conditions` of nearly every kind: merged by `type`. */
export const CONDITIONS: FieldMeta = mergeListBy('type');

/** metav1.ObjectMeta: owner references by `uid`, finalizers as a set, managedFields atomic. */
export const OBJECT_META: FieldMeta = struct({
  ownerReferences: mergeListBy('uid', ATOMIC),
  finalizers: { patchStrategy: 'merge' },
  managedFields: { listType: 'atomic' },
});

/** metav1.LabelSelector: a struct SSA treats atomically; SMP merges it like any map. */
export const LABEL_SELECTOR: FieldMeta = ATOMIC;

const ENV_VAR: FieldMeta = struct({
  valueFrom: struct({ fieldRef: ATOMIC, resourceFieldRef: ATOMIC, configMapKeyRef: ATOMIC, secretKeyRef: ATOMIC }),
});

/** core/v1 Container (and EphemeralContainer, which has the same tags). */
export const CONTAINER: FieldMeta = struct({
  // SSA keys container ports by port *and* protocol, which the server defaults to TCP.
  ports: mergeListBy('containerPort', undefined, {
    listMapKeys: ['containerPort', 'protocol'],
    keyDefaults: { protocol: 'TCP' },
  }),
  env: mergeListBy('name', ENV_VAR),
  volumeMounts: mergeListBy('mountPath'),
  volumeDevices: mergeListBy('devicePath'),
  resources: struct({ claims: { listType: 'map', listMapKeys: ['name'] } }),
});

/** core/v1 PodSpec. `tolerations`, `readinessGates`, `args`-like lists stay atomic (no tags). */
export const POD_SPEC: FieldMeta = struct({
  volumes: mergeListBy('name', undefined, { retainKeys: true }),
  initContainers: mergeListBy('name', CONTAINER),
  containers: mergeListBy('name', CONTAINER),
  ephemeralContainers: mergeListBy('name', CONTAINER),
  imagePullSecrets: mergeListBy('name', ATOMIC),
  hostAliases: mergeListBy('ip'),
  topologySpreadConstraints: mergeListBy('topologyKey', struct({ labelSelector: LABEL_SELECTOR }), {
    listMapKeys: ['topologyKey', 'whenUnsatisfiable'],
  }),
  schedulingGates: mergeListBy('name'),
  resourceClaims: mergeListBy('name', undefined, { retainKeys: true }),
  nodeSelector: ATOMIC,
  affinity: struct({ nodeAffinity: struct({ requiredDuringSchedulingIgnoredDuringExecution: ATOMIC }) }),
});

/** core/v1 PodStatus. `hostIPs` merges by `ip` in SMP but is atomic for SSA. */
export const POD_STATUS: FieldMeta = struct({
  conditions: CONDITIONS,
  podIPs: mergeListBy('ip'),
  hostIPs: mergeListBy('ip', undefined, { listType: 'atomic' }),
  resourceClaimStatuses: mergeListBy('name', undefined, { retainKeys: true }),
});

/** core/v1 PodTemplateSpec, nested in every workload. */
export const POD_TEMPLATE_SPEC: FieldMeta = struct({ metadata: OBJECT_META, spec: POD_SPEC });
