import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { catalogKind, directRefs, kindSchema, reachableSchemaNames, schemaCatalog } from './catalog';

const SERVED_KINDS = [
  ['', 'v1', 'Namespace'], ['', 'v1', 'Node'], ['', 'v1', 'Pod'], ['', 'v1', 'Service'], ['', 'v1', 'Endpoints'],
  ['', 'v1', 'ConfigMap'], ['', 'v1', 'Secret'], ['', 'v1', 'Event'], ['', 'v1', 'ServiceAccount'],
  ['', 'v1', 'ReplicationController'], ['', 'v1', 'PersistentVolumeClaim'], ['', 'v1', 'PersistentVolume'], ['', 'v1', 'Binding'],
  ['events.k8s.io', 'v1', 'Event'], ['coordination.k8s.io', 'v1', 'Lease'],
  ['apps', 'v1', 'ReplicaSet'], ['apps', 'v1', 'Deployment'], ['apps', 'v1', 'StatefulSet'], ['apps', 'v1', 'DaemonSet'],
  ['apps', 'v1', 'ControllerRevision'], ['batch', 'v1', 'Job'], ['batch', 'v1', 'CronJob'],
  ['networking.k8s.io', 'v1', 'Ingress'], ['networking.k8s.io', 'v1', 'IngressClass'],
  ['autoscaling', 'v2', 'HorizontalPodAutoscaler'], ['autoscaling', 'v1', 'Scale'],
  ['policy', 'v1', 'PodDisruptionBudget'], ['policy', 'v1', 'Eviction'],
];

describe('schema catalog', () => {
  it('has a schema for every kind mk serves, and a list schema for listable ones', () => {
    for (const [group, version, kind] of SERVED_KINDS) {
      const entry = catalogKind(group, version, kind);
      expect(entry, `${group}/${version} ${kind}`).toBeDefined();
      expect(schemaCatalog().schemas.has(entry!.schema)).toBe(true);
      if (entry!.list) expect(schemaCatalog().schemas.has(entry!.list)).toBe(true);
    }
    expect(catalogKind('apps', 'v1', 'Deployment')).toEqual({
      group: 'apps', version: 'v1', kind: 'Deployment', schema: 'io.k8s.api.apps.v1.Deployment', list: 'io.k8s.api.apps.v1.DeploymentList',
    });
  });

  it('uses upstream definition names and resolves every reference', () => {
    const { schemas } = schemaCatalog();
    for (const [name, schema] of schemas) {
      expect(name).toMatch(/^io\.k8s\.(api\.[a-z]+\.v\d\w*|apimachinery\.pkg\.[a-z0-9.]+)\.[A-Z]\w*$/);
      for (const ref of directRefs(schema)) expect(schemas.has(ref), `${name} → ${ref}`).toBe(true);
    }
  });

  it('describes Pod: typed properties, references, descriptions, required fields', () => {
    const pod = kindSchema('', 'v1', 'Pod')!;
    expect(Object.keys(pod.properties!)).toEqual(['apiVersion', 'kind', 'metadata', 'spec', 'status']);
    expect(pod.properties!.metadata.$ref).toBe('io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta');
    const spec = schemaCatalog().schemas.get('io.k8s.api.core.v1.PodSpec')!;
    expect(spec.required).toEqual(['containers']);
    expect(spec.properties!.containers).toMatchObject({ type: 'array', items: { $ref: 'io.k8s.api.core.v1.Container' } });
    expect(spec.properties!.nodeSelector).toMatchObject({ type: 'object', additionalProperties: { type: 'string' } });
    expect(spec.properties!.terminationGracePeriodSeconds).toMatchObject({ type: 'integer', format: 'int64' });
    const container = schemaCatalog().schemas.get('io.k8s.api.core.v1.Container')!;
    expect(container.required).toEqual(['name']);
    expect(container.properties!.lifecycle.description).toBe('Actions that the management system should take in response to container lifecycle events. Cannot be updated.');
  });

  it('describes Deployment with its strategy and int-or-string fields', () => {
    const spec = schemaCatalog().schemas.get(kindSchema('apps', 'v1', 'Deployment')!.properties!.spec.$ref!)!;
    expect(spec.required).toEqual(['selector', 'template']);
    expect(spec.properties!.template.$ref).toBe('io.k8s.api.core.v1.PodTemplateSpec');
    const rolling = schemaCatalog().schemas.get('io.k8s.api.apps.v1.RollingUpdateDeployment')!;
    expect(rolling.properties!.maxSurge.$ref).toBe('io.k8s.apimachinery.pkg.util.intstr.IntOrString');
    expect(rolling.properties!.maxSurge.description).toMatch(/^The maximum number of pods that can be scheduled above/);
  });

  it('models the named scalar and free-form types as upstream does', () => {
    const s = schemaCatalog().schemas;
    expect(s.get('io.k8s.apimachinery.pkg.util.intstr.IntOrString')).toMatchObject({ format: 'int-or-string', oneOf: [{ type: 'integer' }, { type: 'string' }] });
    expect(s.get('io.k8s.apimachinery.pkg.api.resource.Quantity')).toMatchObject({ oneOf: [{ type: 'string' }, { type: 'number' }] });
    expect(s.get('io.k8s.apimachinery.pkg.apis.meta.v1.Time')).toMatchObject({ type: 'string', format: 'date-time' });
    expect(s.get('io.k8s.apimachinery.pkg.apis.meta.v1.MicroTime')).toMatchObject({ type: 'string', format: 'date-time' });
    expect(s.get('io.k8s.apimachinery.pkg.runtime.RawExtension')).toMatchObject({ type: 'object' });
    expect(s.get('io.k8s.apimachinery.pkg.runtime.RawExtension')!.properties).toBeUndefined();
    expect(s.get('io.k8s.api.core.v1.ResourceRequirements')!.properties!.limits.additionalProperties).toEqual({
      $ref: 'io.k8s.apimachinery.pkg.api.resource.Quantity',
    });
    expect(s.get('io.k8s.api.events.v1.Event')!.properties!.eventTime.$ref).toBe('io.k8s.apimachinery.pkg.apis.meta.v1.MicroTime');
  });

  it('computes the closure of reachable definitions', () => {
    const names = reachableSchemaNames(['io.k8s.api.coordination.v1.Lease']);
    expect(names).toEqual([
      'io.k8s.api.coordination.v1.Lease',
      'io.k8s.api.coordination.v1.LeaseSpec',
      'io.k8s.apimachinery.pkg.apis.meta.v1.FieldsV1',
      'io.k8s.apimachinery.pkg.apis.meta.v1.ManagedFieldsEntry',
      'io.k8s.apimachinery.pkg.apis.meta.v1.MicroTime',
      'io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta',
      'io.k8s.apimachinery.pkg.apis.meta.v1.OwnerReference',
      'io.k8s.apimachinery.pkg.apis.meta.v1.Time',
    ]);
    expect(() => reachableSchemaNames(['no.such.Thing'])).toThrow(/no definition no.such.Thing/);
  });

  it('is what scripts/gen-schema.mjs generates from the installed sources', () => {
    const script = fileURLToPath(new URL('../../../../scripts/gen-schema.mjs', import.meta.url));
    expect(() => execFileSync(process.execPath, [script, '--check'], { stdio: 'pipe' })).not.toThrow();
  });
});
