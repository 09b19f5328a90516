import type { KObject } from '@mk/api';
import { describe, expect, it } from 'vitest';
import { webDeployment, webReplicaSets } from './testing/fixtures';
import { REPLICASETS, WEB, failure, rolloutCli } from './testing/rollout-cli';

describe('mk rollout undo', () => {
  function withHistory(deployment: KObject = webDeployment()) {
    const c = rolloutCli();
    c.client.on('GET', WEB, deployment).on('GET', REPLICASETS, { items: webReplicaSets() }).on('PATCH', WEB, deployment);
    return c;
  }

  it('rolls back to the previous revision with a JSON patch', async () => {
    const c = withHistory();
    await c.run('rollout', 'undo', 'deployment/web');
    expect(c.stdout()).toBe('deployment.apps/web rolled back\n');
    const patch = c.client.requests.find((r) => r.method === 'PATCH')!;
    expect(patch.contentType).toBe('application/json-patch+json');
    expect(patch.body).toMatchObject([{ op: 'replace', path: '/spec/template', value: { spec: { containers: [{ image: 'nginx:1.26' }] } } }, { op: 'replace', path: '/metadata/annotations' }]);
  });

  it('marks dry runs, and a client dry run prints the template it would restore', async () => {
    const s = withHistory();
    await s.run('rollout', 'undo', 'deployment/web', '--dry-run=server', '--to-revision=1');
    expect(s.stdout()).toBe('deployment.apps/web rolled back (server dry run)\n');
    expect(s.client.requests.find((r) => r.method === 'PATCH')!.query).toEqual({ dryRun: 'All' });

    const c = withHistory();
    await c.run('rollout', 'undo', 'deployment/web', '--dry-run=client');
    expect(c.stdout()).toMatch(/^deployment\.apps\/web Pod Template:\n  Labels:\tapp=web\n\tpod-template-hash=h2\n[\s\S]*    Image:\tnginx:1\.26\n[\s\S]* \(dry run\)\n$/);
    expect(c.client.requests.some((r) => r.method === 'PATCH')).toBe(false);
  });

  it('skips a revision already running', async () => {
    const c = withHistory();
    await c.run('rollout', 'undo', 'deployment/web', '--to-revision=3');
    expect(c.stdout()).toBe('deployment.apps/web skipped rollback (current template already matches revision 3)\n');
  });

  it('reports a revision that is not in the history', async () => {
    const c = withHistory();
    expect(await failure(c.run('rollout', 'undo', 'deployment/web', '--to-revision=9'))).toEqual({ message: 'error: unable to find specified revision 9 in history\n', exitCode: 1 });
  });

  it('reports objects that do not exist as the server does', async () => {
    expect((await failure(rolloutCli().run('rollout', 'undo', 'deployment/web'))).message).toBe('Error from server (NotFound): deployments.apps "web" not found\n');
  });
});
