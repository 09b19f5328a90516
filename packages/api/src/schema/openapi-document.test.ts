import { describe, expect, it } from 'vitest';
import { groupVersionKey, openApiV3Document, openApiV3Root, toDocumentSchema } from './openapi-document';
import type { OpenApiDocument, OpenApiKind, OpenApiOperation, OpenApiSchema } from './types';

/** Every group version mk serves, with the resources of each (as the registry describes them). */
const SERVED: Record<string, OpenApiKind[]> = {
  '/v1': [
    { kind: 'Namespace', plural: 'namespaces', namespaced: false, subresources: ['status'] },
    { kind: 'Node', plural: 'nodes', namespaced: false, subresources: ['status'] },
    { kind: 'Pod', plural: 'pods', namespaced: true, subresources: ['status', 'binding', 'eviction', 'log', 'exec', 'attach', 'portforward'] },
    { kind: 'Service', plural: 'services', namespaced: true, subresources: ['status'] },
    { kind: 'Endpoints', plural: 'endpoints', namespaced: true, subresources: [] },
    { kind: 'ConfigMap', plural: 'configmaps', namespaced: true, subresources: [] },
    { kind: 'Secret', plural: 'secrets', namespaced: true, subresources: [] },
    { kind: 'Event', plural: 'events', namespaced: true, subresources: [] },
    { kind: 'ServiceAccount', plural: 'serviceaccounts', namespaced: true, subresources: [] },
    { kind: 'ReplicationController', plural: 'replicationcontrollers', namespaced: true, subresources: ['status', 'scale'] },
    { kind: 'PersistentVolumeClaim', plural: 'persistentvolumeclaims', namespaced: true, subresources: ['status'] },
    { kind: 'PersistentVolume', plural: 'persistentvolumes', namespaced: false, subresources: ['status'] },
    { kind: 'Binding', plural: 'bindings', namespaced: true, subresources: [], verbs: ['create'] },
  ],
  'events.k8s.io/v1': [{ kind: 'Event', plural: 'events', namespaced: true, subresources: [] }],
  'coordination.k8s.io/v1': [{ kind: 'Lease', plural: 'leases', namespaced: true, subresources: [] }],
  'apps/v1': [
    { kind: 'Deployment', plural: 'deployments', namespaced: true, subresources: ['status', 'scale'] },
    { kind: 'ReplicaSet', plural: 'replicasets', namespaced: true, subresources: ['status', 'scale'] },
    { kind: 'StatefulSet', plural: 'statefulsets', namespaced: true, subresources: ['status', 'scale'] },
    { kind: 'DaemonSet', plural: 'daemonsets', namespaced: true, subresources: ['status'] },
    { kind: 'ControllerRevision', plural: 'controllerrevisions', namespaced: true, subresources: [] },
  ],
  'batch/v1': [
    { kind: 'Job', plural: 'jobs', namespaced: true, subresources: ['status'] },
    { kind: 'CronJob', plural: 'cronjobs', namespaced: true, subresources: ['status'] },
  ],
  'networking.k8s.io/v1': [
    { kind: 'Ingress', plural: 'ingresses', namespaced: true, subresources: ['status'] },
    { kind: 'IngressClass', plural: 'ingressclasses', namespaced: false, subresources: [] },
  ],
  'autoscaling/v2': [{ kind: 'HorizontalPodAutoscaler', plural: 'horizontalpodautoscalers', namespaced: true, subresources: ['status'] }],
  'policy/v1': [{ kind: 'PodDisruptionBudget', plural: 'poddisruptionbudgets', namespaced: true, subresources: ['status'] }],
};
const servedDocs = Object.entries(SERVED).map(([gv, kinds]) => {
  const [group, version] = gv.split('/');
  return { group, version, kinds, doc: openApiV3Document(group, version, kinds) };
});

const operations = (doc: OpenApiDocument) =>
  Object.entries(doc.paths).flatMap(([path, item]) =>
    (['get', 'post', 'put', 'patch', 'delete'] as const).flatMap((method) => (item[method] ? [{ path, method, op: item[method]! }] : [])),
  );

/** Every `$ref` string anywhere in a JSON value. */
function refsIn(value: unknown, out: string[] = []): string[] {
  if (Array.isArray(value)) value.forEach((v) => refsIn(v, out));
  else if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      if (k === '$ref' && typeof v === 'string') out.push(v);
      else refsIn(v, out);
    }
  }
  return out;
}

describe('openApiV3Root', () => {
  it('lists one document per group version under its path key', () => {
    expect(openApiV3Root([{ group: '', version: 'v1' }, { group: 'apps', version: 'v1' }], 'ABC123')).toEqual({
      paths: {
        'api/v1': { serverRelativeURL: '/openapi/v3/api/v1?hash=ABC123' },
        'apis/apps/v1': { serverRelativeURL: '/openapi/v3/apis/apps/v1?hash=ABC123' },
      },
    });
    expect(groupVersionKey('networking.k8s.io', 'v1')).toBe('apis/networking.k8s.io/v1');
  });
});

describe('openApiV3Document', () => {
  it('gives every served kind a PATCH with its GVK, fieldValidation and no requestBody (kubectl strict validation)', () => {
    for (const { group, version, kinds, doc } of servedDocs) {
      for (const k of kinds.filter((k) => !k.verbs)) {
        const patches = operations(doc).filter(
          ({ method, op }) => method === 'patch' && op['x-kubernetes-group-version-kind']?.kind === k.kind && op['x-kubernetes-group-version-kind']?.group === group,
        );
        expect(patches.length, `${group}/${version} ${k.kind}`).toBeGreaterThan(0);
      }
      for (const { op } of operations(doc).filter(({ method }) => method === 'patch')) {
        expect(op.requestBody, op.operationId).toBeUndefined();
        expect(op.parameters?.some((p) => p.name === 'fieldValidation' && p.in === 'query'), op.operationId).toBe(true);
      }
    }
  });

  it('shapes namespaced paths and operations like upstream', () => {
    const apps = servedDocs.find((d) => d.group === 'apps')!.doc;
    const item = apps.paths['/apis/apps/v1/namespaces/{namespace}/deployments/{name}'];
    expect(Object.keys(item).sort()).toEqual(['delete', 'get', 'parameters', 'patch', 'put']);
    expect(item.patch).toMatchObject({
      operationId: 'patchAppsV1NamespacedDeployment',
      tags: ['apps_v1'],
      'x-kubernetes-action': 'patch',
      'x-kubernetes-group-version-kind': { group: 'apps', kind: 'Deployment', version: 'v1' },
    });
    expect(item.parameters?.map((p) => `${p.in}:${p.name}`)).toEqual(['path:name', 'path:namespace']);
    const collection = apps.paths['/apis/apps/v1/namespaces/{namespace}/deployments'];
    expect(collection.get?.['x-kubernetes-action']).toBe('list');
    expect(collection.get?.responses['200'].content?.['application/json'].schema).toEqual({ $ref: '#/components/schemas/io.k8s.api.apps.v1.DeploymentList' });
    expect(collection.post?.requestBody?.content['*/*'].schema).toEqual({ $ref: '#/components/schemas/io.k8s.api.apps.v1.Deployment' });
    expect(collection.delete?.operationId).toBe('deleteAppsV1CollectionNamespacedDeployment');
    expect(apps.paths['/apis/apps/v1/deployments'].get?.operationId).toBe('listAppsV1DeploymentForAllNamespaces');
    const scale = apps.paths['/apis/apps/v1/namespaces/{namespace}/deployments/{name}/scale'];
    expect(scale.patch?.['x-kubernetes-group-version-kind']).toEqual({ group: 'autoscaling', kind: 'Scale', version: 'v1' });
    expect(scale.get?.responses['200'].content?.['application/json'].schema).toEqual({ $ref: '#/components/schemas/io.k8s.api.autoscaling.v1.Scale' });
    expect(apps.paths['/apis/apps/v1/namespaces/{namespace}/deployments/{name}/status'].patch?.operationId).toBe('patchAppsV1NamespacedDeploymentStatus');
  });

  it('shapes cluster-scoped, core and subresource paths', () => {
    const core = servedDocs.find((d) => d.group === '')!.doc;
    expect(core.paths['/api/v1/nodes/{name}'].patch?.operationId).toBe('patchCoreV1Node');
    expect(core.paths['/api/v1/nodes/{name}'].parameters?.map((p) => p.name)).toEqual(['name']);
    expect(core.paths['/api/v1/nodes'].get?.operationId).toBe('listCoreV1Node');
    expect(core.paths['/api/v1/namespaces/{namespace}/pods/{name}/eviction'].post?.['x-kubernetes-group-version-kind']).toEqual({
      group: 'policy',
      kind: 'Eviction',
      version: 'v1',
    });
    expect(core.paths['/api/v1/namespaces/{namespace}/pods/{name}/exec'].get?.['x-kubernetes-action']).toBe('connect');
    expect(core.paths['/api/v1/namespaces/{namespace}/pods/{name}/log'].get?.operationId).toBe('readCoreV1NamespacedPodLog');
    // bindings are create-only, as upstream
    expect(Object.keys(core.paths['/api/v1/namespaces/{namespace}/bindings'])).toEqual(['post', 'parameters']);
    expect(core.paths['/api/v1/namespaces/{namespace}/bindings/{name}']).toBeUndefined();
    const networking = servedDocs.find((d) => d.group === 'networking.k8s.io')!.doc;
    expect(networking.paths['/apis/networking.k8s.io/v1/ingressclasses/{name}'].get?.operationId).toBe('readNetworkingV1IngressClass');
  });

  it('includes every reachable schema under upstream names, with GVKs on kinds and lists', () => {
    for (const { doc } of servedDocs) {
      const names = new Set(Object.keys(doc.components.schemas));
      for (const ref of refsIn(doc)) expect(names.has(ref.replace('#/components/schemas/', '')), ref).toBe(true);
    }
    const core = servedDocs.find((d) => d.group === '')!.doc.components.schemas;
    expect(core['io.k8s.api.core.v1.Pod']['x-kubernetes-group-version-kind']).toEqual([{ group: '', kind: 'Pod', version: 'v1' }]);
    expect(core['io.k8s.api.core.v1.PodList']['x-kubernetes-group-version-kind']).toEqual([{ group: '', kind: 'PodList', version: 'v1' }]);
    expect(core['io.k8s.api.policy.v1.Eviction']['x-kubernetes-group-version-kind']).toEqual([{ group: 'policy', kind: 'Eviction', version: 'v1' }]);
    expect(core['io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta']['x-kubernetes-group-version-kind']).toBeUndefined();
    expect(core['io.k8s.api.apps.v1.Deployment']).toBeUndefined();
    const apps = servedDocs.find((d) => d.group === 'apps')!.doc.components.schemas;
    expect(apps['io.k8s.api.core.v1.PodSpec']).toBeDefined();
    expect(apps['io.k8s.api.autoscaling.v1.Scale']['x-kubernetes-group-version-kind']).toEqual([{ group: 'autoscaling', kind: 'Scale', version: 'v1' }]);
    const events = servedDocs.find((d) => d.group === 'events.k8s.io')!.doc.components.schemas;
    expect(events['io.k8s.api.events.v1.Event']['x-kubernetes-group-version-kind']).toEqual([{ group: 'events.k8s.io', kind: 'Event', version: 'v1' }]);
  });

  it('references nested schemas as upstream v3 does: allOf next to a description, bare $ref otherwise', () => {
    const pod = servedDocs.find((d) => d.group === '')!.doc.components.schemas['io.k8s.api.core.v1.Pod'];
    expect(pod.properties!.spec).toEqual({
      allOf: [{ $ref: '#/components/schemas/io.k8s.api.core.v1.PodSpec' }],
      description: expect.stringContaining('Specification of the desired behavior of the pod'),
    });
    const podSpec = servedDocs.find((d) => d.group === '')!.doc.components.schemas['io.k8s.api.core.v1.PodSpec'];
    expect(podSpec.properties!.containers.items).toEqual({ $ref: '#/components/schemas/io.k8s.api.core.v1.Container' });
    expect(podSpec.required).toEqual(['containers']);
  });

  it('converts catalog schemas recursively', () => {
    const catalogSchema: OpenApiSchema = {
      type: 'object',
      properties: {
        m: { type: 'object', additionalProperties: { $ref: 'a.B', description: 'd' } },
        l: { type: 'array', items: { $ref: 'a.C' } },
      },
    };
    expect(toDocumentSchema(catalogSchema)).toEqual({
      type: 'object',
      properties: {
        m: { type: 'object', additionalProperties: { allOf: [{ $ref: '#/components/schemas/a.B' }], description: 'd' } },
        l: { type: 'array', items: { $ref: '#/components/schemas/a.C' } },
      },
    });
  });

  it('memoises documents per input', () => {
    const kinds = SERVED['apps/v1'];
    expect(openApiV3Document('apps', 'v1', kinds)).toBe(openApiV3Document('apps', 'v1', [...kinds]));
    const fewer = openApiV3Document('apps', 'v1', kinds.slice(0, 1));
    expect(fewer).not.toBe(openApiV3Document('apps', 'v1', kinds));
    expect(Object.keys(fewer.paths).some((p) => p.includes('statefulsets'))).toBe(false);
  });

  it('still describes kinds missing from the catalog, with free-form schemas', () => {
    const doc = openApiV3Document('example.com', 'v1', [{ kind: 'Widget', plural: 'widgets', namespaced: true, subresources: [] }]);
    const patch = doc.paths['/apis/example.com/v1/namespaces/{namespace}/widgets/{name}'].patch as OpenApiOperation;
    expect(patch.operationId).toBe('patchExampleComV1NamespacedWidget');
    expect(patch.responses['200'].content?.['application/json'].schema).toEqual({ type: 'object', 'x-kubernetes-preserve-unknown-fields': true });
  });
});
