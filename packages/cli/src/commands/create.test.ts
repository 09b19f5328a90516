import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatCliError } from '../error-boundary';
import { statusError } from '../mutate/testing/fake-client';
import { fakeCli } from '../mutate/testing/fake-context';
import { register } from './create';

function manifest(text: string): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'mk-create-'));
  const file = path.join(dir, 'app.yaml');
  writeFileSync(file, text);
  return file;
}

describe('mk create -f', () => {
  it('POSTs each object with kubectl-create as field manager and prints what was created', async () => {
    const file = manifest('apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\n---\napiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: api\n  namespace: prod\n');
    const cli = fakeCli([register]);
    cli.client.on('POST', '/api/v1/namespaces/default/pods', (req) => req.body as object);
    cli.client.on('POST', '/apis/apps/v1/namespaces/prod/deployments', (req) => req.body as object);
    await cli.run('create', '-f', file);
    expect(cli.stdout()).toBe('pod/web created\ndeployment.apps/api created\n');
    expect(cli.client.requests[0]).toMatchObject({
      method: 'POST',
      query: { fieldManager: 'kubectl-create', fieldValidation: 'Strict' },
      body: { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'web', namespace: 'default' } },
    });
  });

  it("reports AlreadyExists with the file, as kubectl does, after creating the rest", async () => {
    const file = manifest('apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\n');
    const cli = fakeCli([register]);
    cli.client.on('POST', '/api/v1/namespaces/default/pods', () => {
      throw statusError(409, 'AlreadyExists', 'pods "web" already exists', { name: 'web', kind: 'pods' });
    });
    const err = await cli.run('create', '-f', file).catch((e: unknown) => e);
    expect(formatCliError(err).message).toBe(`Error from server (AlreadyExists): error when creating "${file}": pods "web" already exists\n`);
  });

  it('prints every error on its own line when several objects fail, then exits 1', async () => {
    const file = manifest('apiVersion: extensions/v1beta1\nkind: Deployment\nmetadata:\n  name: old\n---\napiVersion: v1\nkind: Pod\nmetadata:\n  name: web\n');
    const cli = fakeCli([register]);
    cli.client.on('POST', '/api/v1/namespaces/default/pods', () => {
      throw statusError(409, 'AlreadyExists', 'pods "web" already exists');
    });
    const err = await cli.run('create', '-f', file).catch((e: unknown) => e);
    expect(formatCliError(err)).toEqual({ message: '', exitCode: 1 });
    expect(cli.stderr()).toBe(
      `resource mapping not found for name: "old" namespace: "" from "${file}": no matches for kind "Deployment" in version "extensions/v1beta1"\n` +
        'ensure CRDs are installed first\n' +
        'hint: Deployment is served as apps/v1 since Kubernetes 1.16; change apiVersion to apps/v1\n' +
        `Error from server (AlreadyExists): error when creating "${file}": pods "web" already exists\n`,
    );
  });

  it('sends nothing with --dry-run=client and prints the object with -o yaml', async () => {
    const file = manifest('{"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"c"},"data":{"k":"v"}}');
    const cli = fakeCli([register]);
    await cli.run('create', '-f', file, '--dry-run=client', '-o', 'yaml');
    expect(cli.client.calls()).toEqual([]);
    expect(cli.stdout()).toBe('apiVersion: v1\ndata:\n  k: v\nkind: ConfigMap\nmetadata:\n  name: c\n  namespace: default\n');
  });

  it('stores the last-applied annotation with --save-config', async () => {
    const file = manifest('apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\n');
    const cli = fakeCli([register]);
    cli.client.on('POST', '/api/v1/namespaces/default/pods', (req) => req.body as object);
    await cli.run('create', '-f', file, '--save-config');
    const body = cli.client.requests[0]!.body as { metadata: { annotations: Record<string, string> } };
    expect(body.metadata.annotations['kubectl.kubernetes.io/last-applied-configuration']).toBe(
      '{"apiVersion":"v1","kind":"Pod","metadata":{"annotations":{},"name":"web","namespace":"default"}}\n',
    );
  });

  it('requires -f or a generator', async () => {
    await expect(fakeCli([register]).run('create')).rejects.toThrow('must specify one of -f and -k');
  });
});

describe('mk create generators', () => {
  it('creates a namespace', async () => {
    const cli = fakeCli([register]);
    cli.client.on('POST', '/api/v1/namespaces', (req) => req.body as object);
    await cli.run('create', 'namespace', 'dev');
    expect(cli.stdout()).toBe('namespace/dev created\n');
    expect(cli.client.requests[0]!.body).toEqual({ kind: 'Namespace', apiVersion: 'v1', metadata: { name: 'dev', creationTimestamp: null }, spec: {}, status: {} });
  });

  it('renders a deployment exactly like kubectl --dry-run=client -o yaml', async () => {
    const cli = fakeCli([register]);
    await cli.run('create', 'deployment', 'web', '--image=nginx:1.27', '--replicas=2', '--port=80', '--dry-run=client', '-o', 'yaml');
    expect(cli.stdout()).toBe(
      [
        'apiVersion: apps/v1',
        'kind: Deployment',
        'metadata:',
        '  creationTimestamp: null',
        '  labels:',
        '    app: web',
        '  name: web',
        'spec:',
        '  replicas: 2',
        '  selector:',
        '    matchLabels:',
        '      app: web',
        '  strategy: {}',
        '  template:',
        '    metadata:',
        '      creationTimestamp: null',
        '      labels:',
        '        app: web',
        '    spec:',
        '      containers:',
        '      - image: nginx:1.27',
        '        name: nginx',
        '        ports:',
        '        - containerPort: 80',
        '        resources: {}',
        'status: {}',
        '',
      ].join('\n'),
    );
  });

  it('passes the command after -- and words failures like kubectl', async () => {
    const cli = fakeCli([register]);
    cli.client.on('POST', '/apis/apps/v1/namespaces/default/deployments', () => {
      throw statusError(409, 'AlreadyExists', 'deployments.apps "web" already exists');
    });
    const err = await cli.run('create', 'deploy', 'web', '--image=busybox', '--', 'sleep', '3600').catch((e: unknown) => e);
    expect(formatCliError(err).message).toBe('error: failed to create deployment: deployments.apps "web" already exists\n');
    expect(cli.client.requests[0]!.body).toMatchObject({ spec: { template: { spec: { containers: [{ name: 'busybox', image: 'busybox', command: ['sleep', '3600'] }] } } } });
    await expect(fakeCli([register]).run('create', 'deployment', 'a', 'b', '--image=x')).rejects.toThrow('exactly one NAME is required, got 2');
    await expect(fakeCli([register]).run('create', 'deployment', 'a')).rejects.toThrow('required flag(s) "image" not set');
  });

  it('builds config maps from literals, files and env files', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'mk-cm-'));
    writeFileSync(path.join(dir, 'app.properties'), 'x=1\n');
    writeFileSync(path.join(dir, 'blob.bin'), Buffer.from([0xff, 0x00, 0xfe]));
    const cli = fakeCli([register], { namespace: 'dev', namespaceExplicit: true });
    cli.client.on('POST', '/api/v1/namespaces/dev/configmaps', (req) => req.body as object);
    await cli.run('create', 'configmap', 'cfg', `--from-file=${dir}`, '--from-literal=mode=fast', '--from-literal=url=a=b');
    expect(cli.client.requests[0]!.body).toEqual({
      kind: 'ConfigMap',
      apiVersion: 'v1',
      metadata: { name: 'cfg', namespace: 'dev', creationTimestamp: null },
      data: { 'app.properties': 'x=1\n', mode: 'fast', url: 'a=b' },
      binaryData: { 'blob.bin': '/wD+' },
    });
    expect(cli.stdout()).toBe('configmap/cfg created\n');
  });

  it('base64-encodes secret data and keeps --type', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'mk-secret-'));
    const env = path.join(dir, 'db.env');
    writeFileSync(env, '# database\nUSER=admin\n\nPASSWORD=s3cr=t\n');
    const cli = fakeCli([register]);
    await cli.run('create', 'secret', 'generic', 'db', `--from-env-file=${env}`, '--type=example.com/db', '--dry-run=client', '-o', 'json');
    expect(JSON.parse(cli.stdout())).toEqual({
      apiVersion: 'v1',
      kind: 'Secret',
      metadata: { name: 'db', creationTimestamp: null },
      data: { USER: 'YWRtaW4=', PASSWORD: 'czNjcj10' },
      type: 'example.com/db',
    });
  });

  it('prints generated objects as JSON in Go struct field order, like kubectl', async () => {
    const cli = fakeCli([register]);
    await cli.run('create', 'secret', 'generic', 's', '--from-literal=a=b', '--dry-run=client', '-o', 'json');
    expect(cli.stdout()).toBe(
      '{\n    "kind": "Secret",\n    "apiVersion": "v1",\n    "metadata": {\n        "name": "s",\n        "creationTimestamp": null\n    },\n' +
        '    "data": {\n        "a": "Yg=="\n    }\n}\n',
    );
  });

  it('rejects bad keys and mixed sources with kubectl\'s messages', async () => {
    await expect(fakeCli([register]).run('create', 'configmap', 'c', '--from-literal=bad key=1')).rejects.toThrow(
      '"bad key" is not a valid key name for a ConfigMap: a valid config key must consist of alphanumeric characters',
    );
    await expect(fakeCli([register]).run('create', 'configmap', 'c', '--from-literal=novalue')).rejects.toThrow('invalid literal source novalue, expected key=value');
    await expect(fakeCli([register]).run('create', 'secret', 'generic', 's', '--from-env-file=x', '--from-literal=a=b')).rejects.toThrow(
      'from-env-file cannot be combined with from-file or from-literal',
    );
  });
});
