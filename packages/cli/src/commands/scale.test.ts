import { describe, expect, it } from 'vitest';
import { formatCliError } from '../error-boundary';
import { fakeCli } from '../mutate/testing/fake-context';
import { register } from './scale';

const WEB = '/apis/apps/v1/namespaces/default/deployments/web';
const web = { apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'web', namespace: 'default', resourceVersion: '41' }, spec: { replicas: 2 } };
const scale = { kind: 'Scale', apiVersion: 'autoscaling/v1', metadata: { name: 'web', namespace: 'default', resourceVersion: '41' }, spec: { replicas: 2 }, status: { replicas: 2 } };

async function failure(run: Promise<void>): Promise<string> {
  return formatCliError(await run.then(() => undefined, (e: unknown) => e)).message;
}

describe('mk scale', () => {
  it('reads the object, patches its scale subresource and prints "scaled"', async () => {
    const cli = fakeCli([register]);
    cli.client.on('GET', WEB, web).on('PATCH', `${WEB}/scale`, { ...scale, spec: { replicas: 3 } });
    await cli.run('scale', 'deploy/web', '--replicas=3');
    expect(cli.client.calls()).toEqual([`GET ${WEB}`, `PATCH ${WEB}/scale`]);
    expect(cli.client.requests[1]).toMatchObject({ body: { spec: { replicas: 3 } }, contentType: 'application/merge-patch+json', query: {} });
    expect(cli.stdout()).toBe('deployment.apps/web scaled\n');
  });

  it('checks --current-replicas against the Scale and reports the mismatch', async () => {
    const cli = fakeCli([register]);
    cli.client.on('GET', WEB, web).on('GET', `${WEB}/scale`, scale);
    expect(await failure(cli.run('scale', 'deployment', 'web', '--replicas=3', '--current-replicas=1'))).toBe('error: Expected replicas to be 1, was 2\n');
    expect(cli.stdout()).toBe('');
  });

  it('PUTs the Scale when --current-replicas holds', async () => {
    const cli = fakeCli([register]);
    cli.client.on('GET', WEB, web).on('GET', `${WEB}/scale`, scale).on('PUT', `${WEB}/scale`, scale);
    await cli.run('scale', 'deployment', 'web', '--replicas=3', '--current-replicas=2');
    expect(cli.client.requests[2]).toMatchObject({ method: 'PUT', body: { ...scale, spec: { replicas: 3 } } });
    expect(cli.stdout()).toBe('deployment.apps/web scaled\n');
  });

  it('sends nothing with --dry-run=client and marks the line', async () => {
    const cli = fakeCli([register]);
    cli.client.on('GET', WEB, web);
    await cli.run('scale', 'deploy/web', '--replicas=3', '--dry-run=client');
    expect(cli.client.calls()).toEqual([`GET ${WEB}`]);
    expect(cli.stdout()).toBe('deployment.apps/web scaled (dry run)\n');
  });

  it('prints the object as it was read with -o json and marks a server dry run', async () => {
    const cli = fakeCli([register]);
    cli.client.on('GET', WEB, web).on('PATCH', `${WEB}/scale`, scale);
    await cli.run('scale', 'deploy/web', '--replicas=3', '--dry-run=server', '-o', 'json');
    expect(cli.client.requests[1]!.query).toEqual({ dryRun: 'All' });
    expect(JSON.parse(cli.stdout())).toEqual(web);
  });

  it('scales the objects it could read and reports the others afterwards', async () => {
    const cli = fakeCli([register]);
    cli.client.on('GET', WEB, web).on('PATCH', `${WEB}/scale`, scale);
    const message = await failure(cli.run('scale', 'deploy', 'web', 'nope', '--replicas=3'));
    expect(cli.stdout()).toBe('deployment.apps/web scaled\n');
    expect(message).toBe('Error from server (NotFound): deployments.apps "nope" not found\n');
  });

  it('says "no objects passed to scale" with the read errors when nothing could be read', async () => {
    const cli = fakeCli([register]);
    expect(await failure(cli.run('scale', 'deploy/nope', '--replicas=1'))).toBe('error: no objects passed to scale deployments.apps "nope" not found\n');
    expect(await failure(cli.run('scale', 'cm', '--all', '--replicas=1'))).toBe('error: no objects passed to scale\n');
  });

  it('scales everything a selector lists without reading the objects again', async () => {
    const cli = fakeCli([register]);
    const other = { ...web, metadata: { ...web.metadata, name: 'api' } };
    cli.client.on('GET', '/apis/apps/v1/namespaces/default/deployments', { kind: 'DeploymentList', metadata: {}, items: [web, other] });
    cli.client.on('PATCH', `${WEB}/scale`, scale).on('PATCH', '/apis/apps/v1/namespaces/default/deployments/api/scale', scale);
    await cli.run('scale', 'deploy', '-l', 'app=web', '--replicas=0');
    expect(cli.client.requests[0]!.query).toMatchObject({ labelSelector: 'app=web' });
    expect(cli.stdout()).toBe('deployment.apps/web scaled\ndeployment.apps/api scaled\n');
  });

  it('refuses --resource-version with several objects', async () => {
    const cli = fakeCli([register]);
    cli.client.on('GET', WEB, web).on('GET', '/apis/apps/v1/namespaces/default/deployments/api', web);
    expect(await failure(cli.run('scale', 'deploy', 'web', 'api', '--replicas=1', '--resource-version=4'))).toBe('error: cannot use --resource-version with multiple resources\n');
  });

  it("validates the flags with kubectl's messages before contacting the server", async () => {
    const cli = fakeCli([register]);
    expect(await failure(cli.run('scale', 'deploy/web'))).toBe('error: required flag(s) "replicas" not set\n');
    expect(await failure(cli.run('scale', 'deploy/web', '--replicas=-1'))).toBe('error: The --replicas=COUNT flag is required, and COUNT must be greater than or equal to 0\n');
    expect(await failure(cli.run('scale', 'deploy/web', '--replicas=1', '--current-replicas=-2'))).toBe('error: The --current-replicas must specify an integer of -1 or greater\n');
    expect(cli.client.calls()).toEqual([]);
  });

  it('prints bad flag values as cobra does', async () => {
    const cli = fakeCli([register]);
    expect(await failure(cli.run('scale', 'deploy/web', '--replicas=x'))).toBe('');
    expect(cli.stderr()).toBe('Error: invalid argument "x" for "--replicas" flag: strconv.ParseInt: parsing "x": invalid syntax\nSee \'mk scale --help\' for usage.\n');
    await failure(cli.run('scale', 'deploy/web', '--replicas=1', '--timeout=soon'));
    expect(cli.stderr()).toContain('Error: invalid argument "soon" for "--timeout" flag: time: invalid duration "soon"\n');
    expect(cli.client.calls()).toEqual([]);
  });
});
