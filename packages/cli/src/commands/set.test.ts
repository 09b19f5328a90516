import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { formatCliError } from '../error-boundary';
import { fakeCli } from '../mutate/testing/fake-context';
import { register } from './set';

const WEB = '/apis/apps/v1/namespaces/default/deployments/web';
const CFG = '/api/v1/namespaces/default/configmaps/cfg';
function web(image = 'nginx') {
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name: 'web', namespace: 'default', resourceVersion: '41' },
    spec: { template: { spec: { initContainers: [{ name: 'init', image: 'busybox' }], containers: [{ name: 'nginx', image }, { name: 'side', image: 'redis' }] } } },
  };
}

async function failure(run: Promise<void>): Promise<string> {
  return formatCliError(await run.then(() => undefined, (e: unknown) => e)).message;
}

describe('mk set image', () => {
  const dir = mkdtempSync(join(tmpdir(), 'mk-set-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('sends the strategic merge patch with fieldManager kubectl-set and prints "image updated"', async () => {
    const cli = fakeCli([register]);
    cli.client.on('GET', WEB, web()).on('PATCH', WEB, web('nginx:1.27'));
    await cli.run('set', 'image', 'deploy/web', 'nginx=nginx:1.27');
    expect(cli.client.requests[1]).toMatchObject({
      method: 'PATCH',
      contentType: 'application/strategic-merge-patch+json',
      query: { fieldManager: 'kubectl-set' },
      body: { spec: { template: { spec: { '$setElementOrder/containers': [{ name: 'nginx' }, { name: 'side' }], containers: [{ image: 'nginx:1.27', name: 'nginx' }] } } } },
    });
    expect(cli.stdout()).toBe('deployment.apps/web image updated\n');
  });

  it('sends nothing and prints nothing when the image is already set', async () => {
    const cli = fakeCli([register]);
    cli.client.on('GET', WEB, web());
    await cli.run('set', 'image', 'deployment', 'web', 'nginx=nginx');
    expect(cli.client.calls()).toEqual([`GET ${WEB}`]);
    expect(cli.stdout()).toBe('');
  });

  it('updates the containers it finds and reports the others after', async () => {
    const cli = fakeCli([register]);
    cli.client.on('GET', WEB, web()).on('PATCH', WEB, web('nginx:1.28'));
    const message = await failure(cli.run('set', 'image', 'deploy/web', 'x=y', 'nginx=nginx:1.28', 'a=b'));
    expect(cli.stdout()).toBe('deployment.apps/web image updated\n');
    expect(message).toBe('');
    expect(cli.stderr()).toBe('error: unable to find container named "x"\nerror: unable to find container named "a"\n');
  });

  it('reports one unknown container as kubectl does', async () => {
    const cli = fakeCli([register]);
    cli.client.on('GET', WEB, web());
    expect(await failure(cli.run('set', 'image', 'deploy/web', 'x=y'))).toBe('error: unable to find container named "x"\n');
  });

  it('names objects without a pod template by their Go type', async () => {
    const cli = fakeCli([register]);
    cli.client.on('GET', CFG, { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'cfg' } });
    expect(await failure(cli.run('set', 'image', 'cm/cfg', 'nginx=y'))).toBe('error: configmaps/cfg the object is not a pod or does not have a pod template: *v1.ConfigMap\n');
  });

  it('prints the edited object without sending it for --dry-run=client', async () => {
    const cli = fakeCli([register]);
    cli.client.on('GET', WEB, web());
    await cli.run('set', 'image', 'deploy/web', '*=alpine', '--dry-run=client', '-o', 'json');
    expect(cli.client.calls()).toEqual([`GET ${WEB}`]);
    const printed = JSON.parse(cli.stdout());
    expect([...printed.spec.template.spec.initContainers, ...printed.spec.template.spec.containers].map((c: { image: string }) => c.image)).toEqual(['alpine', 'alpine', 'alpine']);
  });

  it('marks a server dry run', async () => {
    const cli = fakeCli([register]);
    cli.client.on('GET', WEB, web()).on('PATCH', WEB, web('nginx:2'));
    await cli.run('set', 'image', 'deploy/web', 'nginx=nginx:2', '--dry-run=server');
    expect(cli.client.requests[1]!.query).toEqual({ dryRun: 'All', fieldManager: 'kubectl-set' });
    expect(cli.stdout()).toBe('deployment.apps/web image updated (server dry run)\n');
  });

  it('reads a local file without the server with --local', async () => {
    const file = join(dir, 'web.yaml');
    writeFileSync(file, JSON.stringify(web()));
    const cli = fakeCli([register]);
    await cli.run('set', 'image', '-f', file, 'nginx=nginx:3', '--local');
    expect(cli.client.calls()).toEqual([]);
    expect(cli.stdout()).toBe('deployment.apps/web image updated\n');
  });

  it('wraps a failed patch in kubectl\'s words', async () => {
    const cli = fakeCli([register]);
    cli.client.on('GET', WEB, web());
    expect(await failure(cli.run('set', 'image', 'deploy/web', 'nginx=nginx:2'))).toBe('error: failed to patch image update to pod template: deployments.apps "web" not found\n');
  });

  it('stops before any change when an object cannot be read', async () => {
    const cli = fakeCli([register]);
    cli.client.on('GET', WEB, web());
    expect(await failure(cli.run('set', 'image', 'deploy', 'web', 'nope', 'nginx=nginx:2'))).toBe('Error from server (NotFound): deployments.apps "nope" not found\n');
    expect(cli.client.calls().filter((c) => c.startsWith('PATCH'))).toEqual([]);
  });

  it("validates after reading, with kubectl's messages", async () => {
    const cli = fakeCli([register]);
    cli.client.on('GET', WEB, web());
    expect(await failure(cli.run('set', 'image', 'deploy/web'))).toBe('error: at least one image update is required\n');
    expect(await failure(cli.run('set', 'image', 'deploy/web', '*=a', 'b=c'))).toBe(
      'error: all containers are already specified by *, but saw more than one container_name=container_image pairs\n',
    );
    expect(await failure(cli.run('set', 'image', 'deploy/web', 'nginx=a', '--local'))).toBe(
      "error: you must specify resources by --filename when --local is set.\nExample resource specifications include:\n   '-f rsrc.yaml'\n   '--filename=rsrc.json'\n",
    );
    expect(await failure(cli.run('set', 'image', 'nginx=x'))).toMatch(/^error: You must provide one or more resources by argument or filename\./);
  });
});

describe('mk set', () => {
  it("rejects other subcommands with kubectl's wording", async () => {
    const cli = fakeCli([register]);
    expect(await failure(cli.run('set', 'env', 'deploy/web', 'A=b'))).toBe("error: unknown command \"env deploy/web A=b\"\nSee 'mk set -h' for help and examples\n");
  });

  it('prints its help on stderr and fails without a subcommand', async () => {
    const cli = fakeCli([register]);
    const err = await cli.run('set').then(() => undefined, (e: unknown) => e);
    expect(formatCliError(err)).toEqual({ message: '', exitCode: 1 });
    expect(cli.stderr()).toContain('Configure application resources.');
    expect(cli.stderr()).toContain('image');
  });
});
