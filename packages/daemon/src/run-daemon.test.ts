import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { clusterPaths, createClient, createTransport, loadKubeconfig } from '@mk/client';
import { runDaemon, type DaemonHandle } from './run-daemon';

let home: string;
let running: DaemonHandle | undefined;

beforeEach(() => {
  home = mkdtempSync(join(tmpdir(), 'mk-daemon-'));
});
afterEach(async () => {
  await running?.close();
  running = undefined;
  rmSync(home, { recursive: true, force: true });
});

const mode = (p: string) => statSync(p).mode & 0o777;

describe('runDaemon', () => {
  it('creates private state, serves the API with the token, and writes a kubeconfig that works', async () => {
    let ready: unknown;
    running = await runDaemon({ name: 'test', home, handleSignals: false, onReady: (info) => (ready = info) });
    const paths = clusterPaths(home, 'test');
    expect(ready).toMatchObject({ name: 'test', port: running.port, url: `https://127.0.0.1:${running.port}`, pid: process.pid });
    expect(mode(paths.dir)).toBe(0o700);
    for (const file of [paths.token, paths.kubeconfig, paths.caKey, paths.caCert, paths.serverKey, paths.serverCert, paths.config, paths.pid]) expect(mode(file)).toBe(0o600);
    expect(readFileSync(paths.pid, 'utf8').trim()).toBe(String(process.pid));
    expect(JSON.parse(readFileSync(paths.config, 'utf8'))).toMatchObject({ port: running.port, host: '127.0.0.1', scheme: 'https', cluster: { runtime: 'sim', profile: 'default' } });

    // The kubeconfig alone (server, CA, token) is enough to talk to the cluster.
    const cfg = loadKubeconfig({ kubeconfig: paths.kubeconfig, env: {} });
    expect(cfg).toMatchObject({ server: running.url, token: running.token, caData: running.caPem, namespace: 'default', source: { context: 'mk-test' } });
    const ns = await createClient(cfg).request<{ items: unknown[] }>('GET', '/api/v1/namespaces');
    expect(ns.items.length).toBeGreaterThan(0);
    await expect(createClient({ ...cfg, token: 'wrong' }).request('GET', '/api/v1/namespaces')).rejects.toMatchObject({ code: 401 });
    await expect(createClient({ ...cfg, caData: undefined }).request('GET', '/readyz')).rejects.toMatchObject({ name: 'TransportError' });
    expect(await createClient(cfg).request('GET', '/readyz')).toBe('ok');
  });

  it('answers its components over a private Unix socket, with the token, and removes the socket when it stops', async () => {
    running = await runDaemon({ name: 'sock', home, handleSignals: false, nodes: 1 });
    const paths = clusterPaths(home, 'sock');
    const overSocket = (token?: string) => createClient({ server: 'http://localhost', token, namespace: 'default' }, { transport: createTransport({ socketPath: paths.socket }) });
    // The node agent is on the socket: its Node is registered and Ready.
    const node = await overSocket(running.token).request<{ status: { conditions: { type: string; status: string }[] } }>('GET', '/api/v1/nodes/mk-control-plane');
    expect(node.status.conditions.find((c) => c.type === 'Ready')?.status).toBe('True');
    await expect(overSocket().request('GET', '/api/v1/namespaces')).rejects.toMatchObject({ code: 401 });
    await expect(overSocket('wrong').request('GET', '/api/v1/namespaces')).rejects.toMatchObject({ code: 401 });
    await running.close();
    running = undefined;
    expect(existsSync(paths.socket)).toBe(false);
  });

  it('resumes on the same port with the same token and data after a restart', async () => {
    running = await runDaemon({ name: 'mk', home, handleSignals: false });
    const first = { port: running.port, token: running.token, caPem: running.caPem };
    const client = createClient({ server: running.url, token: running.token, caData: running.caPem, namespace: 'default' });
    await client.request('POST', '/api/v1/namespaces', { body: { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'kept' } } });
    await running.close();
    expect(existsSync(clusterPaths(home, 'mk').pid)).toBe(false);

    running = await runDaemon({ name: 'mk', home, handleSignals: false });
    expect({ port: running.port, token: running.token, caPem: running.caPem }).toEqual(first);
    const again = createClient({ server: running.url, token: running.token, caData: running.caPem, namespace: 'default' });
    await expect(again.request('GET', '/api/v1/namespaces/kept')).resolves.toMatchObject({ metadata: { name: 'kept' } });
  });

  it('runs its nodes as API clients and resumes them, added ones included, with the timings it was given', async () => {
    running = await runDaemon({ name: 'mk', home, handleSignals: false, nodes: 2, profile: 'demo', timings: { defaultTolerationSeconds: 7 } });
    expect(running.cluster.nodes.map((n) => n.name)).toEqual(['mk-control-plane', 'mk-worker']);
    const client = createClient({ server: running.url, token: running.token, caData: running.caPem, namespace: 'default' });
    const added = await client.request('POST', '/mk/v1/nodes', { body: { labels: { disk: 'ssd' } } });
    expect(added).toMatchObject({ name: 'mk-worker2', power: 'on', booted: true, labels: { disk: 'ssd' } });
    const node = await client.request<{ metadata: { labels: Record<string, string> } }>('GET', '/api/v1/nodes/mk-worker2');
    expect(node.metadata.labels).toMatchObject({ disk: 'ssd', 'kubernetes.io/hostname': 'mk-worker2' });
    // The API server's DefaultTolerationSeconds admission takes the cluster's timing.
    const pod = await client.request<{ spec: { tolerations: { key: string; tolerationSeconds: number }[] } }>('POST', '/api/v1/namespaces/default/pods', {
      body: { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p' }, spec: { containers: [{ name: 'c', image: 'nginx' }] } },
    });
    expect(pod.spec.tolerations.map((t) => [t.key, t.tolerationSeconds])).toEqual([
      ['node.kubernetes.io/not-ready', 7],
      ['node.kubernetes.io/unreachable', 7],
    ]);
    await running.close();

    running = await runDaemon({ name: 'mk', home, handleSignals: false });
    expect(running.cluster).toMatchObject({ profile: 'demo', timings: { defaultTolerationSeconds: 7 } });
    expect(running.cluster.nodes.map((n) => [n.name, n.podCIDR])).toEqual([
      ['mk-control-plane', '10.244.0.0/24'],
      ['mk-worker', '10.244.1.0/24'],
      ['mk-worker2', '10.244.2.0/24'],
    ]);
    const again = createClient({ server: running.url, token: running.token, caData: running.caPem, namespace: 'default' });
    const list = await again.request<{ items: { name: string; booted: boolean }[] }>('GET', '/mk/v1/nodes');
    expect(list.items.map((n) => [n.name, n.booted])).toEqual([
      ['mk-control-plane', true],
      ['mk-worker', true],
      ['mk-worker2', true],
    ]);
    await expect(runDaemon({ name: 'other', home, handleSignals: false, runtime: 'process' })).rejects.toThrow('runtime "process" is not available yet');
  });

  it('refuses to start a cluster whose daemon is alive elsewhere', async () => {
    const paths = clusterPaths(home, 'mk');
    running = await runDaemon({ name: 'mk', home, handleSignals: false });
    // Pretend another live process (our parent) owns the cluster.
    writeFileSync(paths.pid, `${process.ppid}\n`);
    await expect(runDaemon({ name: 'mk', home, handleSignals: false })).rejects.toThrow(`cluster "mk" is already running (pid ${process.ppid})`);
    writeFileSync(paths.pid, `${process.pid}\n`);
  });

  it('reports a port already in use', async () => {
    running = await runDaemon({ name: 'a', home, handleSignals: false });
    await expect(runDaemon({ name: 'b', home, port: running.port, handleSignals: false })).rejects.toThrow(`port ${running.port} on 127.0.0.1 is already in use; choose another with --port`);
  });

  it('rejects names that cannot be a folder or context name', async () => {
    await expect(runDaemon({ name: '../x', home, handleSignals: false })).rejects.toThrow(/invalid cluster name/);
  });
});
