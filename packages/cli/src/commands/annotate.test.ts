import { describe, expect, it } from 'vitest';
import { formatCliError } from '../error-boundary';
import { fakeCli } from '../mutate/testing/fake-context';
import { register } from './annotate';

const DEPLOY = '/apis/apps/v1/namespaces/default/deployments/web';
const web = { apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'web', namespace: 'default', annotations: { owner: 'team-a' } } };

describe('mk annotate', () => {
  it('patches annotations (values may contain =) and prints "annotated"', async () => {
    const cli = fakeCli([register]);
    cli.client.on('GET', DEPLOY, web);
    cli.client.on('PATCH', DEPLOY, web);
    await cli.run('annotate', 'deploy', 'web', 'description=my frontend', 'query=a=b');
    expect(cli.client.requests[1]).toMatchObject({
      contentType: 'application/merge-patch+json',
      query: { fieldManager: 'kubectl-annotate' },
      body: { metadata: { annotations: { description: 'my frontend', query: 'a=b' } } },
    });
    expect(cli.stdout()).toBe('deployment.apps/web annotated\n');
  });

  it("refuses to overwrite without --overwrite, with annotate's own message", async () => {
    const cli = fakeCli([register]);
    cli.client.on('GET', DEPLOY, web);
    const err = await cli.run('annotate', 'deployments', 'web', 'owner=team-b').catch((e: unknown) => e);
    expect(formatCliError(err).message).toBe("error: --overwrite is false but found the following declared annotation(s): 'owner' already has a value (team-a)\n");
  });

  it('lets kubernetes.io/change-cause be overwritten and removes with KEY-', async () => {
    const cli = fakeCli([register]);
    const withCause = { ...web, metadata: { ...web.metadata, annotations: { ...web.metadata.annotations, 'kubernetes.io/change-cause': 'v1' } } };
    cli.client.on('GET', DEPLOY, withCause);
    cli.client.on('PATCH', DEPLOY, web);
    await cli.run('annotate', 'deploy/web', 'kubernetes.io/change-cause=v2', 'owner-', '--dry-run=server');
    expect(cli.client.requests[1]!.body).toEqual({ metadata: { annotations: { 'kubernetes.io/change-cause': 'v2', owner: null } } });
    expect(cli.client.requests[1]!.query).toMatchObject({ dryRun: 'All' });
    expect(cli.stdout()).toBe('deployment.apps/web annotated (server dry run)\n');
  });

  it('validates the annotation arguments like kubectl', async () => {
    await expect(fakeCli([register]).run('annotate', 'pod', 'x', 'a=1', 'a-')).rejects.toThrow(
      'can not both modify and remove the following annotation(s) in the same command: a',
    );
    await expect(fakeCli([register]).run('annotate', 'pod', 'x', '--list', '-o', 'yaml')).rejects.toThrow('--list and --output may not be specified together');
  });
});
