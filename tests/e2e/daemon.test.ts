/** The cluster lifecycle end to end: mk up / status / down / resume / delete, with mk and the real kubectl. */
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { createClient } from '@mk/client';
import { freePort, run, runMk, startCluster, tempDir, type Cluster } from './harness';

describe('cluster lifecycle', () => {
  let cluster: Cluster;
  beforeAll(async () => {
    cluster = await startCluster();
  });
  afterAll(async () => {
    await cluster?.stop();
  });

  it('reports the running cluster', async () => {
    const status = await cluster.mk(['status']);
    expect(status.code).toBe(0);
    expect(status.stdout).toContain('Cluster "mk" is running');
    expect(status.stdout).toContain(`API server:  ${cluster.server}`);
    expect(status.stdout).toMatch(/^PID: +\d+$/m);
    expect(status.stdout).toMatch(/^Uptime: +\d+s$/m);
  });

  it('mk up again leaves the running cluster alone', async () => {
    const pidBefore = readFileSync(join(cluster.home, 'mk', 'daemon.pid'), 'utf8');
    const up = await cluster.mk(['up', '--no-merge']);
    expect(up.code).toBe(0);
    expect(up.stdout).toMatch(new RegExp(`^Cluster "mk" is already running: API server at ${cluster.server} \\(pid \\d+\\)$`, 'm'));
    expect(up.stdout).toContain('KUBECONFIG=$(mk kubeconfig) kubectl get pods');
    expect(readFileSync(join(cluster.home, 'mk', 'daemon.pid'), 'utf8')).toBe(pidBefore);
  });

  it('prints the kubeconfig path, which kubectl can use', async () => {
    const kc = await cluster.mk(['kubeconfig']);
    expect(kc).toEqual({ code: 0, stdout: cluster.kubeconfig + '\n', stderr: '' });
    const ns = await cluster.kubectl(['get', 'namespaces']);
    expect(ns.stderr).toBe('');
    expect(ns.code).toBe(0);
    expect(ns.stdout).toMatch(/^NAME +STATUS +AGE$/m);
    expect(ns.stdout).toMatch(/^default +Active +/m);
  });

  it('mk down stops the daemon and mk up resumes with the same objects, port and token', async () => {
    const client = createClient({ server: cluster.server, token: cluster.token, caData: cluster.caPem, namespace: 'default' });
    await client.request('POST', '/api/v1/namespaces/default/configmaps', {
      body: { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'kept', namespace: 'default' }, data: { a: '1' } },
    });

    const down = await cluster.mk(['down']);
    expect(down.code).toBe(0);
    expect(down.stdout).toMatch(/^Stopped cluster "mk" \(pid \d+\)$/m);
    expect(existsSync(join(cluster.home, 'mk', 'daemon.pid'))).toBe(false);
    const stopped = await cluster.mk(['status']);
    expect(stopped.code).toBe(1);
    expect(stopped.stdout).toContain('Cluster "mk" is stopped');

    const up = await cluster.mk(['up', '--no-merge']);
    expect(up.code).toBe(0);
    expect(up.stdout).toContain(`Cluster "mk" is up: API server at ${cluster.server}`);
    expect(up.stdout).toContain('Resumed from the state in');
    expect(readFileSync(join(cluster.home, 'mk', 'token'), 'utf8').trim()).toBe(cluster.token);
    const kept = await cluster.kubectl(['get', 'configmap', 'kept', '-o', 'jsonpath={.data.a}']);
    expect(kept).toMatchObject({ code: 0, stdout: '1' });
  });

  it('mk down --delete removes the state', async () => {
    const down = await cluster.mk(['down', '--delete']);
    expect(down.code).toBe(0);
    expect(down.stdout).toContain(`Deleted cluster "mk" (removed ${join(cluster.home, 'mk')})`);
    expect(existsSync(join(cluster.home, 'mk'))).toBe(false);
    const status = await cluster.mk(['status']);
    expect(status.code).toBe(1);
    expect(status.stdout).toContain('Cluster "mk" does not exist');
  });
});

describe('kubeconfig merge', () => {
  const OTHER = {
    apiVersion: 'v1',
    kind: 'Config',
    'current-context': 'other',
    clusters: [{ name: 'other', cluster: { server: 'https://other.example:6443' } }],
    users: [{ name: 'other', user: { token: 'other-token' } }],
    contexts: [{ name: 'other', context: { cluster: 'other', user: 'other', namespace: 'apps' } }],
  };
  let root: string;
  let env: Record<string, string | undefined>;
  let kubeconfig: string;

  beforeAll(() => {
    root = tempDir('mk-e2e-merge-');
    mkdirSync(join(root, 'home'));
    kubeconfig = join(root, 'kube', 'config');
    mkdirSync(join(root, 'kube'));
    writeFileSync(kubeconfig, JSON.stringify(OTHER));
    // A second, missing file in $KUBECONFIG: kubectl writes to the first existing one.
    env = { ...process.env, MK_HOME: join(root, 'mk-home'), HOME: join(root, 'home'), KUBECONFIG: `${kubeconfig}:${join(root, 'kube', 'missing')}` };
  });
  afterAll(async () => {
    await runMk(['down', '--name', 'merge', '--delete'], env);
    rmSync(root, { recursive: true, force: true });
  });

  it('adds mk-<name> next to the other contexts and makes it current; down --delete removes only its own', async () => {
    const port = await freePort();
    const up = await runMk(['up', '--name', 'merge', '--port', String(port)], env);
    expect(up.stderr).toBe('');
    expect(up.code).toBe(0);
    expect(up.stdout).toContain(`Set kubectl context to "mk-merge" in ${kubeconfig}`);
    expect(up.stdout).toContain('kubectl cluster-info --context mk-merge');

    const merged = parse(readFileSync(kubeconfig, 'utf8'));
    expect(merged['current-context']).toBe('mk-merge');
    expect(merged.contexts.map((c: { name: string }) => c.name)).toEqual(['other', 'mk-merge']);
    expect(merged.clusters[1]).toEqual({
      name: 'mk-merge',
      cluster: { server: `https://127.0.0.1:${port}`, 'certificate-authority-data': Buffer.from(readFileSync(join(root, 'mk-home', 'merge', 'ca.crt'))).toString('base64') },
    });

    const contexts = await run('kubectl', ['config', 'get-contexts', '-o', 'name'], env);
    expect(contexts.stdout.split('\n').filter(Boolean).sort()).toEqual(['mk-merge', 'other']);
    const ns = await run('kubectl', ['get', 'namespaces', '-o', 'name', '--cache-dir', join(root, 'cache')], env);
    expect(ns).toMatchObject({ code: 0 });
    expect(ns.stdout).toContain('namespace/default');

    const down = await runMk(['down', '--name', 'merge', '--delete'], env);
    expect(down.code).toBe(0);
    expect(down.stdout).toContain(`Removed context "mk-merge" from ${kubeconfig}`);
    const after = parse(readFileSync(kubeconfig, 'utf8'));
    expect(after).toMatchObject(OTHER);
    expect(existsSync(join(root, 'kube', 'missing'))).toBe(false);
  });
});
