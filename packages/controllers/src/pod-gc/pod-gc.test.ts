/**
 * The pod garbage collector against a real API server with fake time: pods
 * bound to a node that is deleted are marked Failed with DisruptionTarget and
 * force-deleted once the 40 s quarantine is over — not before.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { defaultTimings } from '@mk/api';
import { createInformerFactory, type InformerFactory } from '@mk/client';
import type { Pod } from 'kubernetes-types/core/v1';
import { createControllerManager, type ControllerManager } from '../manager';
import { NODES } from '../framework/resources';
import { eventually, startTestCluster, type TestCluster } from '../testing/cluster';
import { podGarbageCollectorController } from './controller';

let cluster: TestCluster;
let manager: ControllerManager;
let informers: InformerFactory;

beforeEach(async () => {
  cluster = await startTestCluster();
  informers = createInformerFactory(cluster.client, { clock: cluster.clock });
});

afterEach(async () => {
  await manager?.stop();
  informers.stop();
  await cluster.close();
});

const podPath = (name: string) => `/api/v1/namespaces/default/pods/${name}`;
/** Gives reconciles started by the last step a moment of real time, before checking that something did NOT happen. */
const letInFlightWorkFinish = () => new Promise((resolve) => setTimeout(resolve, 200));

describe('pod garbage collector', () => {
  it('force-deletes the pods of a deleted node after the quarantine', async () => {
    const { client, clock } = cluster;
    await cluster.addNode('w1');
    await cluster.addNode('w2');
    await cluster.addPod('lost', 'w1');
    await cluster.addPod('safe', 'w2');
    // A finalizer keeps this one visible after its deletion, to show what the collector wrote first.
    await client.request('POST', '/api/v1/namespaces/default/pods', {
      body: { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'held', finalizers: ['example.com/hold'] }, spec: { nodeName: 'w1', containers: [{ name: 'c', image: 'nginx' }] } },
    });
    await client.request('PATCH', `${podPath('held')}/status`, { contentType: 'application/merge-patch+json', body: { status: { phase: 'Running' } } });

    manager = createControllerManager({ client, timings: defaultTimings, clock, informerFactory: informers, log: () => undefined, available: [podGarbageCollectorController] });
    await manager.start();
    await client.request('DELETE', '/api/v1/nodes/w1');
    await eventually(() => expect(informers.informerFor(NODES).lister.get('w1')).toBeUndefined());
    await letInFlightWorkFinish();

    await clock.advance(39_000);
    await letInFlightWorkFinish();
    expect(await cluster.get(podPath('lost'))).toBeDefined();
    expect((await cluster.get<Pod>(podPath('held')))?.metadata?.deletionTimestamp).toBeUndefined();

    await clock.advance(1_000);
    await eventually(async () => expect(await cluster.get(podPath('lost'))).toBeUndefined());
    const held = await eventually(async () => {
      const pod = (await cluster.get<Pod>(podPath('held')))!;
      expect(pod.metadata?.deletionTimestamp).toBeDefined();
      return pod;
    });
    expect(held.metadata?.deletionGracePeriodSeconds).toBe(0);
    expect(held.status?.phase).toBe('Failed');
    expect(held.status?.conditions?.find((c) => c.type === 'DisruptionTarget')).toEqual({
      type: 'DisruptionTarget',
      status: 'True',
      reason: 'DeletionByPodGC',
      message: 'PodGC: node no longer exists',
      lastTransitionTime: '2026-01-01T00:00:40Z',
    });
    expect(await cluster.get(podPath('safe'))).toBeDefined();
  });
});
