/**
 * The garbage collector against a real API server: background, foreground
 * and orphan propagation down a deployment → replica set → pods chain built
 * by hand (no workload controllers run here), partial owners, owners
 * re-created under the same name, owners gone before the collector started,
 * and references across namespaces.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { defaultTimings, type KObject, type OwnerReference } from '@mk/api';
import { createControllerManager, type ControllerManager } from '../manager';
import { eventually, startTestCluster, type TestCluster } from '../testing/cluster';
import { garbageCollectorController } from './controller';

let cluster: TestCluster;
let manager: ControllerManager;

beforeEach(async () => {
  cluster = await startTestCluster();
});

afterEach(async () => {
  await manager?.stop();
  await cluster.close();
});

const startCollector = async () => {
  manager = createControllerManager({ client: cluster.client, timings: defaultTimings, clock: cluster.clock, log: () => undefined, available: [garbageCollectorController] });
  await manager.start();
};
/** Gives reconciles a moment of real time, before checking that something did NOT happen. */
const letInFlightWorkFinish = () => new Promise((resolve) => setTimeout(resolve, 300));

const DEPLOYMENTS = '/apis/apps/v1/namespaces/default/deployments';
const REPLICA_SETS = '/apis/apps/v1/namespaces/default/replicasets';
const PODS = '/api/v1/namespaces/default/pods';
const configMaps = (ns = 'default') => `/api/v1/namespaces/${ns}/configmaps`;

const create = (path: string, body: object) => cluster.client.request<KObject>('POST', path, { body });
const remove = (path: string, propagationPolicy: string) => cluster.client.request('DELETE', path, { body: { apiVersion: 'v1', kind: 'DeleteOptions', propagationPolicy } });
const ownedBy = (owner: KObject, extra: Partial<OwnerReference> = {}): OwnerReference => ({
  apiVersion: owner.apiVersion!,
  kind: owner.kind!,
  name: owner.metadata!.name!,
  uid: owner.metadata!.uid!,
  controller: true,
  blockOwnerDeletion: true,
  ...extra,
});
const template = { metadata: { labels: { app: 'web' } }, spec: { containers: [{ name: 'web', image: 'nginx' }] } };

/** deployment web → replica set web-1 → pods web-1-a, web-1-b (plus any extra pod specs). */
async function workloadChain(extraPods: { name: string; finalizers?: string[]; blockOwnerDeletion?: boolean }[] = []) {
  const deployment = await create(DEPLOYMENTS, { apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'web' }, spec: { selector: { matchLabels: { app: 'web' } }, template } });
  const rs = await create(REPLICA_SETS, {
    apiVersion: 'apps/v1',
    kind: 'ReplicaSet',
    metadata: { name: 'web-1', labels: { app: 'web' }, ownerReferences: [ownedBy(deployment)] },
    spec: { replicas: 2, selector: { matchLabels: { app: 'web' } }, template },
  });
  for (const p of [{ name: 'web-1-a' }, { name: 'web-1-b' }, ...extraPods]) {
    await create(PODS, {
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: { name: p.name, labels: { app: 'web' }, ownerReferences: [ownedBy(rs, { blockOwnerDeletion: p.blockOwnerDeletion ?? true })], ...(p.finalizers ? { finalizers: p.finalizers } : {}) },
      spec: template.spec,
    });
  }
  return { deployment, rs };
}

describe('garbage collector', () => {
  it('background: deleting a deployment takes its replica sets and their pods with it', async () => {
    await workloadChain();
    await create(configMaps(), { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'unrelated' } });
    await startCollector();

    await remove(`${DEPLOYMENTS}/web`, 'Background');
    await eventually(async () => {
      expect(await cluster.get(`${REPLICA_SETS}/web-1`)).toBeUndefined();
      expect(await cluster.get(`${PODS}/web-1-a`)).toBeUndefined();
      expect(await cluster.get(`${PODS}/web-1-b`)).toBeUndefined();
    });
    expect(await cluster.get(`${configMaps()}/unrelated`)).toBeDefined();
  });

  it('foreground: the owners stay, with the finalizer, until their blocking dependents are gone', async () => {
    await workloadChain([{ name: 'held', finalizers: ['example.com/hold'] }]);
    await startCollector();

    await remove(`${DEPLOYMENTS}/web`, 'Foreground');
    await eventually(async () => {
      expect(await cluster.get(`${PODS}/web-1-a`)).toBeUndefined();
      expect(await cluster.get(`${PODS}/web-1-b`)).toBeUndefined();
      expect((await cluster.get<KObject>(`${PODS}/held`))?.metadata?.deletionTimestamp).toBeDefined();
    });
    await letInFlightWorkFinish();
    const rs = await cluster.get<KObject>(`${REPLICA_SETS}/web-1`);
    expect(rs?.metadata).toMatchObject({ finalizers: ['foregroundDeletion'] });
    expect(rs?.metadata?.deletionTimestamp).toBeDefined();
    expect((await cluster.get<KObject>(`${DEPLOYMENTS}/web`))?.metadata?.finalizers).toEqual(['foregroundDeletion']);

    // The last blocking dependent goes: the replica set, then the deployment follow.
    await cluster.client.request('PATCH', `${PODS}/held`, { contentType: 'application/merge-patch+json', body: { metadata: { finalizers: null } } });
    await eventually(async () => {
      expect(await cluster.get(`${PODS}/held`)).toBeUndefined();
      expect(await cluster.get(`${REPLICA_SETS}/web-1`)).toBeUndefined();
      expect(await cluster.get(`${DEPLOYMENTS}/web`)).toBeUndefined();
    });
  });

  it('foreground: a dependent that does not block is deleted without being waited for', async () => {
    await workloadChain([{ name: 'loose', finalizers: ['example.com/hold'], blockOwnerDeletion: false }]);
    await startCollector();

    await remove(`${REPLICA_SETS}/web-1`, 'Foreground');
    await eventually(async () => expect(await cluster.get(`${REPLICA_SETS}/web-1`)).toBeUndefined());
    expect((await cluster.get<KObject>(`${PODS}/loose`))?.metadata?.deletionTimestamp).toBeDefined();
    expect(await cluster.get(`${DEPLOYMENTS}/web`)).toBeDefined();
  });

  it('orphan: the dependents keep living without the reference', async () => {
    await workloadChain();
    await startCollector();

    await remove(`${REPLICA_SETS}/web-1`, 'Orphan');
    await eventually(async () => expect(await cluster.get(`${REPLICA_SETS}/web-1`)).toBeUndefined());
    for (const name of ['web-1-a', 'web-1-b']) {
      const pod = await cluster.get<KObject>(`${PODS}/${name}`);
      expect(pod?.metadata?.deletionTimestamp).toBeUndefined();
      expect(pod?.metadata?.ownerReferences ?? []).toEqual([]);
    }
    expect(await cluster.get(`${DEPLOYMENTS}/web`)).toBeDefined();
  });

  it('keeps a dependent that still has an owner, dropping only the reference to the one gone', async () => {
    const a = await create(configMaps(), { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'owner-a' } });
    const b = await create(configMaps(), { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'owner-b' } });
    await create(configMaps(), { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'shared', ownerReferences: [ownedBy(a, { controller: false }), ownedBy(b, { controller: false })] } });
    await startCollector();

    await remove(`${configMaps()}/owner-a`, 'Background');
    await eventually(async () => {
      const shared = await cluster.get<KObject>(`${configMaps()}/shared`);
      expect(shared?.metadata?.ownerReferences?.map((r) => r.name)).toEqual(['owner-b']);
    });
  });

  it('deletes a dependent whose owner was re-created under the same name, and one whose owner was gone before it started', async () => {
    const owner = await create(configMaps(), { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'owner' } });
    await create(configMaps(), { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'child', ownerReferences: [ownedBy(owner)] } });
    await create(configMaps(), {
      apiVersion: 'v1',
      kind: 'ConfigMap',
      metadata: { name: 'stray', ownerReferences: [{ apiVersion: 'apps/v1', kind: 'ReplicaSet', name: 'never', uid: '00000000-0000-0000-0000-000000000000' }] },
    });
    await startCollector();
    await eventually(async () => expect(await cluster.get(`${configMaps()}/stray`)).toBeUndefined());

    await cluster.client.request('DELETE', `${configMaps()}/owner`);
    await create(configMaps(), { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'owner' } });
    await eventually(async () => expect(await cluster.get(`${configMaps()}/child`)).toBeUndefined());
    expect(await cluster.get(`${configMaps()}/owner`)).toBeDefined();
  });

  it('reports a reference to an owner in another namespace and treats that owner as absent', async () => {
    for (const name of ['a', 'b']) await create('/api/v1/namespaces', { apiVersion: 'v1', kind: 'Namespace', metadata: { name } });
    const owner = await create(configMaps('a'), { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'owner' } });
    await startCollector();

    const stranger = await create(configMaps('b'), { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'stranger', ownerReferences: [ownedBy(owner)] } });
    await eventually(async () => expect(await cluster.get(`${configMaps('b')}/stranger`)).toBeUndefined());
    expect(await cluster.get(`${configMaps('a')}/owner`)).toBeDefined();
    const event = await eventually(async () => {
      const list = await cluster.client.request<{ items: KObject[] }>('GET', '/api/v1/namespaces/b/events');
      const found = list.items.find((e) => e.reason === 'OwnerRefInvalidNamespace');
      expect(found).toBeDefined();
      return found!;
    });
    expect(event).toMatchObject({
      type: 'Warning',
      involvedObject: { kind: 'ConfigMap', namespace: 'b', name: 'stranger', uid: stranger.metadata!.uid },
      message: `ownerRef [v1/ConfigMap, namespace: b, name: owner, uid: ${owner.metadata!.uid}] does not resolve to a parent with matching namespace`,
      source: { component: 'garbage-collector-controller' },
    });
  });
});
