/**
 * The foundation end to end: a real daemon, driven by `mk` and by the real
 * kubectl 1.32 with the same commands, in separate namespaces. Where both
 * print the same thing, the test says so by comparing them.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync, writeFileSync, mkdtempSync, chmodSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startCluster, type Cluster } from './harness';

const fixture = join(__dirname, 'fixtures', 'app.yaml');
let cluster: Cluster;
const tools = ['mk', 'kubectl'] as const;
type Tool = (typeof tools)[number];
const run = (tool: Tool, args: string[], opts?: { stdin?: string; env?: Record<string, string> }) => cluster[tool](args, opts);

beforeAll(async () => {
  // An API-only cluster: this suite is about the API and the CLI; nodes have their own suite.
  cluster = await startCluster({ upArgs: ['--nodes', '0'] });
  for (const tool of tools) {
    const r = await run('kubectl', ['create', 'namespace', `ns-${tool}`, '--dry-run=client', '-o', 'yaml']);
    const a = await run('kubectl', ['apply', '-f', '-'], { stdin: r.stdout });
    expect(a.code, a.stderr).toBe(0);
  }
}, 120_000);
afterAll(async () => cluster?.stop());

const ageless = (s: string) => s.replace(/\b\d+(s|m\d*s?|h\d*m?)\b/g, 'AGE');

describe.each(tools)('%s against the daemon', (tool) => {
  const ns = `ns-${tool}`;
  const t = (args: string[], opts?: { stdin?: string; env?: Record<string, string> }) => run(tool, [...args, '-n', ns], opts);

  it('applies a multi-document file with default validation, then reports unchanged and configured', async () => {
    const first = await t(['apply', '-f', fixture]);
    expect(first.stderr).toBe('');
    expect(first.code).toBe(0);
    expect(first.stdout).toBe('pod/web-pod created\nservice/web-svc created\nconfigmap/web-config created\ndeployment.apps/web-deploy created\n');
    const again = await t(['apply', '-f', fixture]);
    expect(again.stdout).toBe('pod/web-pod unchanged\nservice/web-svc unchanged\nconfigmap/web-config unchanged\ndeployment.apps/web-deploy unchanged\n');
    const changed = readFileSync(fixture, 'utf8').replace('greeting: hello', 'greeting: bonjour');
    const third = await t(['apply', '-f', '-'], { stdin: changed });
    expect(third.stdout).toBe('pod/web-pod unchanged\nservice/web-svc unchanged\nconfigmap/web-config configured\ndeployment.apps/web-deploy unchanged\n');
    const cm = await t(['get', 'configmap', 'web-config', '-o', 'jsonpath={.data.greeting}']);
    expect(cm.stdout).toBe('bonjour');
  });

  it('gets in every output format', async () => {
    // The foundation cluster has no nodes: the deployment's pods (made by its controllers) stay Pending too.
    const table = await t(['get', 'pods', '-l', 'suite=e2e']);
    expect(table.stdout).toMatch(/^NAME\s{6}READY\s{3}STATUS\s{4}RESTARTS\s{3}AGE\nweb-pod\s{3}0\/2\s{5}Pending\s{3}0\s{10}\S+\n$/);
    const wide = await t(['get', 'pod', 'web-pod', '-o', 'wide']);
    expect(wide.stdout.split('\n')[0]).toMatch(/^NAME\s+READY\s+STATUS\s+RESTARTS\s+AGE\s+IP\s+NODE\s+NOMINATED NODE\s+READINESS GATES$/);
    const json = JSON.parse((await t(['get', 'pod', 'web-pod', '-o', 'json'])).stdout);
    expect(json).toMatchObject({ kind: 'Pod', apiVersion: 'v1', metadata: { name: 'web-pod', namespace: ns } });
    const yaml = (await t(['get', 'configmap', 'web-config', '-o', 'yaml'])).stdout;
    expect(yaml).toContain('kind: ConfigMap\n');
    expect(yaml).toContain('  greeting: bonjour\n');
    expect((await t(['get', 'deploy', '-o', 'name'])).stdout).toBe('deployment.apps/web-deploy\n');
    const cc = await t(['get', 'pods', '-l', 'suite=e2e', '-o', 'custom-columns=NAME:.metadata.name,IMAGE:.spec.containers[0].image']);
    expect(cc.stdout).toBe('NAME      IMAGE\nweb-pod   nginx:1.27\n');
    const labels = await t(['get', 'pods', '--show-labels']);
    expect(labels.stdout).toContain('app=web,suite=e2e');
    const lcol = await t(['get', 'pods', '-L', 'app']);
    expect(lcol.stdout.split('\n')[0]).toMatch(/AGE\s+APP$/);
    const svc = await t(['get', 'svc', 'web-svc', '--no-headers']);
    expect(svc.stdout).toMatch(/^web-svc\s+NodePort\s+10\.96\.\d+\.\d+\s+<none>\s+80:3\d{4}\/TCP\s+\S+\n$/);
  });

  it('gets all with kind-prefixed names', async () => {
    const all = await t(['get', 'all']);
    expect(all.code).toBe(0);
    expect(all.stdout).toContain('pod/web-pod');
    expect(all.stdout).toContain('service/web-svc');
    expect(all.stdout).toContain('deployment.apps/web-deploy');
  });

  it('describes a pod and a deployment', async () => {
    const pod = await t(['describe', 'pod', 'web-pod']);
    expect(pod.code).toBe(0);
    expect(pod.stdout).toMatch(/^Name:\s+web-pod\nNamespace:\s+ns-/);
    expect(pod.stdout).toContain('Containers:\n  nginx:\n');
    // With no nodes, the scheduler reports why it cannot place the pod, as Kubernetes does.
    expect(pod.stdout).toMatch(/Events:\n  Type +Reason +Age +From +Message\n  ----.*\n  Warning +FailedScheduling +.+? +default-scheduler +no nodes available to schedule pods\n/);
    const dep = await t(['describe', 'deployment', 'web-deploy']);
    expect(dep.stdout).toMatch(/StrategyType:\s+RollingUpdate\n/);
    expect(dep.stdout).toMatch(/RollingUpdateStrategy:\s+25% max unavailable, 25% max surge\n/);
  });

  it('labels, annotates, patches and edits', async () => {
    expect((await t(['label', 'pod', 'web-pod', 'tier=front'])).stdout).toBe('pod/web-pod labeled\n');
    const clash = await t(['label', 'pod', 'web-pod', 'tier=back']);
    expect(clash.code).toBe(1);
    expect(clash.stderr).toBe("error: 'tier' already has a value (front), and --overwrite is false\n");
    expect((await t(['annotate', 'pod', 'web-pod', 'note=hi'])).stdout).toBe('pod/web-pod annotated\n');
    expect((await t(['patch', 'deployment', 'web-deploy', '-p', '{"spec":{"replicas":3}}'])).stdout).toBe('deployment.apps/web-deploy patched\n');
    expect((await t(['patch', 'deployment', 'web-deploy', '-p', '{"spec":{"replicas":3}}'])).stdout).toBe('deployment.apps/web-deploy patched (no change)\n');
    expect((await t(['patch', 'deployment', 'web-deploy', '--type=json', '-p', '[{"op":"replace","path":"/spec/replicas","value":4}]'])).stdout).toBe('deployment.apps/web-deploy patched\n');
    const editor = join(mkdtempSync(join(tmpdir(), 'mk-editor-')), 'edit.sh');
    writeFileSync(editor, '#!/bin/sh\nsed -i "s/greeting: bonjour/greeting: hallo/" "$1"\n');
    chmodSync(editor, 0o755);
    const edited = await t(['edit', 'configmap', 'web-config'], { env: { KUBE_EDITOR: editor } });
    expect(edited.stdout).toBe('configmap/web-config edited\n');
    expect((await t(['get', 'cm', 'web-config', '-o', 'jsonpath={.data.greeting}'])).stdout).toBe('hallo');
  });

  it('reports 404, 409 and 422 in kubectl wording', async () => {
    const nf = await t(['get', 'pod', 'nope']);
    expect(nf.code).toBe(1);
    expect(nf.stderr).toBe('Error from server (NotFound): pods "nope" not found\n');
    const exists = await t(['create', '-f', fixture]);
    expect(exists.code).toBe(1);
    expect(exists.stderr).toContain(`Error from server (AlreadyExists): error when creating "${fixture}": pods "web-pod" already exists`);
    const invalid = await t(['apply', '-f', '-'], { stdin: 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: bad\nspec:\n  containers:\n  - name: c\n' });
    expect(invalid.code).toBe(1);
    expect(invalid.stderr).toBe('The Pod "bad" is invalid: spec.containers[0].image: Required value\n');
    const stale = JSON.parse((await t(['get', 'cm', 'web-config', '-o', 'json'])).stdout);
    stale.metadata.resourceVersion = '1';
    const conflict = await t(['replace', '-f', '-'], { stdin: JSON.stringify(stale) });
    expect(conflict.code).toBe(1);
    expect(conflict.stderr).toContain('Error from server (Conflict): error when replacing "STDIN": Operation cannot be fulfilled on configmaps "web-config": the object has been modified; please apply your changes to the latest version and try again');
  });

  it('sees a change with get -w', async () => {
    const watch = cluster.spawn(tool, ['get', 'configmaps', '-w', '-n', ns]);
    await watch.waitFor(/web-config/);
    await t(['label', 'cm', 'web-config', 'seen=yes']);
    const out = await watch.waitFor(/web-config[\s\S]*web-config/);
    watch.kill();
    expect(out.split('\n').filter((l) => l.startsWith('web-config')).length).toBeGreaterThanOrEqual(2);
  });

  it('prunes what left the file and deletes with kubectl wording', async () => {
    const onlyCm = readFileSync(fixture, 'utf8').split('---').filter((d) => d.includes('kind: ConfigMap')).join('---');
    const pruned = await t(['apply', '-f', '-', '--prune', '-l', 'suite=e2e'], { stdin: onlyCm });
    expect(pruned.code).toBe(0);
    expect(pruned.stdout).toContain('pod/web-pod pruned\n');
    expect(pruned.stdout).toContain('service/web-svc pruned\n');
    expect(pruned.stdout).toContain('deployment.apps/web-deploy pruned\n');
    const del = await t(['delete', 'configmap', 'web-config']);
    expect(del.code).toBe(0);
    expect(del.stdout).toBe('configmap "web-config" deleted\n');
    const empty = await t(['get', 'configmaps']);
    expect(empty.stdout).toBe('');
    expect(empty.stderr).toBe(`No resources found in ${ns} namespace.\n`);
  });
});

describe('mk and kubectl print the same', () => {
  it('for tables of the system namespaces and services', async () => {
    for (const args of [['get', 'namespaces'], ['get', 'svc', '-n', 'default'], ['api-resources'], ['get', 'sa', '-A']]) {
      const [a, b] = await Promise.all([run('mk', args), run('kubectl', args)]);
      expect(ageless(a.stdout), args.join(' ')).toBe(ageless(b.stdout));
    }
  });

  it('for a removed API version, with mk adding a hint', async () => {
    const legacy = join(__dirname, '..', '..', 'manifests', 'legacy', 'deployment-extensions-v1beta1.yaml');
    const [a, b] = await Promise.all([run('mk', ['apply', '-f', legacy]), run('kubectl', ['apply', '-f', legacy])]);
    expect(b.code).toBe(1);
    expect(a.code).toBe(1);
    expect(a.stderr.startsWith(b.stderr.trimEnd())).toBe(true);
    expect(a.stderr).toMatch(/hint: .*apps\/v1/);
  });
});
