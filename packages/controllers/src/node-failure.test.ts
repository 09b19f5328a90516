/**
 * Node failure end to end against a real API server, time driven by a
 * FakeClock: a node whose Lease goes silent becomes Unknown and unreachable,
 * its pods are marked not ready and deleted as their tolerations allow, stay
 * Terminating while the node is away, and the taints go when it returns.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { defaultTimings } from '@mk/api';
import type { Node, Pod } from 'kubernetes-types/core/v1';
import { createControllerManager, type ControllerManager } from './manager';
import { eventually, startTestCluster, type TestCluster } from './testing/cluster';

let cluster: TestCluster;
let manager: ControllerManager;

beforeEach(async () => {
  cluster = await startTestCluster();
});

afterEach(async () => {
  await manager?.stop();
  await cluster.close();
});

const podPath = (name: string) => `/api/v1/namespaces/default/pods/${name}`;
const condition = (obj: Node | Pod | undefined, type: string) => (obj?.status?.conditions as { type: string; status: string; reason?: string }[] | undefined)?.find((c) => c.type === type);

/** Gives reconciles started by the last clock step a moment of real time, before checking that something did NOT happen. */
const letInFlightWorkFinish = () => new Promise((resolve) => setTimeout(resolve, 200));

/** Advances fake time in kubelet-sized steps, renewing the leases of the nodes still alive. */
async function advance(ms: number, alive: string[]): Promise<void> {
  for (let left = ms; left > 0; left -= 5_000) {
    for (const name of alive) await cluster.renewLease(name);
    await cluster.clock.advance(Math.min(5_000, left));
  }
}

describe('node failure', () => {
  it('marks a silent node Unknown, taints it, evicts its pods as tolerated and keeps them Terminating', async () => {
    const { clock, client } = cluster;
    await cluster.addNode('w1');
    await cluster.addNode('w2');
    await cluster.addPod('quick', 'w1', { tolerations: [{ key: 'node.kubernetes.io/unreachable', operator: 'Exists', effect: 'NoExecute', tolerationSeconds: 0 }] });
    await cluster.addPod('patient', 'w1'); // admission adds the default 300 s tolerations
    await cluster.addPod('forever', 'w1', { tolerations: [{ key: 'node.kubernetes.io/unreachable', operator: 'Exists', effect: 'NoExecute' }] });
    await cluster.addPod('elsewhere', 'w2');

    manager = createControllerManager({ client, timings: defaultTimings, clock, log: () => undefined });
    await manager.start();

    // w1's kubelet goes silent at t=0; w2 keeps renewing. 45 s > the 40 s grace period.
    await advance(45_000, ['w2']);

    const w1 = await eventually(async () => {
      const node = (await cluster.get<Node>('/api/v1/nodes/w1'))!;
      expect(condition(node, 'Ready')).toMatchObject({ status: 'Unknown', reason: 'NodeStatusUnknown', message: 'Kubelet stopped posting node status.' });
      expect(node.spec?.taints?.map((t) => `${t.key}:${t.effect}`)).toEqual(['node.kubernetes.io/unreachable:NoSchedule', 'node.kubernetes.io/unreachable:NoExecute']);
      return node;
    });
    const taintedAt = Date.parse(w1.spec!.taints![1].timeAdded!);
    expect(taintedAt).toBe(Date.parse('2026-01-01T00:00:45Z'));
    expect(condition((await cluster.get<Node>('/api/v1/nodes/w2'))!, 'Ready')?.status).toBe('True');

    // The pod tolerating 0 s is deleted at once; deletion of a bound pod is graceful, so it stays, Terminating.
    const quick = await eventually(async () => {
      const pod = (await cluster.get<Pod>(podPath('quick')))!;
      expect(pod.metadata?.deletionTimestamp).toBeDefined();
      return pod;
    });
    expect(condition(quick, 'DisruptionTarget')).toMatchObject({ status: 'True', reason: 'DeletionByTaintManager' });
    await eventually(async () => {
      for (const name of ['patient', 'forever']) expect(condition(await cluster.get<Pod>(podPath(name)), 'Ready')?.status).toBe('False');
    });
    const patient = (await cluster.get<Pod>(podPath('patient')))!;
    expect(patient.metadata?.deletionTimestamp).toBeUndefined();
    expect(condition(await cluster.get<Pod>(podPath('elsewhere')), 'Ready')?.status).toBe('True');

    // One second before its 300 s are up the patient pod is still there; at 300 s it is deleted.
    await advance(taintedAt + 299_000 - clock.now().getTime(), ['w2']);
    await letInFlightWorkFinish();
    expect((await cluster.get<Pod>(podPath('patient')))!.metadata?.deletionTimestamp).toBeUndefined();
    await advance(1_000, ['w2']);
    await eventually(async () => expect((await cluster.get<Pod>(podPath('patient')))!.metadata?.deletionTimestamp).toBeDefined());

    // Nobody forces them: long after their grace periods the pods are still Terminating, waiting for w1's agent.
    await advance(600_000, ['w2']);
    for (const name of ['quick', 'patient']) expect((await cluster.get<Pod>(podPath(name)))?.metadata?.deletionTimestamp).toBeDefined();
    expect((await cluster.get<Pod>(podPath('forever')))?.metadata?.deletionTimestamp).toBeUndefined();

    const events = await eventually(async () => {
      const list = await client.request<{ items: { reason: string; message: string; source: { component: string }; involvedObject: { kind: string; name: string } }[] }>('GET', '/api/v1/events');
      const seen = list.items.map((e) => `${e.source.component} ${e.involvedObject.kind}/${e.involvedObject.name} ${e.reason}: ${e.message}`);
      expect(seen).toEqual(
        expect.arrayContaining([
          'node-controller Node/w1 RegisteredNode: Node w1 event: Registered Node w1 in Controller',
          'node-controller Node/w1 NodeNotReady: Node w1 status is now: NodeNotReady',
          'node-controller Pod/patient NodeNotReady: Node is not ready',
          'taint-eviction-controller Pod/quick TaintManagerEviction: Marking for deletion Pod default/quick',
          'taint-eviction-controller Pod/patient TaintManagerEviction: Marking for deletion Pod default/patient',
        ]),
      );
      return seen;
    });
    expect(events.filter((e) => e.includes('Marking for deletion Pod default/forever'))).toEqual([]);

    // w1 comes back: its taints go; finishing the Terminating pods is its agent's job.
    await cluster.renewLease('w1');
    await cluster.postReady('w1');
    await eventually(async () => expect((await cluster.get<Node>('/api/v1/nodes/w1'))!.spec?.taints ?? []).toEqual([]));
    await client.request('DELETE', podPath('quick'), { body: { apiVersion: 'v1', kind: 'DeleteOptions', gracePeriodSeconds: 0 } });
    expect(await cluster.get(podPath('quick'))).toBeUndefined();
  }, 60_000);

  it('taints a cordoned node unschedulable and untaints it when uncordoned', async () => {
    const { clock, client } = cluster;
    await cluster.addNode('w1');
    manager = createControllerManager({ client, timings: defaultTimings, clock, controllers: ['node-lifecycle-controller'], log: () => undefined });
    await manager.start();
    const merge = { contentType: 'application/merge-patch+json' };
    await client.request('PATCH', '/api/v1/nodes/w1', { ...merge, body: { spec: { unschedulable: true } } });
    await eventually(async () =>
      expect((await cluster.get<Node>('/api/v1/nodes/w1'))!.spec?.taints).toEqual([{ key: 'node.kubernetes.io/unschedulable', effect: 'NoSchedule', timeAdded: '2026-01-01T00:00:00Z' }]),
    );
    await client.request('PATCH', '/api/v1/nodes/w1', { ...merge, body: { spec: { unschedulable: null } } });
    await eventually(async () => expect((await cluster.get<Node>('/api/v1/nodes/w1'))!.spec?.taints ?? []).toEqual([]));
  }, 30_000);

  it('does not taint or evict when every node went silent (master disruption mode)', async () => {
    const { clock, client } = cluster;
    await cluster.addNode('w1');
    await cluster.addPod('quick', 'w1', { tolerations: [{ key: 'node.kubernetes.io/unreachable', operator: 'Exists', effect: 'NoExecute', tolerationSeconds: 0 }] });
    manager = createControllerManager({ client, timings: defaultTimings, clock, log: () => undefined });
    await manager.start();
    await advance(45_000, []);
    await eventually(async () => {
      const node = (await cluster.get<Node>('/api/v1/nodes/w1'))!;
      expect(condition(node, 'Ready')?.status).toBe('Unknown');
      expect(node.spec?.taints?.map((t) => `${t.key}:${t.effect}`)).toEqual(['node.kubernetes.io/unreachable:NoSchedule']);
    });
    await advance(10_000, []);
    await letInFlightWorkFinish();
    expect((await cluster.get<Pod>(podPath('quick')))!.metadata?.deletionTimestamp).toBeUndefined();
  }, 30_000);
});
