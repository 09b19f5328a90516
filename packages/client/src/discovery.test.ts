import { describe, expect, it } from 'vitest';
import { flattenDiscovery, isAggregatedDiscovery } from './discovery';

describe('isAggregatedDiscovery', () => {
  it('accepts the aggregated media type in any parameter order', () => {
    expect(isAggregatedDiscovery('application/json;g=apidiscovery.k8s.io;v=v2;as=APIGroupDiscoveryList')).toBe(true);
    expect(isAggregatedDiscovery('application/json; as=APIGroupDiscoveryList; v=v2beta1; g=apidiscovery.k8s.io; charset=utf-8')).toBe(true);
  });
  it('rejects plain JSON', () => {
    expect(isAggregatedDiscovery('application/json')).toBe(false);
    expect(isAggregatedDiscovery('application/json;g=apidiscovery.k8s.io;v=v1;as=APIGroupDiscoveryList')).toBe(false);
  });
});

describe('flattenDiscovery', () => {
  it('flattens groups and versions, folding subresources and dropping entries without responseKind', () => {
    const core = { kind: 'APIGroupDiscoveryList', items: [{ metadata: { name: '' }, versions: [{ version: 'v1', resources: [
      { resource: 'pods', singularResource: 'pod', scope: 'Namespaced' as const, responseKind: { group: '', version: 'v1', kind: 'Pod' }, verbs: ['get', 'list'], shortNames: ['po'], categories: ['all'],
        subresources: [{ subresource: 'status', responseKind: { kind: 'Pod' } }, { subresource: 'log', responseKind: { kind: 'Pod' } }, { subresource: 'weird' }] },
      { resource: 'broken', scope: 'Cluster' as const },
    ] }] }] };
    const apis = { kind: 'APIGroupDiscoveryList', items: [{ metadata: { name: 'apps' }, versions: [
      { version: 'v1', resources: [{ resource: 'deployments', singularResource: 'deployment', scope: 'Namespaced' as const, responseKind: { kind: 'Deployment' } }] },
      { version: 'v1beta1', freshness: 'Stale', resources: [{ resource: 'deployments', scope: 'Namespaced' as const, responseKind: { kind: 'Deployment' } }] },
    ] }] };
    expect(flattenDiscovery([core, apis])).toEqual([
      { group: '', version: 'v1', plural: 'pods', singular: 'pod', kind: 'Pod', namespaced: true, shortNames: ['po'], categories: ['all'], verbs: ['get', 'list'], subresources: ['status', 'log'] },
      { group: 'apps', version: 'v1', plural: 'deployments', singular: 'deployment', kind: 'Deployment', namespaced: true, shortNames: [], categories: [], verbs: [], subresources: [] },
    ]);
  });
});
