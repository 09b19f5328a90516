import { describe, expect, it } from 'vitest';
import { formatCliError } from '../error-boundary';
import { statusError } from '../mutate/testing/fake-client';
import { fakeCli } from '../mutate/testing/fake-context';
import { register } from './run';

const PODS = '/api/v1/namespaces/default/pods';
const SERVICES = '/api/v1/namespaces/default/services';

async function failure(run: Promise<void>): Promise<string> {
  return formatCliError(await run.then(() => undefined, (e: unknown) => e)).message;
}

describe('mk run', () => {
  it('POSTs the generated pod with fieldManager kubectl-run and prints "pod/NAME created"', async () => {
    const cli = fakeCli([register]);
    cli.client.on('POST', PODS, (req) => ({ ...(req.body as object), metadata: { name: 'nginx', namespace: 'default', uid: 'u1' } }));
    await cli.run('run', 'nginx', '--image=nginx', '--env=A=1', '--port=80', '--', 'nginx', '-g', 'daemon off;');
    const post = cli.client.requests[0]!;
    expect(post.query).toEqual({ fieldManager: 'kubectl-run' });
    expect(post.body).toEqual({
      kind: 'Pod',
      apiVersion: 'v1',
      metadata: { name: 'nginx', creationTimestamp: null, labels: { run: 'nginx' } },
      spec: {
        containers: [{ name: 'nginx', image: 'nginx', args: ['nginx', '-g', 'daemon off;'], ports: [{ containerPort: 80 }], env: [{ name: 'A', value: '1' }], resources: {} }],
        restartPolicy: 'Always',
        dnsPolicy: 'ClusterFirst',
      },
      status: {},
    });
    expect(cli.stdout()).toBe('pod/nginx created\n');
  });

  it('prints the pod as kubectl does for --dry-run=client -o yaml, without contacting the server', async () => {
    const cli = fakeCli([register]);
    await cli.run('run', 'r2', '--image=busybox', '--command', '--dry-run=client', '-o', 'yaml', '--', 'sh', '-c', 'date');
    expect(cli.client.requests).toEqual([]);
    expect(cli.stdout()).toBe(
      [
        'apiVersion: v1',
        'kind: Pod',
        'metadata:',
        '  creationTimestamp: null',
        '  labels:',
        '    run: r2',
        '  name: r2',
        'spec:',
        '  containers:',
        '  - command:',
        '    - sh',
        '    - -c',
        '    - date',
        '    image: busybox',
        '    name: r2',
        '    resources: {}',
        '  dnsPolicy: ClusterFirst',
        '  restartPolicy: Always',
        'status: {}',
        '',
      ].join('\n'),
    );
  });

  it('marks a server dry run', async () => {
    const cli = fakeCli([register]);
    cli.client.on('POST', PODS, (req) => req.body as object);
    await cli.run('run', 'r1', '--image=nginx', '--dry-run=server');
    expect(cli.client.requests[0]!.query).toEqual({ dryRun: 'All', fieldManager: 'kubectl-run' });
    expect(cli.stdout()).toBe('pod/r1 created (server dry run)\n');
  });

  it('creates a service too with --expose, printing it first', async () => {
    const cli = fakeCli([register]);
    cli.client.on('POST', PODS, (req) => req.body as object).on('POST', SERVICES, (req) => req.body as object);
    await cli.run('run', 'r1', '--image=nginx', '--port=80', '--expose');
    expect(cli.client.calls()).toEqual([`POST ${PODS}`, `POST ${SERVICES}`]);
    expect(cli.stdout()).toBe('service/r1 created\npod/r1 created\n');
  });

  it('separates the objects twice in YAML, as kubectl does', async () => {
    const cli = fakeCli([register]);
    await cli.run('run', 'r1', '--image=nginx', '--port=80', '--expose', '--dry-run=client', '-o', 'yaml');
    expect(cli.stdout()).toMatch(/^apiVersion: v1\nkind: Service\n[\s\S]*\n---\n---\napiVersion: v1\nkind: Pod\n/);
  });

  it('still prints the pod when the service fails, then reports the failure', async () => {
    const cli = fakeCli([register]);
    cli.client.on('POST', PODS, (req) => req.body as object).on('POST', SERVICES, () => {
      throw statusError(409, 'AlreadyExists', 'services "r1" already exists');
    });
    expect(await failure(cli.run('run', 'r1', '--image=nginx', '--port=80', '--expose'))).toBe('Error from server (AlreadyExists): services "r1" already exists\n');
    expect(cli.stdout()).toBe('pod/r1 created\n');
  });

  it('reports a pod that exists as the server does', async () => {
    const cli = fakeCli([register]);
    cli.client.on('POST', PODS, () => {
      throw statusError(409, 'AlreadyExists', 'pods "p1" already exists');
    });
    expect(await failure(cli.run('run', 'p1', '--image=nginx'))).toBe('Error from server (AlreadyExists): pods "p1" already exists\n');
  });

  it('refuses interactive runs with a clear error and creates nothing', async () => {
    const cli = fakeCli([register]);
    const message = await failure(cli.run('run', '-i', '-t', 'busybox', '--image=busybox', '--restart=Never'));
    expect(message).toMatch(/^error: mk run cannot attach to a container yet/);
    expect(cli.client.requests).toEqual([]);
  });

  it('needs --image and a NAME before --', async () => {
    const cli = fakeCli([register]);
    expect(await failure(cli.run('run', 'r1'))).toBe('error: required flag(s) "image" not set\n');
    expect(await failure(cli.run('run', '--image=nginx', '--', 'sleep'))).toBe("error: NAME is required for run\nSee 'mk run -h' for help and examples\n");
  });
});
