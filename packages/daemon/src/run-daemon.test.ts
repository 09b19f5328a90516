import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { clusterPaths, createClient, loadKubeconfig } from '@mk/client';
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
    expect(JSON.parse(readFileSync(paths.config, 'utf8'))).toEqual({ port: running.port, host: '127.0.0.1', scheme: 'https' });

    // The kubeconfig alone (server, CA, token) is enough to talk to the cluster.
    const cfg = loadKubeconfig({ kubeconfig: paths.kubeconfig, env: {} });
    expect(cfg).toMatchObject({ server: running.url, token: running.token, caData: running.caPem, namespace: 'default', source: { context: 'mk-test' } });
    const ns = await createClient(cfg).request<{ items: unknown[] }>('GET', '/api/v1/namespaces');
    expect(ns.items.length).toBeGreaterThan(0);
    await expect(createClient({ ...cfg, token: 'wrong' }).request('GET', '/api/v1/namespaces')).rejects.toMatchObject({ code: 401 });
    await expect(createClient({ ...cfg, caData: undefined }).request('GET', '/readyz')).rejects.toMatchObject({ name: 'TransportError' });
    expect(await createClient(cfg).request('GET', '/readyz')).toBe('ok');
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
