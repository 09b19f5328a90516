/**
 * An in-process API server on an in-memory store whose clock is a FakeClock,
 * plus the few writes a kubelet would make, for controller integration tests.
 * Only the time the controllers see is fake; the HTTP traffic is real, so
 * tests wait for outcomes with `eventually` (polling) rather than sleeping.
 */
import type { AddressInfo } from 'node:net';
import { FakeClock, type KObject } from '@mk/api';
import { createApiServer } from '@mk/apiserver';
import { openSqliteStore } from '@mk/store';
import { createClient, isNotFound, type ApiClient } from '@mk/client';
import type { Pod, Toleration } from 'kubernetes-types/core/v1';
import { rfc3339, rfc3339Micro } from '../framework/time';

export interface TestCluster {
  clock: FakeClock;
  client: ApiClient;
  close(): Promise<void>;
  /** Registers a node whose kubelet reports Ready now, with a fresh Lease. */
  addNode(name: string): Promise<void>;
  /** The kubelet's heartbeat: renews the node's Lease at the current time. */
  renewLease(name: string): Promise<void>;
  /** The kubelet posting Ready=True with a fresh heartbeat. */
  postReady(name: string): Promise<void>;
  /** A running, Ready pod bound to node. */
  addPod(name: string, node: string, extra?: { tolerations?: Toleration[]; labels?: Record<string, string>; ownerReferences?: unknown[] }): Promise<Pod>;
  get<T = KObject>(path: string): Promise<T | undefined>;
}

export async function startTestCluster(start = '2026-01-01T00:00:00Z'): Promise<TestCluster> {
  const clock = new FakeClock(start);
  const store = openSqliteStore(':memory:');
  const app = await createApiServer({ store, now: () => clock.now() });
  await app.listen({ host: '127.0.0.1', port: 0 });
  const port = (app.server.address() as AddressInfo).port;
  const client = createClient({ server: `http://127.0.0.1:${port}`, namespace: 'default' });
  const nodePath = (name: string) => client.path({ group: '', version: 'v1', plural: 'nodes', name });
  const leasePath = (name?: string) => client.path({ group: 'coordination.k8s.io', version: 'v1', plural: 'leases', namespace: 'kube-node-lease', name });
  const merge = { contentType: 'application/merge-patch+json' };

  const readyConditions = () => {
    const now = rfc3339(clock.now());
    const c = (type: string, status: string, reason: string, message: string) => ({ type, status, reason, message, lastHeartbeatTime: now, lastTransitionTime: now });
    return [
      c('MemoryPressure', 'False', 'KubeletHasSufficientMemory', 'kubelet has sufficient memory available'),
      c('DiskPressure', 'False', 'KubeletHasNoDiskPressure', 'kubelet has no disk pressure'),
      c('PIDPressure', 'False', 'KubeletHasSufficientPID', 'kubelet has sufficient PID available'),
      c('Ready', 'True', 'KubeletReady', 'kubelet is posting ready status'),
    ];
  };

  const cluster: TestCluster = {
    clock,
    client,
    async close() {
      await app.close();
      await store.close();
    },
    async addNode(name) {
      await client.request('POST', client.path({ group: '', version: 'v1', plural: 'nodes' }), { body: { apiVersion: 'v1', kind: 'Node', metadata: { name, labels: { 'kubernetes.io/os': 'linux', 'beta.kubernetes.io/os': 'linux' } } } });
      await cluster.postReady(name);
      await cluster.renewLease(name);
    },
    async postReady(name) {
      await client.request('PATCH', `${nodePath(name)}/status`, { ...merge, body: { status: { conditions: readyConditions() } } });
    },
    async renewLease(name) {
      const renewTime = rfc3339Micro(clock.now());
      try {
        await client.request('PATCH', leasePath(name), { ...merge, body: { spec: { renewTime } } });
      } catch (err) {
        if (!isNotFound(err)) throw err;
        await client.request('POST', leasePath(), { body: { apiVersion: 'coordination.k8s.io/v1', kind: 'Lease', metadata: { name }, spec: { holderIdentity: name, leaseDurationSeconds: 40, renewTime } } });
      }
    },
    async addPod(name, node, extra = {}) {
      const path = client.path({ group: '', version: 'v1', plural: 'pods', namespace: 'default' });
      await client.request('POST', path, {
        body: {
          apiVersion: 'v1',
          kind: 'Pod',
          metadata: { name, labels: extra.labels ?? { app: 'web' }, ...(extra.ownerReferences ? { ownerReferences: extra.ownerReferences } : {}) },
          spec: { nodeName: node, containers: [{ name: 'web', image: 'nginx' }], ...(extra.tolerations ? { tolerations: extra.tolerations } : {}) },
        },
      });
      const now = rfc3339(clock.now());
      const status = { phase: 'Running', conditions: ['Initialized', 'Ready', 'ContainersReady', 'PodScheduled'].map((type) => ({ type, status: 'True', lastTransitionTime: now })) };
      return client.request<Pod>('PATCH', `${path}/${name}/status`, { ...merge, body: { status } });
    },
    async get(path) {
      try {
        return await client.request('GET', path);
      } catch (err) {
        if (isNotFound(err)) return undefined;
        throw err;
      }
    },
  };
  return cluster;
}

/** Polls check until it returns without throwing (real time, 20 ms apart); rethrows its last failure after timeoutMs. */
export async function eventually<T>(check: () => Promise<T> | T, timeoutMs = 10_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      return await check();
    } catch (err) {
      if (Date.now() > deadline) throw err;
      await new Promise((r) => setTimeout(r, 20));
    }
  }
}
