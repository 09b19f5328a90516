import { describe, expect, it } from 'vitest';
import { hasKindPatchMeta, patchMetaFor } from './builtin-meta';
import { applyListKind, fieldMeta, itemMeta, type FieldMeta } from './patch-meta';

/** Walks `a.b[].c` style paths (`[]` steps into list elements). */
function metaAt(root: FieldMeta, path: string): FieldMeta {
  return path.split('.').reduce((meta, step) => {
    const list = step.endsWith('[]');
    const field = fieldMeta(meta, list ? step.slice(0, -2) : step);
    return list ? itemMeta(field) : field;
  }, root);
}

const POD_SPEC_PATHS: Array<[string, string]> = [
  ['apps/v1/Deployment', 'spec.template.spec'],
  ['apps/v1/ReplicaSet', 'spec.template.spec'],
  ['apps/v1/StatefulSet', 'spec.template.spec'],
  ['apps/v1/DaemonSet', 'spec.template.spec'],
  ['batch/v1/Job', 'spec.template.spec'],
  ['v1/ReplicationController', 'spec.template.spec'],
  ['v1/PodTemplate', 'template.spec'],
  ['v1/Pod', 'spec'],
  ['batch/v1/CronJob', 'spec.jobTemplate.spec.template.spec'],
];

function lookup(gvk: string): FieldMeta {
  const parts = gvk.split('/');
  return parts.length === 2 ? patchMetaFor('', parts[0], parts[1]) : patchMetaFor(parts[0], parts[1], parts[2]);
}

describe('patchMetaFor', () => {
  it.each(POD_SPEC_PATHS)('%s has the pod spec tags at %s', (gvk, podSpec) => {
    const meta = lookup(gvk);
    const expectations: Array<[string, string | undefined, boolean?]> = [
      ['containers', 'name'],
      ['initContainers', 'name'],
      ['ephemeralContainers', 'name'],
      ['volumes', 'name', true],
      ['imagePullSecrets', 'name'],
      ['hostAliases', 'ip'],
      ['topologySpreadConstraints', 'topologyKey'],
      ['schedulingGates', 'name'],
      ['resourceClaims', 'name', true],
      ['containers[].ports', 'containerPort'],
      ['containers[].env', 'name'],
      ['containers[].volumeMounts', 'mountPath'],
      ['containers[].volumeDevices', 'devicePath'],
      ['initContainers[].env', 'name'],
    ];
    for (const [path, key, retainKeys] of expectations) {
      const field = metaAt(meta, `${podSpec}.${path}`);
      expect(field, path).toMatchObject({ patchStrategy: 'merge', mergeKey: key });
      expect(field.retainKeys === true, path).toBe(retainKeys === true);
    }
    expect(metaAt(meta, `${podSpec}.tolerations`).patchStrategy).toBeUndefined();
    expect(metaAt(meta, `${podSpec}.containers[].args`).patchStrategy).toBeUndefined();
  });

  it.each([
    ['v1/Pod', 'status.conditions', 'type'],
    ['v1/Node', 'status.conditions', 'type'],
    ['v1/Node', 'status.addresses', 'type'],
    ['v1/Namespace', 'status.conditions', 'type'],
    ['v1/PersistentVolumeClaim', 'status.conditions', 'type'],
    ['v1/ReplicationController', 'status.conditions', 'type'],
    ['v1/Service', 'status.conditions', 'type'],
    ['apps/v1/Deployment', 'status.conditions', 'type'],
    ['apps/v1/ReplicaSet', 'status.conditions', 'type'],
    ['apps/v1/StatefulSet', 'status.conditions', 'type'],
    ['apps/v1/DaemonSet', 'status.conditions', 'type'],
    ['batch/v1/Job', 'status.conditions', 'type'],
    ['autoscaling/v2/HorizontalPodAutoscaler', 'status.conditions', 'type'],
    ['policy/v1/PodDisruptionBudget', 'status.conditions', 'type'],
    ['v1/Pod', 'status.podIPs', 'ip'],
    ['v1/Pod', 'status.hostIPs', 'ip'],
    ['v1/Service', 'spec.ports', 'port'],
    ['v1/ServiceAccount', 'secrets', 'name'],
    ['apps/v1/Deployment', 'metadata.ownerReferences', 'uid'],
    ['apps/v1/Deployment', 'spec.template.metadata.ownerReferences', 'uid'],
  ])('%s merges %s by %s', (gvk, path, key) => {
    expect(metaAt(lookup(gvk), path)).toMatchObject({ patchStrategy: 'merge', mergeKey: key });
  });

  it('marks retainKeys structs and primitive merge lists', () => {
    expect(metaAt(lookup('apps/v1/Deployment'), 'spec.strategy').retainKeys).toBe(true);
    // The v0.32 DaemonSet and StatefulSet update strategies carry no retainKeys tag.
    expect(metaAt(lookup('apps/v1/DaemonSet'), 'spec.updateStrategy').retainKeys).toBeUndefined();
    expect(metaAt(lookup('v1/ConfigMap'), 'metadata.finalizers')).toEqual({ patchStrategy: 'merge' });
    expect(metaAt(lookup('v1/Node'), 'spec.podCIDRs')).toEqual({ patchStrategy: 'merge' });
    expect(metaAt(lookup('v1/Node'), 'spec.taints').patchStrategy).toBeUndefined();
    expect(metaAt(lookup('apps/v1/StatefulSet'), 'spec.volumeClaimTemplates').patchStrategy).toBeUndefined();
  });

  it('gives server-side apply its own list semantics where they differ', () => {
    const deployment = lookup('apps/v1/Deployment');
    expect(applyListKind(metaAt(deployment, 'spec.template.spec.containers[].ports'))).toEqual({ type: 'map', keys: ['containerPort', 'protocol'] });
    expect(applyListKind(metaAt(deployment, 'metadata.finalizers'))).toEqual({ type: 'set' });
    expect(applyListKind(metaAt(deployment, 'spec.template.spec.tolerations'))).toEqual({ type: 'atomic' });
    expect(applyListKind(metaAt(lookup('v1/Pod'), 'status.hostIPs'))).toEqual({ type: 'atomic' });
    expect(applyListKind(metaAt(lookup('batch/v1/Job'), 'status.conditions'))).toEqual({ type: 'atomic' });
    expect(metaAt(deployment, 'spec.selector').atomic).toBe(true);
    expect(metaAt(lookup('v1/Service'), 'spec.selector').atomic).toBe(true);
  });

  it('gives unknown kinds only the ObjectMeta metadata', () => {
    const widget = patchMetaFor('example.com', 'v1', 'Widget');
    expect(hasKindPatchMeta('example.com', 'v1', 'Widget')).toBe(false);
    expect(hasKindPatchMeta('apps', 'v1', 'Deployment')).toBe(true);
    expect(Object.keys(widget.fields ?? {})).toEqual(['metadata']);
    expect(metaAt(widget, 'spec.items')).toEqual({});
    expect(metaAt(widget, 'metadata.ownerReferences').mergeKey).toBe('uid');
  });
});
