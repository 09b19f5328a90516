import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatCliError } from '../error-boundary';
import { fakeCli } from '../mutate/testing/fake-context';
import { register } from './delete';

const pod = (name: string, uid = `uid-${name}`) => ({ apiVersion: 'v1', kind: 'Pod', metadata: { name, namespace: 'default', uid, resourceVersion: '5' } });

describe('mk delete', () => {
  it('deletes with background propagation, prints kubectl 1.32\'s line and waits until the object is gone', async () => {
    const cli = fakeCli([register]);
    cli.client.on('DELETE', '/api/v1/namespaces/default/pods/nginx', pod('nginx'));
    await cli.run('delete', 'pod', 'nginx');
    expect(cli.stdout()).toBe('pod "nginx" deleted\n');
    expect(cli.client.calls()).toEqual(['DELETE /api/v1/namespaces/default/pods/nginx', 'GET /api/v1/namespaces/default/pods/nginx']);
    expect(JSON.stringify(cli.client.requests[0]!.body)).toBe('{"propagationPolicy":"Background"}');
  });

  it('watches by name until the DELETED event when the object is still terminating', async () => {
    const cli = fakeCli([register]);
    const collection = '/api/v1/namespaces/default/pods';
    cli.client.on('DELETE', `${collection}/nginx`, pod('nginx'));
    cli.client.on('GET', `${collection}/nginx`, { ...pod('nginx'), metadata: { ...pod('nginx').metadata, deletionTimestamp: '2025-01-01T00:00:00Z' } });
    cli.client.on('GET', collection, { metadata: { resourceVersion: '7' }, items: [pod('nginx')] });
    cli.client.watchEvents.set(collection, [
      { type: 'MODIFIED', object: pod('nginx') },
      { type: 'DELETED', object: pod('nginx') },
    ]);
    await cli.run('delete', 'pods/nginx');
    expect(cli.client.calls()).toEqual([`DELETE ${collection}/nginx`, `GET ${collection}/nginx`, `GET ${collection}`, `WATCH ${collection}`]);
    expect(cli.client.requests[2]!.query).toEqual({ fieldSelector: 'metadata.name=nginx', limit: 500, resourceVersion: '0' });
    expect(cli.client.requests[3]!.query).toEqual({ allowWatchBookmarks: true, fieldSelector: 'metadata.name=nginx', resourceVersion: '7' });
  });

  it('stops waiting when a new object with the same name took its place', async () => {
    const cli = fakeCli([register]);
    cli.client.on('DELETE', '/api/v1/namespaces/default/pods/web', pod('web', 'old'));
    cli.client.on('GET', '/api/v1/namespaces/default/pods/web', pod('web', 'new'));
    await cli.run('delete', 'pod', 'web');
    expect(cli.client.calls()).toHaveLength(2);
  });

  it('prints resource/name with -o name and honours --wait=false', async () => {
    const cli = fakeCli([register]);
    cli.client.on('DELETE', '/apis/apps/v1/namespaces/default/deployments/web', {});
    await cli.run('delete', 'deploy/web', '-o', 'name', '--wait=false');
    expect(cli.stdout()).toBe('deployment.apps/web\n');
    expect(cli.client.calls()).toEqual(['DELETE /apis/apps/v1/namespaces/default/deployments/web']);
  });

  it('deletes by label selector, ignoring objects that vanished meanwhile', async () => {
    const cli = fakeCli([register]);
    cli.client.on('GET', '/api/v1/namespaces/default/pods', { items: [pod('a'), pod('b')] });
    cli.client.on('DELETE', '/api/v1/namespaces/default/pods/a', pod('a'));
    await cli.run('delete', 'pods', '-l', 'app=web', '--wait=false');
    expect(cli.client.requests[0]!.query).toEqual({ labelSelector: 'app=web', limit: 500 });
    expect(cli.stdout()).toBe('pod "a" deleted\n');
  });

  it('says "No resources found" when a selector matches nothing', async () => {
    const cli = fakeCli([register]);
    cli.client.on('GET', '/api/v1/namespaces/default/pods', { items: [] });
    await cli.run('delete', 'pods', '--all');
    expect(cli.stdout()).toBe('No resources found\n');
  });

  it('fails with the server\'s NotFound, which --ignore-not-found silences', async () => {
    const cli = fakeCli([register]);
    const err = await cli.run('delete', 'pod', 'nope').catch((e: unknown) => e);
    expect(formatCliError(err).message).toBe('Error from server (NotFound): pods "nope" not found\n');
    const quiet = fakeCli([register]);
    await quiet.run('delete', 'pod', 'nope', '--ignore-not-found');
    expect(quiet.stdout()).toBe('');
  });

  it('names the manifest in errors when deleting from a file', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'mk-delete-'));
    const file = path.join(dir, 'web.yaml');
    writeFileSync(file, 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\n');
    const cli = fakeCli([register]);
    const err = await cli.run('delete', '-f', file).catch((e: unknown) => e);
    expect(formatCliError(err).message).toBe(`Error from server (NotFound): error when deleting "${file}": pods "web" not found\n`);
  });

  it('force-deletes immediately with kubectl\'s warning', async () => {
    const cli = fakeCli([register]);
    cli.client.on('DELETE', '/api/v1/namespaces/default/pods/web', pod('web'));
    await cli.run('delete', 'pod', 'web', '--force', '--grace-period=0', '--wait=false');
    expect(cli.stderr()).toBe(
      'Warning: Immediate deletion does not wait for confirmation that the running resource has been terminated. The resource may continue to run on the cluster indefinitely.\n',
    );
    expect(cli.client.requests[0]!.body).toEqual({ gracePeriodSeconds: 0, propagationPolicy: 'Background' });
    expect(cli.stdout()).toBe('pod "web" force deleted\n');
  });

  it('sends dryRun=All for a server dry run and does not wait', async () => {
    const cli = fakeCli([register]);
    cli.client.on('DELETE', '/api/v1/namespaces/default/pods/web', pod('web'));
    await cli.run('delete', 'pod', 'web', '--dry-run=server', '--cascade=foreground');
    expect(cli.client.requests[0]!.body).toEqual({ propagationPolicy: 'Foreground', dryRun: ['All'] });
    expect(cli.stdout()).toBe('pod "web" deleted (server dry run)\n');
    expect(cli.client.calls()).toHaveLength(1);
  });

  it('warns once when -n was given but the object is cluster-scoped', async () => {
    const cli = fakeCli([register], { namespace: 'dev', namespaceExplicit: true });
    cli.client.on('DELETE', '/api/v1/namespaces/old', {});
    await cli.run('delete', 'ns', 'old', '--wait=false');
    expect(cli.stderr()).toBe('Warning: deleting cluster-scoped resources, not scoped to the provided namespace\n');
    expect(cli.stdout()).toBe('namespace "old" deleted\n');
  });

  it('rejects kubectl\'s invalid combinations', async () => {
    await expect(fakeCli([register]).run('delete', 'pods')).rejects.toThrow('resource(s) were provided, but no name was specified');
    await expect(fakeCli([register]).run('delete', 'pod', 'x', '--force', '--grace-period=5')).rejects.toThrow(
      '--force and --grace-period greater than 0 cannot be specified together',
    );
    await expect(fakeCli([register]).run('delete', 'pods', '--all', '-l', 'a=b')).rejects.toThrow('cannot set --all and --selector at the same time');
    await expect(fakeCli([register]).run('delete', 'pod', 'x', '-o', 'yaml')).rejects.toThrow("unexpected -o output mode: yaml. We only support '-o name'");
    await expect(fakeCli([register]).run('delete')).rejects.toThrow('You must provide one or more resources by argument or filename.');
  });
});
