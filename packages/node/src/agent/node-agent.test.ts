import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AddressInfo } from 'node:net';
import type { FastifyInstance } from 'fastify';
import { createApiServer } from '@mk/apiserver';
import { openSqliteStore } from '@mk/store';
import { defaultTimings, FakeClock, type KObject } from '@mk/api';
import { createClient, isNotFound, type ApiClient } from '@mk/client';
import type { NodeStatus, PodStatus } from 'kubernetes-types/core/v1';
import { createSimRuntime } from '../runtime/sim/sim-runtime';
import { createNodeAgent } from './node-agent';
import type { NodeAgent } from './options';

const HOST = { operatingSystem: 'linux', architecture: 'amd64', kernelVersion: '6.8.0-mk', osImage: 'Ubuntu 24.04.1 LTS' };

let app: FastifyInstance;
let client: ApiClient;
let clock: FakeClock;
let agent: NodeAgent;
const logs: string[] = [];

/** Retries an assertion while the agent and the server work (real I/O), then lets it fail. */
async function eventually<T>(check: () => Promise<T>): Promise<T> {
  for (let i = 0; ; i++) {
    try {
      return await check();
    } catch (err) {
      if (i >= 250) throw err;
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  }
}

/** Lets pending I/O happen without moving the fake clock. */
const pause = (ms = 200) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * The fake clock meets real I/O: zero-delay timers (the status writer's) are
 * fired every few milliseconds of real time, and time is moved in steps with
 * pauses between them so each heartbeat's request completes before the next.
 * One advance at a time, so the clock never moves backwards.
 */
class ClockPump {
  private running: Promise<void> = Promise.resolve();
  private readonly ticker: ReturnType<typeof setInterval>;

  constructor(private readonly clock: FakeClock) {
    this.ticker = setInterval(() => void this.run(() => this.clock.advance(0)), 5);
  }

  private run(step: () => Promise<void>): Promise<void> {
    this.running = this.running.then(step, step);
    return this.running;
  }

  async advance(totalMs: number, stepMs = 10_000): Promise<void> {
    for (let done = 0; done < totalMs; done += stepMs) {
      await this.run(() => this.clock.advance(Math.min(stepMs, totalMs - done)));
      await pause(30);
    }
  }

  stop(): void {
    clearInterval(this.ticker);
  }
}

let pump: ClockPump;

const get = <T = KObject>(path: string) => client.request<T>('GET', path);
const node = () => get<KObject & { status: NodeStatus }>('/api/v1/nodes/node-1');
const lease = () => get<KObject & { spec: { renewTime: string; holderIdentity: string; leaseDurationSeconds: number } }>('/apis/coordination.k8s.io/v1/namespaces/kube-node-lease/leases/node-1');
const pod = (name: string) => get<KObject & { status: PodStatus }>(`/api/v1/namespaces/default/pods/${name}`);
const createPod = (name: string, spec: Record<string, unknown> = {}) =>
  client.request('POST', '/api/v1/namespaces/default/pods', {
    body: { apiVersion: 'v1', kind: 'Pod', metadata: { name }, spec: { nodeName: 'node-1', containers: [{ name: 'nginx', image: 'nginx:1.27' }], ...spec } },
  });

beforeEach(async () => {
  clock = new FakeClock('2026-01-01T00:00:00Z');
  pump = new ClockPump(clock);
  const store = openSqliteStore(':memory:');
  app = await createApiServer({ store, now: () => clock.now() });
  app.addHook('onClose', async () => store.close());
  await app.listen({ host: '127.0.0.1', port: 0 });
  client = createClient({ server: `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`, namespace: 'default' });
  agent = createNodeAgent({
    client,
    name: 'node-1',
    runtime: createSimRuntime({ preset: 'fast', clock, idSalt: 'it', podCIDR: '10.244.1.0/24' }),
    timings: defaultTimings,
    clock,
    hostInfo: HOST,
    internalIP: '127.0.0.11',
    controlPlane: true,
    log: (m) => logs.push(m),
  });
  await agent.start();
});

afterEach(async () => {
  pump.stop();
  await agent.stop();
  await app.close();
});

describe('the node agent against an API server', () => {
  it('registers its Node as a kubeadm control-plane kubelet does, Ready', async () => {
    const n = await node();
    expect(n.metadata!.labels).toEqual({
      'beta.kubernetes.io/arch': 'amd64',
      'beta.kubernetes.io/os': 'linux',
      'kubernetes.io/arch': 'amd64',
      'kubernetes.io/hostname': 'node-1',
      'kubernetes.io/os': 'linux',
      'node-role.kubernetes.io/control-plane': '',
      'node.kubernetes.io/exclude-from-external-load-balancers': '',
    });
    expect(n.spec).toMatchObject({ taints: [{ key: 'node-role.kubernetes.io/control-plane', effect: 'NoSchedule' }] });
    expect(n.status.capacity).toEqual({ cpu: '4', 'ephemeral-storage': '100Gi', 'hugepages-1Gi': '0', 'hugepages-2Mi': '0', memory: '8Gi', pods: '110' });
    expect(n.status.allocatable).toEqual(n.status.capacity);
    expect(n.status.addresses).toEqual([
      { type: 'InternalIP', address: '127.0.0.11' },
      { type: 'Hostname', address: 'node-1' },
    ]);
    expect(n.status.daemonEndpoints).toEqual({ kubeletEndpoint: { Port: 10250 } });
    expect(n.status.nodeInfo).toMatchObject({
      kubeletVersion: 'v1.32.0-mk',
      containerRuntimeVersion: 'sim://0.1.0',
      osImage: 'Ubuntu 24.04.1 LTS',
      kernelVersion: '6.8.0-mk',
      operatingSystem: 'linux',
      architecture: 'amd64',
    });
    expect(n.status.conditions!.map((c) => [c.type, c.status, c.reason, c.message])).toEqual([
      ['MemoryPressure', 'False', 'KubeletHasSufficientMemory', 'kubelet has sufficient memory available'],
      ['DiskPressure', 'False', 'KubeletHasNoDiskPressure', 'kubelet has no disk pressure'],
      ['PIDPressure', 'False', 'KubeletHasSufficientPID', 'kubelet has sufficient PID available'],
      ['Ready', 'True', 'KubeletReady', 'kubelet is posting ready status'],
    ]);
    const events = await eventually(async () => {
      const list = await get<{ items: KObject[] }>('/api/v1/namespaces/default/events?fieldSelector=involvedObject.kind%3DNode');
      expect(list.items.map((e) => e.reason)).toContain('NodeReady');
      return list.items;
    });
    expect(events.map((e) => e.reason)).toEqual(['Starting', 'NodeAllocatableEnforced', 'NodeHasSufficientMemory', 'NodeHasNoDiskPressure', 'NodeHasSufficientPID', 'NodeReady']);
    expect(events.at(-1)).toMatchObject({ message: 'Node node-1 status is now: NodeReady', source: { component: 'kubelet', host: 'node-1' }, reportingComponent: 'kubelet' });
  });

  it('holds a Lease owned by its Node and renews it every leaseRenewIntervalMs', async () => {
    const n = await node();
    const first = await lease();
    expect(first.spec).toEqual({ holderIdentity: 'node-1', leaseDurationSeconds: 40, renewTime: '2026-01-01T00:00:00.000000Z' });
    expect(first.metadata!.ownerReferences).toEqual([{ apiVersion: 'v1', kind: 'Node', name: 'node-1', uid: n.metadata!.uid }]);
    await pump.advance(10_000);
    await eventually(async () => expect((await lease()).spec.renewTime).toBe('2026-01-01T00:00:10.000000Z'));
  });

  it('recomputes its status often but writes it only after nodeStatusReportFrequencyMs when nothing changed', async () => {
    const before = await node();
    await pump.advance(60_000);
    await eventually(async () => expect((await lease()).spec.renewTime).toBe('2026-01-01T00:01:00.000000Z'));
    expect((await node()).metadata!.resourceVersion).toBe(before.metadata!.resourceVersion);
    await pump.advance(240_000);
    const after = await eventually(async () => {
      const n = await node();
      expect(n.metadata!.resourceVersion).not.toBe(before.metadata!.resourceVersion);
      return n;
    });
    const ready = after.status.conditions!.find((c) => c.type === 'Ready')!;
    expect(ready.lastHeartbeatTime).toBe('2026-01-01T00:05:00Z');
    expect(ready.lastTransitionTime).toBe('2026-01-01T00:00:00Z');
  });

  it('runs a pod bound to it and reports it Running as a kubelet does', async () => {
    await createPod('web');
    const running = await eventually(async () => {
      const p = await pod('web');
      expect(p.status.phase).toBe('Running');
      return p;
    });
    expect(running.status.conditions!.map((c) => `${c.type}=${c.status}`)).toEqual([
      'PodReadyToStartContainers=True',
      'Initialized=True',
      'Ready=True',
      'ContainersReady=True',
      'PodScheduled=True',
    ]);
    expect(running.status).toMatchObject({ hostIP: '127.0.0.11', podIP: '10.244.1.2', qosClass: 'BestEffort', startTime: '2026-01-01T00:00:00Z' });
    expect(running.status.containerStatuses).toEqual([
      expect.objectContaining({ name: 'nginx', ready: true, started: true, restartCount: 0, image: 'docker.io/library/nginx:1.27', state: { running: { startedAt: '2026-01-01T00:00:00Z' } } }),
    ]);
    const events = await eventually(async () => {
      const list = await get<{ items: KObject[] }>('/api/v1/namespaces/default/events?fieldSelector=involvedObject.name%3Dweb');
      expect(list.items).toHaveLength(4);
      return list.items;
    });
    expect(events.map((e) => e.reason)).toEqual(['Pulling', 'Pulled', 'Created', 'Started']);
    expect(events[3]).toMatchObject({
      type: 'Normal',
      message: 'Started container nginx',
      involvedObject: { kind: 'Pod', name: 'web', namespace: 'default', fieldPath: 'spec.containers{nginx}' },
      source: { component: 'kubelet', host: 'node-1' },
      reportingComponent: 'kubelet',
      reportingInstance: 'node-1',
    });
  });

  it('finishes a graceful deletion: the pod disappears from the API', async () => {
    await createPod('web');
    await eventually(async () => expect((await pod('web')).status.phase).toBe('Running'));
    await client.request('DELETE', '/api/v1/namespaces/default/pods/web');
    await eventually(async () => {
      const gone = await pod('web').then(
        () => false,
        (err) => isNotFound(err),
      );
      expect(gone).toBe(true);
    });
    const killing = await get<{ items: KObject[] }>('/api/v1/namespaces/default/events?fieldSelector=reason%3DKilling');
    expect(killing.items.map((e) => e.message)).toEqual(['Stopping container nginx']);
  });

  it('goes silent when powered off and comes back, restarting its pods, when powered on', async () => {
    await createPod('web');
    await eventually(async () => expect((await pod('web')).status.phase).toBe('Running'));
    await agent.powerOff();
    expect(agent.poweredOn).toBe(false);
    const nodeBefore = await node();
    const leaseBefore = await lease();
    const podBefore = await pod('web');
    await createPod('late');
    await pump.advance(400_000, 100_000);
    await pause();
    expect((await lease()).metadata!.resourceVersion).toBe(leaseBefore.metadata!.resourceVersion);
    expect((await node()).metadata!.resourceVersion).toBe(nodeBefore.metadata!.resourceVersion);
    expect((await pod('web')).metadata!.resourceVersion).toBe(podBefore.metadata!.resourceVersion);
    expect((await pod('late')).status.phase).toBe('Pending');
    expect((await pod('late')).status.containerStatuses).toBeUndefined();

    await agent.powerOn();
    expect(agent.poweredOn).toBe(true);
    expect((await lease()).spec.renewTime).toBe('2026-01-01T00:06:40.000000Z');
    const n = await node();
    expect(n.status.conditions!.find((c) => c.type === 'Ready')!.lastHeartbeatTime).toBe('2026-01-01T00:06:40Z');
    const web = await eventually(async () => {
      const p = await pod('web');
      expect(p.status.containerStatuses![0].restartCount).toBe(1);
      return p;
    });
    expect(web.status.phase).toBe('Running');
    expect(web.status.containerStatuses![0].lastState).toEqual({
      terminated: expect.objectContaining({ exitCode: 255, reason: 'Unknown', finishedAt: '2026-01-01T00:00:00Z' }),
    });
    await eventually(async () => expect((await pod('late')).status.phase).toBe('Running'));
    const rebooted = await get<{ items: KObject[] }>('/api/v1/namespaces/default/events?fieldSelector=reason%3DRebooted');
    expect(rebooted.items).toHaveLength(1);
    expect(logs).toEqual([]);
  });

  it('finishes, after powering on, the pods deleted while it was off', async () => {
    await createPod('web');
    await eventually(async () => expect((await pod('web')).status.phase).toBe('Running'));
    await agent.powerOff();
    await client.request('DELETE', '/api/v1/namespaces/default/pods/web');
    await pause();
    expect((await pod('web')).metadata!.deletionTimestamp).toBeDefined();
    await agent.powerOn();
    await eventually(async () => expect(await pod('web').then(() => 'present', (e) => (isNotFound(e) ? 'gone' : 'error'))).toBe('gone'));
  });

  it('makes no API calls after stop()', async () => {
    await agent.stop();
    const before = await lease();
    await pump.advance(600_000, 100_000);
    await pause();
    expect((await lease()).metadata!.resourceVersion).toBe(before.metadata!.resourceVersion);
  });
});
