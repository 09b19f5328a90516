import { describe, expect, it } from 'vitest';
import { formatCliError } from '../error-boundary';
import { fakeCli } from '../mutate/testing/fake-context';
import { register } from './label';

const POD = '/api/v1/namespaces/default/pods/nginx';
const nginx = { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'nginx', namespace: 'default', resourceVersion: '7', labels: { app: 'web', tier: 'fe' } } };

describe('mk label', () => {
  it('sends a JSON merge patch of the labels and prints "labeled"', async () => {
    const cli = fakeCli([register]);
    cli.client.on('GET', POD, nginx);
    cli.client.on('PATCH', POD, nginx);
    await cli.run('label', 'pod', 'nginx', 'env=prod');
    const patch = cli.client.requests[1]!;
    expect(patch).toMatchObject({ method: 'PATCH', contentType: 'application/merge-patch+json', query: { fieldManager: 'kubectl-label' } });
    expect(patch.body).toEqual({ metadata: { labels: { env: 'prod' } } });
    expect(cli.stdout()).toBe('pod/nginx labeled\n');
  });

  it("refuses to change a value without --overwrite, with kubectl's message", async () => {
    const cli = fakeCli([register]);
    cli.client.on('GET', POD, nginx);
    const err = await cli.run('label', 'pods', 'nginx', 'app=api').catch((e: unknown) => e);
    expect(formatCliError(err).message).toBe("error: 'app' already has a value (web), and --overwrite is false\n");
    expect(cli.client.calls()).toEqual([`GET ${POD}`]);
  });

  it('overwrites with --overwrite and removes with KEY-', async () => {
    const cli = fakeCli([register]);
    cli.client.on('GET', POD, nginx);
    cli.client.on('PATCH', POD, nginx);
    await cli.run('label', 'pod/nginx', 'app=api', 'tier-', '--overwrite');
    expect(cli.client.requests[1]!.body).toEqual({ metadata: { labels: { app: 'api', tier: null } } });
    expect(cli.stdout()).toBe('pod/nginx labeled\n');
  });

  it('says "unlabeled" for a removal and reports labels that were not there', async () => {
    const cli = fakeCli([register]);
    cli.client.on('GET', POD, nginx);
    cli.client.on('PATCH', POD, nginx);
    await cli.run('label', 'pod', 'nginx', 'tier-', 'ghost-');
    expect(cli.stdout()).toBe('label "ghost" not found.\npod/nginx unlabeled\n');
  });

  it('says "not labeled" when nothing changes', async () => {
    const cli = fakeCli([register]);
    cli.client.on('GET', POD, nginx);
    cli.client.on('PATCH', POD, nginx);
    await cli.run('label', 'pod', 'nginx', 'app=web');
    expect(cli.stdout()).toBe('pod/nginx not labeled\n');
  });

  it('puts --resource-version into the patch', async () => {
    const cli = fakeCli([register]);
    cli.client.on('GET', POD, nginx);
    cli.client.on('PATCH', POD, nginx);
    await cli.run('label', 'pod', 'nginx', 'env=prod', '--resource-version=7');
    expect(cli.client.requests[1]!.body).toEqual({ metadata: { labels: { env: 'prod' }, resourceVersion: '7' } });
  });

  it('labels every selected object and lists labels without sending anything', async () => {
    const cli = fakeCli([register]);
    const other = { ...nginx, metadata: { ...nginx.metadata, name: 'other', labels: { app: 'db' } } };
    cli.client.on('GET', '/api/v1/namespaces/default/pods', { items: [nginx, other] });
    await cli.run('label', 'pods', '--all', '--list');
    expect(cli.stdout()).toBe('Listing labels for Pod./nginx:\n app=web\n tier=fe\nListing labels for Pod./other:\n app=db\n');
    expect(cli.client.calls()).toEqual(['GET /api/v1/namespaces/default/pods']);
  });

  it('validates arguments like kubectl', async () => {
    await expect(fakeCli([register]).run('label', 'pod', 'x')).rejects.toThrow('at least one label update is required');
    await expect(fakeCli([register]).run('label', 'a=b')).rejects.toThrow('one or more resources must be specified as <resource> <name> or <resource>/<name>');
    await expect(fakeCli([register]).run('label', 'pod', 'a=b', 'x')).rejects.toThrow('all resources must be specified before label changes: x');
    await expect(fakeCli([register]).run('label', 'pod', 'x', 'a=b=c')).rejects.toThrow('invalid label spec: a=b=c');
    await expect(fakeCli([register]).run('label', 'pod', 'x', 'a=-bad')).rejects.toThrow('invalid label value: "a=-bad"');
    await expect(fakeCli([register]).run('label', 'pod', 'x', 'a=b', 'a-')).rejects.toThrow('can not both modify and remove a label in the same command');
  });
});
