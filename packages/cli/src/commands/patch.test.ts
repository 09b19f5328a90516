import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatCliError } from '../error-boundary';
import { statusError } from '../mutate/testing/fake-client';
import { fakeCli } from '../mutate/testing/fake-context';
import { register } from './patch';

const DEPLOY = '/apis/apps/v1/namespaces/default/deployments/web';
const web = { apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'web', namespace: 'default', resourceVersion: '3' }, spec: { replicas: 1 } };

describe('mk patch', () => {
  it('sends a strategic merge patch by default and prints "patched"', async () => {
    const cli = fakeCli([register]);
    cli.client.on('GET', DEPLOY, web);
    cli.client.on('PATCH', DEPLOY, { ...web, spec: { replicas: 3 }, metadata: { ...web.metadata, resourceVersion: '4' } });
    await cli.run('patch', 'deployment', 'web', '-p', '{"spec":{"replicas":3}}');
    expect(cli.client.requests[1]).toMatchObject({
      method: 'PATCH',
      contentType: 'application/strategic-merge-patch+json',
      query: { fieldManager: 'kubectl-patch' },
      body: { spec: { replicas: 3 } },
    });
    expect(cli.stdout()).toBe('deployment.apps/web patched\n');
  });

  it('says "(no change)" when the server object is identical, without a dry-run suffix', async () => {
    const cli = fakeCli([register]);
    cli.client.on('GET', DEPLOY, web);
    cli.client.on('PATCH', DEPLOY, web);
    await cli.run('patch', 'deploy/web', '--type=merge', '-p', 'spec:\n  replicas: 1', '--dry-run=server');
    expect(cli.client.requests[1]).toMatchObject({ contentType: 'application/merge-patch+json', body: { spec: { replicas: 1 } }, query: { dryRun: 'All' } });
    // kubectl 1.32 prints no "(server dry run)" for patch.
    expect(cli.stdout()).toBe('deployment.apps/web patched (no change)\n');
  });

  it('sends JSON patches and subresource patches', async () => {
    const cli = fakeCli([register]);
    cli.client.on('GET', `${DEPLOY}/scale`, { kind: 'Scale', spec: { replicas: 1 } });
    cli.client.on('PATCH', `${DEPLOY}/scale`, { kind: 'Scale', spec: { replicas: 2 } });
    await cli.run('patch', 'deployment', 'web', '--subresource=scale', '--type', 'json', '-p', '[{"op":"replace","path":"/spec/replicas","value":2}]');
    expect(cli.client.requests[1]).toMatchObject({ contentType: 'application/json-patch+json', body: [{ op: 'replace', path: '/spec/replicas', value: 2 }] });
  });

  it('applies the patch locally with --local and prints the result', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'mk-patch-'));
    const file = path.join(dir, 'web.json');
    writeFileSync(file, JSON.stringify(web));
    const cli = fakeCli([register]);
    await cli.run('patch', '--local', '-f', file, '-p', '{"spec":{"replicas":5}}', '-o', 'json');
    expect(JSON.parse(cli.stdout())).toMatchObject({ spec: { replicas: 5 } });
    expect(cli.client.calls()).toEqual([]);
  });

  it('explains an unsupported patch type', async () => {
    const cli = fakeCli([register]);
    const w = '/apis/example.com/v1/namespaces/default/widgets/w';
    cli.client.on('GET', w, { kind: 'Widget' });
    cli.client.on('PATCH', w, () => {
      throw statusError(415, 'UnsupportedMediaType', 'the body of the request was in an unknown format');
    });
    const err = await cli.run('patch', 'widget', 'w', '-p', '{"spec":{}}').catch((e: unknown) => e);
    expect(formatCliError(err).message).toBe(
      'error: application/strategic-merge-patch+json is not supported by example.com/v1, Kind=Widget: the body of the request was in an unknown format\n',
    );
  });

  it('validates its flags like kubectl', async () => {
    await expect(fakeCli([register]).run('patch', 'pod', 'x')).rejects.toThrow('must specify --patch or --patch-file containing the contents of the patch');
    await expect(fakeCli([register]).run('patch', 'pod', 'x', '-p', '{}', '--type=xml')).rejects.toThrow('--type must be one of [json merge strategic], not "xml"');
    await expect(fakeCli([register]).run('patch', 'pod', 'x', '-p', '{}', '--patch-file=p.json')).rejects.toThrow('cannot specify --patch and --patch-file together');
  });
});
