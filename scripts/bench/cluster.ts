/**
 * The benchmark's cluster: an in-process API server on an in-memory SQLite
 * store, plain HTTP on 127.0.0.1 (never another address), and the objects
 * the figures create through it.
 */
import type { AddressInfo } from 'node:net';
import { createApiServer } from '@mk/apiserver';
import { createClient, type ApiClient } from '@mk/client';
import { openSqliteStore } from '@mk/store';
import type { Node, Pod } from 'kubernetes-types/core/v1';

/** A running API server and a client for it. */
export interface BenchCluster {
  client: ApiClient;
  close(): Promise<void>;
}

/** Starts an API server on 127.0.0.1, on a free port, without a token. */
export async function startCluster(): Promise<BenchCluster> {
  const store = openSqliteStore(':memory:');
  const app = await createApiServer({ store });
  app.addHook('onClose', async () => store.close());
  await app.listen({ host: '127.0.0.1', port: 0 });
  const { port } = app.server.address() as AddressInfo;
  return { client: createClient({ server: `http://127.0.0.1:${port}`, namespace: 'default' }), close: () => app.close() };
}

/** Runs fn over items with at most `concurrency` calls in flight (the "concurrent clients"). */
export async function inPool<T>(items: readonly T[], concurrency: number, fn: (item: T) => Promise<unknown>): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < items.length) await fn(items[next++]);
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, items.length) }, worker));
}

/** A simulated node: a Ready Node object with a large allocatable and no agent behind it. */
export function benchNode(name: string): Node {
  return {
    apiVersion: 'v1',
    kind: 'Node',
    metadata: { name, labels: { 'kubernetes.io/hostname': name, 'kubernetes.io/os': 'linux' } },
    status: {
      capacity: { cpu: '32', memory: '256Gi', pods: '110' },
      allocatable: { cpu: '32', memory: '256Gi', pods: '110' },
      conditions: [{ type: 'Ready', status: 'True', reason: 'KubeletReady', message: 'kubelet is posting ready status' }],
    },
  };
}

/** A pending pod with small requests. */
export function benchPod(name: string, namespace: string): Pod {
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name, namespace },
    spec: { containers: [{ name: 'c', image: 'registry.k8s.io/pause:3.10', resources: { requests: { cpu: '10m', memory: '16Mi' } } }] },
  };
}

/** Creates nodes `node-0…` through the API; returns their names. */
export async function createNodes(client: ApiClient, count: number, concurrency: number): Promise<string[]> {
  const names = Array.from({ length: count }, (_, i) => `node-${i}`);
  await inPool(names, concurrency, (name) => client.request('POST', '/api/v1/nodes', { body: benchNode(name) }));
  return names;
}

/** Creates a namespace. */
export async function createNamespace(client: ApiClient, name: string): Promise<void> {
  await client.request('POST', '/api/v1/namespaces', { body: { apiVersion: 'v1', kind: 'Namespace', metadata: { name } } });
}

/** Creates a namespace and `count` pending pods `pod-0…` in it; returns the pod names. */
export async function createPods(client: ApiClient, namespace: string, count: number, concurrency: number): Promise<string[]> {
  await createNamespace(client, namespace);
  const names = Array.from({ length: count }, (_, i) => `pod-${i}`);
  const path = `/api/v1/namespaces/${namespace}/pods`;
  await inPool(names, concurrency, (name) => client.request('POST', path, { body: benchPod(name, namespace) }));
  return names;
}
