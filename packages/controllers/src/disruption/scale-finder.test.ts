import { describe, expect, it } from 'vitest';
import type { KObject } from '@mk/api';
import type { ApiClient, Lister } from '@mk/client';
import { createScaleFinder } from './scale-finder';

function lister(objs: KObject[]): Lister {
  const byKey = new Map(objs.map((o) => [`${o.metadata!.namespace}/${o.metadata!.name}`, o]));
  return { get: (k) => byKey.get(k), list: () => objs, byNamespace: () => objs, byIndex: () => [] };
}

const obj = (kind: string, name: string, uid: string, replicas: number, owner?: { kind: string; name: string; uid: string }): KObject => ({
  kind,
  metadata: { name, namespace: 'ns', uid, ...(owner ? { ownerReferences: [{ apiVersion: 'apps/v1', ...owner, controller: true }] } : {}) },
  spec: { replicas },
});

const requests: string[] = [];
const client = {
  path: (p: { group: string; version: string; plural: string; namespace?: string; name?: string; subresource?: string }) => `/apis/${p.group}/${p.version}/namespaces/${p.namespace}/${p.plural}/${p.name}/${p.subresource}`,
  request: async (_method: string, path: string) => {
    requests.push(path);
    return { kind: 'Scale', metadata: { uid: 'rs-orphan' }, spec: { replicas: 7 } };
  },
} as unknown as ApiClient;

const find = createScaleFinder({
  client,
  replicationControllers: lister([]),
  replicaSets: lister([obj('ReplicaSet', 'web-1', 'rs-1', 2, { kind: 'Deployment', name: 'web', uid: 'dep-1' }), obj('ReplicaSet', 'solo', 'rs-2', 3), obj('ReplicaSet', 'orphan', 'rs-orphan', 1, { kind: 'Deployment', name: 'gone', uid: 'dep-gone' })]),
  deployments: lister([obj('Deployment', 'web', 'dep-1', 5)]),
  statefulSets: lister([obj('StatefulSet', 'db', 'ss-1', 3)]),
});
const ref = (kind: string, name: string, uid: string, apiVersion = 'apps/v1') => ({ apiVersion, kind, name, uid, controller: true });

describe('createScaleFinder', () => {
  it('resolves a ReplicaSet to its Deployment', async () => {
    expect(await find(ref('ReplicaSet', 'web-1', 'rs-1'), 'ns')).toEqual({ uid: 'dep-1', replicas: 5 });
  });

  it('uses a lone ReplicaSet and a StatefulSet directly', async () => {
    expect(await find(ref('ReplicaSet', 'solo', 'rs-2'), 'ns')).toEqual({ uid: 'rs-2', replicas: 3 });
    expect(await find(ref('StatefulSet', 'db', 'ss-1'), 'ns')).toEqual({ uid: 'ss-1', replicas: 3 });
  });

  it('falls back to the scale subresource when the Deployment of a ReplicaSet is gone', async () => {
    expect(await find(ref('ReplicaSet', 'orphan', 'rs-orphan'), 'ns')).toEqual({ uid: 'rs-orphan', replicas: 7 });
    expect(requests).toEqual(['/apis/apps/v1/namespaces/ns/replicasets/orphan/scale']);
  });

  it('finds no controller when the uid does not match', async () => {
    expect(await find(ref('StatefulSet', 'db', 'other-uid'), 'ns')).toBeUndefined();
  });

  it('fails for kinds without a scale subresource', async () => {
    await expect(find(ref('DaemonSet', 'ds', 'ds-1'), 'ns')).rejects.toThrow('daemonsets.apps does not implement the scale subresource');
    await expect(find(ref('Widget', 'w', 'w-1', 'example.com/v1'), 'ns')).rejects.toThrow('no matches for kind "Widget" in version "example.com/v1"');
  });
});
