import { describe, it, expect } from 'vitest';
import { DISCOVERY } from '../describe/testing/discovery-fixture';
import { FakeApiClient } from '../describe/testing/fake-client';
import { categoryMembers, expandCategory, findResource, parseResourceArgs, resolveResource, resolveTypes } from './resolve';

const name = (arg: string) => {
  const r = findResource(DISCOVERY, arg);
  return `${r.group}/${r.version}/${r.plural}`;
};

describe('findResource (kubectl RESTMapper + shortcut expander)', () => {
  it.each([
    ['pods', '/v1/pods'],
    ['pod', '/v1/pods'],
    ['po', '/v1/pods'],
    ['Pod', '/v1/pods'],
    ['PODS', '/v1/pods'],
    ['deploy', 'apps/v1/deployments'],
    ['deployments.apps', 'apps/v1/deployments'],
    ['deploy.apps', 'apps/v1/deployments'],
    ['deployments.v1.apps', 'apps/v1/deployments'],
    ['Deployment', 'apps/v1/deployments'],
    ['hpa', 'autoscaling/v2/horizontalpodautoscalers'],
    ['horizontalpodautoscalers.v1.autoscaling', 'autoscaling/v1/horizontalpodautoscalers'],
    ['hpa.autoscal', 'autoscaling/v2/horizontalpodautoscalers'],
    ['events', '/v1/events'],
    ['ev', '/v1/events'],
    ['events.events.k8s.io', 'events.k8s.io/v1/events'],
    ['ns', '/v1/namespaces'],
  ])('%s → %s', (arg, want) => {
    expect(name(arg)).toBe(want);
  });

  it('reports unknown types with the part before the first dot', () => {
    expect(() => findResource(DISCOVERY, 'foo')).toThrow('the server doesn\'t have a resource type "foo"');
    expect(() => findResource(DISCOVERY, 'foos.example.com')).toThrow('the server doesn\'t have a resource type "foos"');
    expect(() => findResource(DISCOVERY, 'PO')).toThrow('the server doesn\'t have a resource type "PO"');
  });

  it('warns about short names shared across groups, once per resource', () => {
    const warnings: string[] = [];
    expect(findResource(DISCOVERY, 'ev', (m) => warnings.push(m)).group).toBe('');
    expect(findResource(DISCOVERY, 'hpa', (m) => warnings.push(m)).version).toBe('v2');
    expect(warnings).toEqual(['short name "ev" could also match lower priority resource events.events.k8s.io']);
  });

  it('resolves through the client', async () => {
    expect((await resolveResource(new FakeApiClient(), 'svc')).kind).toBe('Service');
  });
});

describe('categories', () => {
  it('expands all in discovery order, one entry per group/resource', async () => {
    expect((await expandCategory(new FakeApiClient(), 'all')).map((r) => r.plural)).toEqual([
      'pods',
      'replicationcontrollers',
      'services',
      'daemonsets',
      'deployments',
      'replicasets',
      'statefulsets',
      'horizontalpodautoscalers',
      'cronjobs',
      'jobs',
    ]);
    expect(categoryMembers(DISCOVERY, 'pods')).toEqual([]);
  });

  it('resolves type lists with categories and drops duplicates', () => {
    expect(resolveTypes(DISCOVERY, ['po', 'pods', 'svc', 'cm']).map((r) => r.plural)).toEqual(['pods', 'services', 'configmaps']);
    expect(resolveTypes(DISCOVERY, ['pods', 'all']).map((r) => r.plural)).toHaveLength(10);
  });
});

describe('parseResourceArgs (cli-runtime builder)', () => {
  it('reads TYPE NAME..., TYPE1,TYPE2 and TYPE/NAME forms', () => {
    expect(parseResourceArgs(['pods'])).toEqual({ types: ['pods'], names: [], tuples: [] });
    expect(parseResourceArgs(['pods,svc,pods'])).toEqual({ types: ['pods', 'svc'], names: [], tuples: [] });
    expect(parseResourceArgs(['pods', 'a', 'b'])).toEqual({ types: ['pods'], names: ['a', 'b'], tuples: [] });
    expect(parseResourceArgs(['pod/a', 'svc/b'])).toEqual({ types: [], names: [], tuples: [{ type: 'pod', name: 'a' }, { type: 'svc', name: 'b' }] });
    expect(parseResourceArgs(['pods,svc', 'x']).tuples).toEqual([
      { type: 'pods', name: 'x' },
      { type: 'svc', name: 'x' },
    ]);
    expect(parseResourceArgs([])).toEqual({ types: [], names: [], tuples: [] });
  });

  it('gives kubectl errors for mixed and malformed forms', () => {
    expect(() => parseResourceArgs(['pods', 'pod/a'])).toThrow(
      "there is no need to specify a resource type as a separate argument when passing arguments in resource/name form (e.g. 'mk get resource/<resource_name>' instead of 'mk get resource resource/<resource_name>'",
    );
    expect(() => parseResourceArgs(['pod/a/b'])).toThrow('arguments in resource/name form may not have more than one slash');
    expect(() => parseResourceArgs(['pod/'])).toThrow('arguments in resource/name form must have a single resource and name');
    expect(() => parseResourceArgs(['pod,svc/a'])).toThrow('arguments in resource/name form must have a single resource and name');
  });
});
