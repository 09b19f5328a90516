/**
 * The scheduler against an in-process API server: real informers, bindings,
 * events and status patches. Time-driven behaviour (backoff) runs on a
 * FakeClock advanced by the test; waits poll the API until a condition holds.
 */
import type { AddressInfo } from 'node:net';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FakeClock } from '@mk/api';
import { createApiServer } from '@mk/apiserver';
import { createClient, type ApiClient } from '@mk/client';
import { openSqliteStore } from '@mk/store';
import type { FastifyInstance } from 'fastify';
import type { Event, Node, Pod } from 'kubernetes-types/core/v1';
import { createScheduler, type Scheduler } from './scheduler';
import { makeNode, makePod } from './testing/builders';

const CONTROL_PLANE_TAINT = { key: 'node-role.kubernetes.io/control-plane', effect: 'NoSchedule' };
const BACKOFF = { podInitialBackoffMs: 1000, podMaxBackoffMs: 10_000 };

let app: FastifyInstance;
let client: ApiClient;
let clock: FakeClock;
let scheduler: Scheduler;

beforeEach(async () => {
  const store = openSqliteStore(':memory:');
  app = await createApiServer({ store });
  app.addHook('onClose', async () => store.close());
  await app.listen({ host: '127.0.0.1', port: 0 });
  client = createClient({ server: `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`, namespace: 'default' });
  clock = new FakeClock(new Date());
  scheduler = createScheduler({ client, timings: BACKOFF, clock, log: () => {} });
});

afterEach(async () => {
  await scheduler.stop();
  await app.close();
});

/** Polls until check() returns a value (not undefined/false), for at most 20 s of real time. */
async function waitFor<T>(what: string, check: () => Promise<T | undefined | false>): Promise<T> {
  const deadline = Date.now() + 20_000;
  for (;;) {
    const v = await check();
    if (v !== undefined && v !== false) return v;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

async function createNodes(nodes: Node[]): Promise<void> {
  for (const n of nodes) await client.request('POST', '/api/v1/nodes', { body: n });
}

async function createPod(pod: Pod): Promise<void> {
  const { uid: _uid, ...metadata } = pod.metadata!;
  await client.request('POST', '/api/v1/namespaces/default/pods', { body: { ...pod, metadata, status: undefined } });
}

async function listPods(): Promise<Pod[]> {
  return (await client.request<{ items: Pod[] }>('GET', '/api/v1/namespaces/default/pods')).items;
}

async function getPod(name: string): Promise<Pod> {
  return client.request<Pod>('GET', `/api/v1/namespaces/default/pods/${name}`);
}

async function eventsFor(name: string, reason: string): Promise<Event[]> {
  const events = (await client.request<{ items: Event[] }>('GET', '/api/v1/namespaces/default/events')).items;
  return events.filter((e) => e.involvedObject.name === name && e.reason === reason);
}

function threeNodes(worker: Parameters<typeof makeNode>[1] = {}): Node[] {
  return [makeNode('mk-control-plane', { taints: [CONTROL_PLANE_TAINT] }), makeNode('mk-worker', worker), makeNode('mk-worker2', worker)];
}

describe('scheduler (integration)', { timeout: 30_000 }, () => {
  it('binds 30 pods created at once, spread over the untainted nodes', async () => {
    await createNodes(threeNodes());
    await scheduler.start();
    await Promise.all(Array.from({ length: 30 }, (_, i) => createPod(makePod(`web-${i + 1}`, { cpu: '100m', memory: '128Mi' }))));

    const pods = await waitFor('all pods bound', async () => {
      const list = await listPods();
      return list.length === 30 && list.every((p) => p.spec?.nodeName) && list;
    });
    const perNode = new Map<string, number>();
    for (const p of pods) perNode.set(p.spec!.nodeName!, (perNode.get(p.spec!.nodeName!) ?? 0) + 1);
    expect(perNode.has('mk-control-plane')).toBe(false);
    expect(Math.abs((perNode.get('mk-worker') ?? 0) - (perNode.get('mk-worker2') ?? 0))).toBeLessThanOrEqual(2);

    const web1 = pods.find((p) => p.metadata!.name === 'web-1')!;
    const [scheduled] = await waitFor('Scheduled event', async () => (await eventsFor('web-1', 'Scheduled')).length > 0 && eventsFor('web-1', 'Scheduled'));
    expect(scheduled.type).toBe('Normal');
    expect(scheduled.source?.component).toBe('default-scheduler');
    expect(scheduled.message).toBe(`Successfully assigned default/web-1 to ${web1.spec!.nodeName}`);
  });

  it('respects pod capacity when many pods arrive at once (assume before bind)', async () => {
    await createNodes(threeNodes({ pods: '10' }));
    await scheduler.start();
    await Promise.all(Array.from({ length: 25 }, (_, i) => createPod(makePod(`p-${i}`))));
    await waitFor('20 bound and 5 reported unschedulable', async () => {
      const list = await listPods();
      const bound = list.filter((p) => p.spec?.nodeName).length;
      const failed = list.filter((p) => p.status?.conditions?.some((c) => c.type === 'PodScheduled' && c.status === 'False')).length;
      return bound === 20 && failed === 5;
    });
    const pending = (await listPods()).find((p) => !p.spec?.nodeName)!;
    const condition = pending.status!.conditions!.find((c) => c.type === 'PodScheduled')!;
    expect(condition.message).toBe(
      '0/3 nodes are available: 1 node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }, 2 Too many pods. preemption: 0/3 nodes are available: 1 Preemption is not helpful for scheduling, 2 No preemption victims found for incoming pod..',
    );
  });

  it('leaves a pod no node selects Pending with upstream FailedScheduling, then schedules it once a node is labelled', async () => {
    await createNodes(threeNodes());
    await scheduler.start();
    await createPod(makePod('picky', { spec: { nodeSelector: { disk: 'ssd' } } }));

    const expected =
      "0/3 nodes are available: 1 node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }, 2 node(s) didn't match Pod's node affinity/selector. preemption: 0/3 nodes are available: 3 Preemption is not helpful for scheduling..";
    const [event] = await waitFor('FailedScheduling event', async () => (await eventsFor('picky', 'FailedScheduling')).length > 0 && eventsFor('picky', 'FailedScheduling'));
    expect(event.type).toBe('Warning');
    expect(event.source?.component).toBe('default-scheduler');
    expect(event.message).toBe(expected);
    const condition = await waitFor('PodScheduled=False', async () => (await getPod('picky')).status?.conditions?.find((c) => c.type === 'PodScheduled'));
    expect(condition).toMatchObject({ status: 'False', reason: 'Unschedulable', message: expected });
    expect((await getPod('picky')).spec?.nodeName).toBeUndefined();

    await client.request('PATCH', '/api/v1/nodes/mk-worker2', { body: JSON.stringify({ metadata: { labels: { disk: 'ssd' } } }), contentType: 'application/merge-patch+json' });
    // The label change moves the pod out of the unschedulable pool into backoff; its backoff runs on the fake clock.
    await waitFor('pod requeued', async () => {
      await clock.advance(BACKOFF.podMaxBackoffMs);
      return (await getPod('picky')).spec?.nodeName;
    });
    expect((await getPod('picky')).spec?.nodeName).toBe('mk-worker2');
  });

  it('fits pods to free cpu and schedules a waiting pod when room is freed', async () => {
    await createNodes(threeNodes({ cpu: '4' }));
    await scheduler.start();
    for (const name of ['big-1', 'big-2', 'big-3']) await createPod(makePod(name, { cpu: '3' }));

    const waiting = await waitFor('two bound, one failed', async () => {
      const list = await listPods();
      const unbound = list.filter((p) => !p.spec?.nodeName);
      const failed = unbound.find((p) => p.status?.conditions?.some((c) => c.type === 'PodScheduled' && c.reason === 'Unschedulable'));
      return list.length - unbound.length === 2 && unbound.length === 1 && failed;
    });
    expect(waiting.status!.conditions!.find((c) => c.type === 'PodScheduled')!.message).toBe(
      '0/3 nodes are available: 1 node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }, 2 Insufficient cpu. preemption: 0/3 nodes are available: 1 Preemption is not helpful for scheduling, 2 No preemption victims found for incoming pod..',
    );
    const bound = (await listPods()).filter((p) => p.spec?.nodeName);
    expect(new Set(bound.map((p) => p.spec!.nodeName))).toEqual(new Set(['mk-worker', 'mk-worker2']));

    const victim = bound[0];
    await client.request('DELETE', `/api/v1/namespaces/default/pods/${victim.metadata!.name}`, { query: { gracePeriodSeconds: 0 } });
    const node = await waitFor('waiting pod bound', async () => {
      await clock.advance(BACKOFF.podMaxBackoffMs);
      return (await getPod(waiting.metadata!.name!)).spec?.nodeName;
    });
    expect(node).toBe(victim.spec!.nodeName);
  });

  it('places pods by taints and tolerations', async () => {
    await createNodes([
      makeNode('mk-control-plane', { taints: [CONTROL_PLANE_TAINT] }),
      makeNode('mk-worker', { taints: [{ key: 'dedicated', value: 'gpu', effect: 'NoExecute' }] }),
      makeNode('mk-worker2', { labels: { pool: 'general' } }),
    ]);
    await scheduler.start();
    const tolerateControlPlane = [{ key: 'node-role.kubernetes.io/control-plane', operator: 'Exists', effect: 'NoSchedule' }];
    await createPod(makePod('infra', { tolerations: tolerateControlPlane, spec: { nodeSelector: { 'kubernetes.io/hostname': 'mk-control-plane' } } }));
    await createPod(makePod('gpu-job', { tolerations: [{ key: 'dedicated', operator: 'Equal', value: 'gpu', effect: 'NoExecute' }], spec: { nodeSelector: { 'kubernetes.io/hostname': 'mk-worker' } } }));
    await createPod(makePod('plain', { spec: { nodeSelector: { 'kubernetes.io/hostname': 'mk-worker' } } }));

    expect(await waitFor('infra bound', async () => (await getPod('infra')).spec?.nodeName)).toBe('mk-control-plane');
    expect(await waitFor('gpu-job bound', async () => (await getPod('gpu-job')).spec?.nodeName)).toBe('mk-worker');
    const [failed] = await waitFor('plain rejected', async () => (await eventsFor('plain', 'FailedScheduling')).length > 0 && eventsFor('plain', 'FailedScheduling'));
    expect(failed.message).toBe(
      // Reasons sort as strings: "didn't" before "had".
      "0/3 nodes are available: 1 node(s) didn't match Pod's node affinity/selector, 1 node(s) had untolerated taint {dedicated: gpu}, 1 node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }. preemption: 0/3 nodes are available: 3 Preemption is not helpful for scheduling..",
    );
  });

  it('preempts a lower-priority pod for a critical one and binds it once the victim is gone', async () => {
    await createNodes([makeNode('mk-control-plane', { taints: [CONTROL_PLANE_TAINT] }), makeNode('mk-worker', { cpu: '1' })]);
    await scheduler.start();
    await createPod(makePod('low', { cpu: '1' }));
    await waitFor('low bound', async () => (await getPod('low')).spec?.nodeName);

    await createPod(makePod('critical', { cpu: '1', spec: { priorityClassName: 'system-cluster-critical' } }));
    const victim = await waitFor('victim marked and deleted', async () => {
      const p = await getPod('low');
      return p.metadata?.deletionTimestamp ? p : undefined;
    });
    expect(victim.status?.conditions?.find((c) => c.type === 'DisruptionTarget')).toMatchObject({
      status: 'True',
      reason: 'PreemptionByScheduler',
      message: 'default-scheduler: preempting to accommodate a higher priority pod',
    });
    const critical = await waitFor('nomination', async () => {
      const p = await getPod('critical');
      return p.status?.nominatedNodeName ? p : undefined;
    });
    expect(critical.status!.nominatedNodeName).toBe('mk-worker');
    const [preempted] = await waitFor('Preempted event', async () => (await eventsFor('low', 'Preempted')).length > 0 && eventsFor('low', 'Preempted'));
    expect(preempted.message).toBe(`Preempted by pod ${critical.metadata!.uid} on node mk-worker`);
    const [failed] = await waitFor('FailedScheduling', async () => (await eventsFor('critical', 'FailedScheduling')).length > 0 && eventsFor('critical', 'FailedScheduling'));
    expect(failed.message).toBe('0/2 nodes are available: 1 Insufficient cpu, 1 node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }.');

    // The kubelet would finish the victim's termination; here it is removed outright.
    await client.request('DELETE', '/api/v1/namespaces/default/pods/low', { query: { gracePeriodSeconds: 0 } });
    const node = await waitFor('critical bound', async () => {
      await clock.advance(BACKOFF.podMaxBackoffMs);
      return (await getPod('critical')).spec?.nodeName;
    });
    expect(node).toBe('mk-worker');
  });
});
