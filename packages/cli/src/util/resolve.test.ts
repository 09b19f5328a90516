import { describe, it, expect } from 'vitest';
import type { DiscoveredResource, DiscoverOptions } from '@mk/client';
import { DISCOVERY } from '../describe/testing/discovery-fixture';
import { FakeApiClient } from '../describe/testing/fake-client';
import {
  categoryMembers,
  discoverForArgs,
  expandCategory,
  findResource,
  lookupResource,
  parseResourceArgs,
  resolveResource,
  resolveTypes,
  typesInArgs,
} from './resolve';

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

/** A client whose disk-cached discovery predates a type the live server now serves. */
class StaleCacheClient {
  freshCalls = 0;
  constructor(
    private readonly cached: DiscoveredResource[],
    private readonly live: DiscoveredResource[],
  ) {}

  async discover(opts: DiscoverOptions = {}): Promise<DiscoveredResource[]> {
    if (!opts.fresh) return this.cached;
    this.freshCalls++;
    return this.live;
  }
}

const WIDGETS: DiscoveredResource = {
  group: 'example.com',
  version: 'v1',
  plural: 'widgets',
  singular: 'widget',
  kind: 'Widget',
  namespaced: true,
  shortNames: ['wd'],
  categories: ['gadgets'],
  verbs: ['get', 'list'],
  subresources: [],
};
const staleCache = () => new StaleCacheClient(DISCOVERY, [...DISCOVERY, WIDGETS]);

describe('stale discovery cache (kubectl\'s deferred mapper retries once, fresh)', () => {
  it('resolves a type missing from the cache through one live discovery', async () => {
    const client = staleCache();
    expect((await resolveResource(client, 'wd')).kind).toBe('Widget');
    expect(client.freshCalls).toBe(1);
  });

  it('keeps using the cache when it knows the type', async () => {
    const client = staleCache();
    expect((await resolveResource(client, 'deploy')).kind).toBe('Deployment');
    expect(await discoverForArgs(client, ['pod/a', 'svc/b'])).toBe(DISCOVERY);
    expect(await discoverForArgs(client, ['all'])).toBe(DISCOVERY);
    expect(client.freshCalls).toBe(0);
  });

  it('still fails with kubectl\'s message when the live server lacks the type too', async () => {
    const client = staleCache();
    await expect(resolveResource(client, 'gizmos.example.com')).rejects.toThrow('the server doesn\'t have a resource type "gizmos"');
    expect(client.freshCalls).toBe(1);
  });

  it('checks every type and category the arguments name', async () => {
    const list = await discoverForArgs(staleCache(), ['pods,widgets', 'x']);
    expect(findResource(list, 'widgets').kind).toBe('Widget');
    const byTuple = staleCache();
    await discoverForArgs(byTuple, ['pod/a', 'widget/b']);
    expect(byTuple.freshCalls).toBe(1);
    expect((await expandCategory(staleCache(), 'gadgets')).map((r) => r.plural)).toEqual(['widgets']);
  });

  it('leaves malformed arguments to the command, using the cache', async () => {
    expect(typesInArgs(['pods', 'pod/a'])).toEqual([]);
    expect(typesInArgs(['po,svc,po', 'a'])).toEqual(['po', 'svc']);
    expect(typesInArgs(['po/a', 'deploy/b', 'po/c'])).toEqual(['po', 'deploy']);
    const client = staleCache();
    expect(await discoverForArgs(client, ['pods', 'pod/a'])).toBe(DISCOVERY);
    expect(client.freshCalls).toBe(0);
  });

  it('looks up without throwing', () => {
    expect(lookupResource(DISCOVERY, 'widgets')).toBeUndefined();
    expect(lookupResource(DISCOVERY, 'po')?.kind).toBe('Pod');
  });
});
