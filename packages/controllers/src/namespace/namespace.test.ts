/**
 * The namespace controller against a real API server with fake time: a
 * deleted namespace is emptied, waits (with upstream's conditions) for a pod
 * that stops gracefully on its node, and is finalized once empty — also when
 * it was already Terminating before the controller started.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { defaultTimings } from '@mk/api';
import type { Namespace } from 'kubernetes-types/core/v1';
import { createControllerManager, type ControllerManager } from '../manager';
import { eventually, startTestCluster, type TestCluster } from '../testing/cluster';
import { namespaceController } from './controller';

let cluster: TestCluster;
let manager: ControllerManager;

beforeEach(async () => {
  cluster = await startTestCluster();
  await cluster.client.request('POST', '/api/v1/namespaces', { body: { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'team' } } });
  await cluster.client.request('POST', '/api/v1/namespaces/team/configmaps', { body: { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'settings' }, data: { a: '1' } } });
});

afterEach(async () => {
  await manager?.stop();
  await cluster.close();
});

const start = async () => {
  manager = createControllerManager({ client: cluster.client, timings: defaultTimings, clock: cluster.clock, log: () => undefined, available: [namespaceController] });
  await manager.start();
};
const condition = (ns: Namespace | undefined, type: string) => ns?.status?.conditions?.find((c) => c.type === type);

describe('namespace controller', () => {
  it('empties a deleted namespace, waits for its pods to stop, then finalizes it', async () => {
    const { client, clock } = cluster;
    await cluster.addNode('w1');
    await client.request('POST', '/api/v1/namespaces/team/pods', { body: { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'web' }, spec: { nodeName: 'w1', containers: [{ name: 'web', image: 'nginx' }] } } });
    await client.request('PATCH', '/api/v1/namespaces/team/pods/web/status', { contentType: 'application/merge-patch+json', body: { status: { phase: 'Running' } } });
    await start();

    await client.request('DELETE', '/api/v1/namespaces/team');
    const waiting = await eventually(async () => {
      const ns = await cluster.get<Namespace>('/api/v1/namespaces/team');
      expect(condition(ns, 'NamespaceContentRemaining')).toMatchObject({ status: 'True', reason: 'SomeResourcesRemain', message: 'Some resources are remaining: pods. has 1 resource instances' });
      return ns!;
    });
    expect(waiting.status?.phase).toBe('Terminating');
    expect(waiting.spec?.finalizers).toEqual(['kubernetes']);
    expect(condition(waiting, 'NamespaceDeletionContentFailure')).toMatchObject({ status: 'False', reason: 'ContentDeleted' });
    expect(condition(waiting, 'NamespaceDeletionDiscoveryFailure')).toMatchObject({ status: 'False', reason: 'ResourcesDiscovered' });
    expect(await cluster.get('/api/v1/namespaces/team/configmaps/settings')).toBeUndefined();
    // The bound pod was deleted gracefully: it waits for its node's agent to confirm it stopped.
    expect((await cluster.get<{ metadata: { deletionTimestamp?: string } }>('/api/v1/namespaces/team/pods/web'))?.metadata.deletionTimestamp).toBeDefined();

    // The kubelet's part: the pod has stopped.
    await client.request('DELETE', '/api/v1/namespaces/team/pods/web', { body: { apiVersion: 'v1', kind: 'DeleteOptions', gracePeriodSeconds: 0 } });
    // Half the 30 s grace period plus a second later the controller looks again and finds the namespace empty.
    await clock.advance(16_000);
    await eventually(async () => expect(await cluster.get('/api/v1/namespaces/team')).toBeUndefined());
  });

  it('finishes a namespace that was already Terminating when it started', async () => {
    await cluster.client.request('DELETE', '/api/v1/namespaces/team');
    expect((await cluster.get<Namespace>('/api/v1/namespaces/team'))?.status?.phase).toBe('Terminating');
    await start();
    await eventually(async () => expect(await cluster.get('/api/v1/namespaces/team')).toBeUndefined());
    expect(await cluster.get('/api/v1/namespaces/team/configmaps/settings')).toBeUndefined();
  });
});
