import { openApiV3Document } from '@mk/api';
import { describe, expect, it } from 'vitest';
import { fakeCli } from '../mutate/testing/fake-context';
import { register } from './explain';

const appsDoc = openApiV3Document('apps', 'v1', [{ kind: 'Deployment', plural: 'deployments', namespaced: true, subresources: ['status', 'scale'] }]);

function cliWithSchema() {
  const cli = fakeCli([register]);
  cli.client.on('GET', '/openapi/v3', { paths: { 'apis/apps/v1': { serverRelativeURL: '/openapi/v3/apis/apps/v1?hash=ABC' } } });
  cli.client.on('GET', '/openapi/v3/apis/apps/v1?hash=ABC', appsDoc);
  return cli;
}

describe('mk explain', () => {
  it('renders a field of a resource named by short name from the group version document', async () => {
    const cli = cliWithSchema();
    await cli.run('explain', 'deploy.spec.strategy');
    expect(cli.stdout()).toMatch(/^GROUP:      apps\nKIND:       Deployment\nVERSION:    v1\n\nFIELD: strategy <DeploymentStrategy>\n/);
    expect(cli.client.requests[1]!.accept).toBe('application/json');
  });

  it('lists nested fields with --recursive', async () => {
    const cli = cliWithSchema();
    await cli.run('explain', 'deployments.apps.spec.strategy', '--recursive');
    expect(cli.stdout()).toContain('    maxSurge\t<IntOrString>\n');
  });

  it("prints kubectl's error for an unknown field after the header", async () => {
    const cli = cliWithSchema();
    await expect(cli.run('explain', 'deployments.spec.nope')).rejects.toThrow('field "nope" does not exist');
    expect(cli.stdout()).toBe('GROUP:      apps\nKIND:       Deployment\nVERSION:    v1\n\n');
  });

  it('fails when the group version has no document', async () => {
    const cli = fakeCli([register]);
    cli.client.on('GET', '/openapi/v3', { paths: {} });
    await expect(cli.run('explain', 'pods')).rejects.toThrow(`couldn't find resource for "/v1, Resource=pods"`);
  });

  it('reports an unknown type without the "error: " prefix, as kubectl explain does', async () => {
    const cli = fakeCli([register]);
    await expect(cli.run('explain', 'nothing')).rejects.toThrow(/^$/);
    expect(cli.stderr()).toBe('the server doesn\'t have a resource type "nothing"\n');
  });

  it('needs exactly one argument', async () => {
    await expect(fakeCli([register]).run('explain')).rejects.toThrow('You must specify the type of resource to explain.');
    await expect(fakeCli([register]).run('explain', 'pods', 'svc')).rejects.toThrow('We accept only this format: explain RESOURCE');
  });
});
