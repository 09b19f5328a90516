import { describe, expect, it } from 'vitest';
import { formatCliError } from '../error-boundary';
import { FakeApiClient, STANDARD_RESOURCES } from '../mutate/testing/fake-client';
import { fakeCli } from '../mutate/testing/fake-context';
import { register } from './autoscale';

const WEB = '/apis/apps/v1/namespaces/default/deployments/web';
const HPAS = '/apis/autoscaling/v2/namespaces/default/horizontalpodautoscalers';
const web = { apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'web', namespace: 'default' } };

/** Discovery as mk serves it: the scalable workloads have a scale subresource. */
const RESOURCES = STANDARD_RESOURCES.map((r) => (['Deployment', 'ReplicaSet', 'StatefulSet', 'ReplicationController'].includes(r.kind) ? { ...r, subresources: ['status', 'scale'] } : r));

function cli() {
  return fakeCli([register], { client: new FakeApiClient(RESOURCES) });
}

async function failure(run: Promise<void>): Promise<string> {
  return formatCliError(await run.then(() => undefined, (e: unknown) => e)).message;
}

describe('mk autoscale', () => {
  it('creates an autoscaling/v2 HPA for the deployment with fieldManager kubectl-autoscale', async () => {
    const c = cli();
    c.client.on('GET', WEB, web).on('POST', HPAS, (req) => req.body as object);
    await c.run('autoscale', 'deployment', 'web', '--min=2', '--max=10', '--cpu-percent=80');
    const post = c.client.requests[1]!;
    expect(post.query).toEqual({ fieldManager: 'kubectl-autoscale' });
    expect(post.body).toEqual({
      kind: 'HorizontalPodAutoscaler',
      apiVersion: 'autoscaling/v2',
      metadata: { name: 'web', creationTimestamp: null },
      spec: {
        scaleTargetRef: { kind: 'Deployment', name: 'web', apiVersion: 'apps/v1' },
        minReplicas: 2,
        maxReplicas: 10,
        metrics: [{ type: 'Resource', resource: { name: 'cpu', target: { type: 'Utilization', averageUtilization: 80 } } }],
      },
      status: { desiredReplicas: 0 },
    });
    expect(c.stdout()).toBe('horizontalpodautoscaler.autoscaling/web autoscaled\n');
  });

  it('says "created (dry run)" and sends nothing for --dry-run=client, using --name', async () => {
    const c = cli();
    c.client.on('GET', WEB, web);
    await c.run('autoscale', 'deploy/web', '--max=3', '--name=foo', '--dry-run=client');
    expect(c.client.calls()).toEqual([`GET ${WEB}`]);
    expect(c.stdout()).toBe('horizontalpodautoscaler.autoscaling/foo created (dry run)\n');
  });

  it('marks a server dry run', async () => {
    const c = cli();
    c.client.on('GET', WEB, web).on('POST', HPAS, (req) => req.body as object);
    await c.run('autoscale', 'deploy/web', '--max=3', '--dry-run=server');
    expect(c.client.requests[1]!.query).toEqual({ dryRun: 'All', fieldManager: 'kubectl-autoscale' });
    expect(c.stdout()).toBe('horizontalpodautoscaler.autoscaling/web autoscaled (server dry run)\n');
  });

  it('refuses kinds without a scale subresource', async () => {
    const c = cli();
    c.client.on('GET', '/api/v1/namespaces/default/pods/p1', { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p1' } });
    expect(await failure(c.run('autoscale', 'pod/p1', '--max=3'))).toBe(
      'error: cannot autoscale a Pod: could not find scale subresource for /v1, Resource=pods in discovery information\n',
    );
  });

  it('reports a missing target as the server does', async () => {
    expect(await failure(cli().run('autoscale', 'deploy/nope', '--max=3'))).toBe('Error from server (NotFound): deployments.apps "nope" not found\n');
  });

  it("validates --max and --min with kubectl's messages", async () => {
    const c = cli();
    expect(await failure(c.run('autoscale', 'deploy/web'))).toBe('error: required flag(s) "max" not set\n');
    expect(await failure(c.run('autoscale', 'deploy/web', '--max=0'))).toBe('error: --max=MAXPODS is required and must be at least 1, max: 0\n');
    expect(await failure(c.run('autoscale', 'deploy/web', '--max=2', '--min=3'))).toBe('error: --max=MAXPODS must be larger or equal to --min=MINPODS, max: 2, min: 3\n');
    expect(await failure(c.run('autoscale', 'deploy/web', '--max=x'))).toBe('');
    expect(c.stderr()).toBe('Error: invalid argument "x" for "--max" flag: strconv.ParseInt: parsing "x": invalid syntax\nSee \'mk autoscale --help\' for usage.\n');
    expect(await failure(c.run('autoscale', 'deploy', '--max=3'))).toBe('error: resource(s) were provided, but no name was specified\n');
    expect(c.client.calls()).toEqual([]);
  });
});
