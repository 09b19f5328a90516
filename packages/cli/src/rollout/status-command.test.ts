import { describe, expect, it } from 'vitest';
import { webDeployment } from './testing/fixtures';
import { DEPLOYMENTS, WEB, failure, rolloutCli } from './testing/rollout-cli';

describe('mk rollout status', () => {
  const status = (s: Record<string, unknown>) => ({ ...webDeployment(), metadata: { ...webDeployment().metadata, resourceVersion: String(s.rv ?? 30) }, status: { observedGeneration: 3, ...s } });

  it('prints the progress lines until the rollout is done', async () => {
    const c = rolloutCli();
    c.client.on('GET', WEB, webDeployment());
    c.client.on('GET', DEPLOYMENTS, { metadata: { resourceVersion: '30' }, items: [status({ replicas: 4, updatedReplicas: 3, availableReplicas: 3 })] });
    c.client.watchEvents.set(DEPLOYMENTS, [
      { type: 'MODIFIED', object: status({ rv: 31, replicas: 3, updatedReplicas: 3, availableReplicas: 2 }) },
      { type: 'MODIFIED', object: status({ rv: 32, replicas: 3, updatedReplicas: 3, availableReplicas: 3 }) },
    ]);
    await c.run('rollout', 'status', 'deployment/web');
    expect(c.stdout()).toBe(
      'Waiting for deployment "web" rollout to finish: 1 old replicas are pending termination...\n' +
        'Waiting for deployment "web" rollout to finish: 2 of 3 updated replicas are available...\n' +
        'deployment "web" successfully rolled out\n',
    );
  });

  it('prints one line and exits with --watch=false', async () => {
    const c = rolloutCli();
    c.client.on('GET', WEB, webDeployment());
    c.client.on('GET', DEPLOYMENTS, { metadata: { resourceVersion: '30' }, items: [status({ updatedReplicas: 1 })] });
    await c.run('rollout', 'status', 'deployment/web', '--watch=false');
    expect(c.stdout()).toBe('Waiting for deployment "web" rollout to finish: 1 out of 3 new replicas have been updated...\n');
  });

  it('fails with exit 1 when the progress deadline is exceeded', async () => {
    const c = rolloutCli();
    c.client.on('GET', WEB, webDeployment());
    c.client.on('GET', DEPLOYMENTS, { items: [status({ conditions: [{ type: 'Progressing', status: 'False', reason: 'ProgressDeadlineExceeded' }] })] });
    expect(await failure(c.run('rollout', 'status', 'deployment/web'))).toEqual({ message: 'error: deployment "web" exceeded its progress deadline\n', exitCode: 1 });
  });

  it('times out after --timeout', async () => {
    const c = rolloutCli();
    c.client.on('GET', WEB, webDeployment());
    c.client.on('GET', DEPLOYMENTS, { items: [status({ updatedReplicas: 1 })] });
    const run = failure(c.run('rollout', 'status', 'deployment/web', '--timeout=30s'));
    await new Promise((r) => setImmediate(r));
    await c.clock.advance(30_000);
    expect(await run).toEqual({ message: 'error: timed out waiting for the condition\n', exitCode: 1 });
  });

  it('validates its flags and kinds like kubectl', async () => {
    expect((await failure(rolloutCli().run('rollout', 'status', 'deployment/web', '--timeout=soon'))).message).toBe(
      'error: invalid argument "soon" for "--timeout" flag: time: invalid duration "soon"\n',
    );
    expect((await failure(rolloutCli().run('rollout', 'status'))).message).toBe('error: required resource not specified\n');
    expect((await failure(rolloutCli().run('rollout', 'status', 'deploy/web', '--revision=-2'))).message).toBe('error: revision must be a positive integer: -2\n');
    const c = rolloutCli();
    c.client.on('GET', '/api/v1/namespaces/default/pods/nginx', { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'nginx' } });
    expect((await failure(c.run('rollout', 'status', 'pod/nginx'))).message).toBe('error: no status viewer has been implemented for Pod\n');
  });

  it('says when nothing matched', async () => {
    const c = rolloutCli();
    await c.run('rollout', 'status', 'deployment', '-l', 'app=none');
    expect(c.stderr()).toBe('No resources found in default namespace.\n');
  });
});
