import { describe, expect, it } from 'vitest';
import { agentDaemonSet, webDeployment } from './testing/fixtures';
import { DEPLOYMENTS, WEB, failure, rolloutCli } from './testing/rollout-cli';

describe('mk rollout restart', () => {
  it('patches the restartedAt annotation with the local time in RFC 3339', async () => {
    const c = rolloutCli(540);
    c.client.on('GET', WEB, webDeployment()).on('PATCH', WEB, webDeployment());
    await c.run('rollout', 'restart', 'deployment/web');
    expect(c.stdout()).toBe('deployment.apps/web restarted\n');
    const patch = c.client.requests[1]!;
    expect(patch).toMatchObject({ method: 'PATCH', contentType: 'application/strategic-merge-patch+json', query: { fieldManager: 'kubectl-rollout' } });
    expect(patch.body).toEqual({ spec: { template: { metadata: { annotations: { 'kubectl.kubernetes.io/restartedAt': '2025-01-01T09:00:00+09:00' } } } } });
  });

  it('restarts every deployment of a bare type, and -o name prints names', async () => {
    const c = rolloutCli();
    const api = { ...webDeployment(), metadata: { ...webDeployment().metadata, name: 'api' } };
    c.client.on('GET', DEPLOYMENTS, { items: [webDeployment(), api] }).on('PATCH', WEB, webDeployment()).on('PATCH', `${DEPLOYMENTS}/api`, api);
    await c.run('rollout', 'restart', 'deploy', '-o', 'name');
    expect(c.stdout()).toBe('deployment.apps/web\ndeployment.apps/api\n');
  });

  it("refuses a paused deployment with kubectl's message", async () => {
    const c = rolloutCli();
    c.client.on('GET', WEB, webDeployment({ paused: true }));
    expect(await failure(c.run('rollout', 'restart', 'deployment', 'web'))).toEqual({
      message: 'error: deployments.apps "web" can\'t restart paused deployment (run rollout resume first)\n',
      exitCode: 1,
    });
  });

  it('refuses a second restart within the same second', async () => {
    const c = rolloutCli();
    const restarted = webDeployment();
    (restarted.spec as { template: { metadata: Record<string, unknown> } }).template.metadata.annotations = { 'kubectl.kubernetes.io/restartedAt': '2025-01-01T00:00:00Z' };
    c.client.on('GET', WEB, restarted);
    expect((await failure(c.run('rollout', 'restart', 'deployment/web'))).message).toBe(
      'error: failed to create patch for web: if restart has already been triggered within the past second, please wait before attempting to trigger another\n',
    );
  });

  it('says when a selector matches nothing', async () => {
    const c = rolloutCli();
    await c.run('rollout', 'restart', 'deployment', '-l', 'app=none');
    expect(c.stderr()).toBe('No resources found in default namespace.\n');
    expect(c.client.requests[0]).toMatchObject({ path: DEPLOYMENTS, query: { labelSelector: 'app=none' } });
  });

  it('requires a resource', async () => {
    expect(await failure(rolloutCli().run('rollout', 'restart'))).toEqual({ message: 'error: required resource not specified\n', exitCode: 1 });
  });
});

describe('mk rollout pause / resume', () => {
  it('pauses with {"spec":{"paused":true}}', async () => {
    const c = rolloutCli();
    c.client.on('GET', WEB, webDeployment()).on('PATCH', WEB, webDeployment({ paused: true }));
    await c.run('rollout', 'pause', 'deployment/web');
    expect(c.client.requests[1]!.body).toEqual({ spec: { paused: true } });
    expect(c.stdout()).toBe('deployment.apps/web paused\n');
  });

  it('resumes with {"spec":{"paused":null}}', async () => {
    const c = rolloutCli();
    c.client.on('GET', WEB, webDeployment({ paused: true })).on('PATCH', WEB, webDeployment());
    await c.run('rollout', 'resume', 'deployment/web');
    expect(c.client.requests[1]!.body).toEqual({ spec: { paused: null } });
    expect(c.stdout()).toBe('deployment.apps/web resumed\n');
  });

  it("reports the wrong state in kubectl's words, one line per object when there are several", async () => {
    const c = rolloutCli();
    c.client.on('GET', WEB, webDeployment());
    expect((await failure(c.run('rollout', 'resume', 'deployment/web'))).message).toBe('error: deployments.apps "web" is not paused\n');

    const d = rolloutCli();
    const api = { ...webDeployment({ paused: true }), metadata: { ...webDeployment().metadata, name: 'api' } };
    d.client.on('GET', WEB, webDeployment({ paused: true })).on('GET', `${DEPLOYMENTS}/api`, api);
    expect(await failure(d.run('rollout', 'pause', 'deployment', 'web', 'api'))).toEqual({ message: '', exitCode: 1 });
    expect(d.stderr()).toBe('error: deployments.apps "web" is already paused\nerror: deployments.apps "api" is already paused\n');
  });

  it('refuses kinds other than Deployment', async () => {
    const c = rolloutCli();
    c.client.on('GET', '/apis/apps/v1/namespaces/default/daemonsets/agent', agentDaemonSet('a'));
    expect((await failure(c.run('rollout', 'pause', 'ds/agent'))).message).toBe('error: daemonsets.apps "agent" pausing is not supported\n');
  });
});
