/**
 * The disruption controller against a real API server: PDB status follows the
 * pods and their controller's scale, and the eviction API (what `drain` uses)
 * lets exactly disruptionsAllowed pods go.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { defaultTimings, type KObject } from '@mk/api';
import { isApiError } from '@mk/client';
import type { PodDisruptionBudget } from 'kubernetes-types/policy/v1';
import { createControllerManager, type ControllerManager } from '../manager';
import { eventually, startTestCluster, type TestCluster } from '../testing/cluster';

let cluster: TestCluster;
let manager: ControllerManager;

beforeEach(async () => {
  cluster = await startTestCluster();
  await cluster.addNode('w1');
});

afterEach(async () => {
  await manager?.stop();
  await cluster.close();
});

const pdbPath = '/apis/policy/v1/namespaces/default/poddisruptionbudgets/web';
const evict = (name: string) =>
  cluster.client.request('POST', `/api/v1/namespaces/default/pods/${name}/eviction`, { body: { apiVersion: 'policy/v1', kind: 'Eviction', metadata: { name, namespace: 'default' } } });

async function replicaSet(replicas: number): Promise<KObject> {
  return cluster.client.request<KObject>('POST', '/apis/apps/v1/namespaces/default/replicasets', {
    body: {
      apiVersion: 'apps/v1',
      kind: 'ReplicaSet',
      metadata: { name: 'web-1' },
      spec: { replicas, selector: { matchLabels: { app: 'web' } }, template: { metadata: { labels: { app: 'web' } }, spec: { containers: [{ name: 'web', image: 'nginx' }] } } },
    },
  });
}

describe('disruption controller', () => {
  it('computes the budget from the controller scale and lets eviction spend it', async () => {
    const { client, clock } = cluster;
    const rs = await replicaSet(4);
    const owner = [{ apiVersion: 'apps/v1', kind: 'ReplicaSet', name: 'web-1', uid: rs.metadata!.uid, controller: true }];
    for (const name of ['web-a', 'web-b', 'web-c']) await cluster.addPod(name, 'w1', { ownerReferences: owner });
    await client.request('POST', '/apis/policy/v1/namespaces/default/poddisruptionbudgets', {
      body: { apiVersion: 'policy/v1', kind: 'PodDisruptionBudget', metadata: { name: 'web' }, spec: { maxUnavailable: '50%', selector: { matchLabels: { app: 'web' } } } },
    });

    manager = createControllerManager({ client, timings: defaultTimings, clock, controllers: ['disruption-controller'], log: () => undefined });
    await manager.start();

    // 4 replicas expected (one pod missing), at most 2 unavailable: 2 must stay healthy, 3 are, so 1 may go.
    await eventually(async () => {
      const pdb = await client.request<PodDisruptionBudget>('GET', pdbPath);
      expect(pdb.status).toMatchObject({ expectedPods: 4, desiredHealthy: 2, currentHealthy: 3, disruptionsAllowed: 1, observedGeneration: 1 });
      expect(pdb.status!.conditions).toEqual([{ type: 'DisruptionAllowed', status: 'True', reason: 'SufficientPods', message: '', observedGeneration: 1, lastTransitionTime: '2026-01-01T00:00:00Z' }]);
    });

    await evict('web-a');
    const err = await evict('web-b').catch((e: unknown) => e);
    expect(isApiError(err) && err.status.code).toBe(429);

    // The evicted pod is Terminating: not healthy, so the budget is now exhausted.
    await eventually(async () => {
      const pdb = await client.request<PodDisruptionBudget>('GET', pdbPath);
      // The eviction API recorded web-a in disruptedPods; once it is seen Terminating the entry is dropped.
      expect(pdb.status).toMatchObject({ currentHealthy: 2, disruptionsAllowed: 0 });
      expect(pdb.status!.disruptedPods).toBeUndefined();
      expect(pdb.status!.conditions![0]).toMatchObject({ status: 'False', reason: 'InsufficientPods' });
    });
  }, 30_000);

  it('closes the budget with SyncFailed when a pod controller cannot be found', async () => {
    const { client, clock } = cluster;
    await cluster.addPod('orphan', 'w1', { ownerReferences: [{ apiVersion: 'apps/v1', kind: 'ReplicaSet', name: 'gone', uid: 'no-such-uid', controller: true }] });
    await client.request('POST', '/apis/policy/v1/namespaces/default/poddisruptionbudgets', {
      body: { apiVersion: 'policy/v1', kind: 'PodDisruptionBudget', metadata: { name: 'web' }, spec: { maxUnavailable: 1, selector: { matchLabels: { app: 'web' } } } },
    });
    manager = createControllerManager({ client, timings: defaultTimings, clock, controllers: ['disruption-controller'], log: () => undefined });
    await manager.start();
    await eventually(async () => {
      const pdb = await client.request<PodDisruptionBudget>('GET', pdbPath);
      expect(pdb.status).toMatchObject({ disruptionsAllowed: 0 });
      expect(pdb.status!.conditions![0]).toMatchObject({ type: 'DisruptionAllowed', status: 'False', reason: 'SyncFailed', message: 'found no controllers for pod "orphan"' });
    });
  }, 30_000);
});
