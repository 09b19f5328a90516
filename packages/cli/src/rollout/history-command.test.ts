import { describe, expect, it } from 'vitest';
import { agentDaemonSet, agentRevision, webDeployment, webReplicaSets } from './testing/fixtures';
import { REPLICASETS, WEB, failure, rolloutCli } from './testing/rollout-cli';

describe('mk rollout history', () => {
  function withHistory() {
    const c = rolloutCli();
    c.client.on('GET', WEB, webDeployment()).on('GET', REPLICASETS, { items: webReplicaSets() });
    return c;
  }

  it('prints the name, then the revisions, as the name printer with the table as its operation', async () => {
    const c = withHistory();
    await c.run('rollout', 'history', 'deployment/web');
    expect(c.stdout()).toBe('deployment.apps/web \nREVISION  CHANGE-CAUSE\n1         <none>\n2         mk set image deployment/web nginx=nginx:1.26\n3         <none>\n\n');
  });

  it('prints one revision with --revision', async () => {
    const c = withHistory();
    await c.run('rollout', 'history', 'deployment/web', '--revision=1');
    expect(c.stdout()).toMatch(/^deployment\.apps\/web with revision #1\nPod Template:\n  Labels:\tapp=web\n\tpod-template-hash=h1\n  Containers:\n   nginx:\n    Image:\tnginx:1\.25\n[\s\S]*\n\n$/);
  });

  it('prints the ReplicaSets behind the revisions with -o', async () => {
    const c = withHistory();
    await c.run('rollout', 'history', 'deployment/web', '-o', 'name');
    expect(c.stdout()).toBe('replicaset.apps/web-h1\nreplicaset.apps/web-h2\nreplicaset.apps/web-h3\n');
    const d = withHistory();
    await d.run('rollout', 'history', 'deployment/web', '-o', 'yaml', '--revision', '2');
    expect(d.stdout()).toMatch(/^apiVersion: apps\/v1\nkind: ReplicaSet\nmetadata:\n/);
    expect(d.stdout()).toContain('name: web-h2\n');
  });

  it('lists a DaemonSet\'s ControllerRevisions', async () => {
    const c = rolloutCli();
    c.client.on('GET', '/apis/apps/v1/namespaces/default/daemonsets/agent', agentDaemonSet('agent:2'));
    c.client.on('GET', '/apis/apps/v1/namespaces/default/controllerrevisions', { items: [agentRevision(1, 'agent:1'), agentRevision(2, 'agent:2')] });
    await c.run('rollout', 'history', 'daemonset', 'agent');
    expect(c.stdout()).toBe('daemonset.apps/agent \nREVISION  CHANGE-CAUSE\n1         <none>\n2         <none>\n\n');
  });

  it('validates --revision like kubectl', async () => {
    expect((await failure(rolloutCli().run('rollout', 'history', 'deployment/web', '--revision=-1'))).message).toBe('error: revision must be a positive integer: -1\n');
    expect((await failure(rolloutCli().run('rollout', 'history', 'deployment/web', '--revision=x'))).message).toBe(
      'error: invalid argument "x" for "--revision" flag: strconv.ParseInt: parsing "x": invalid syntax\n',
    );
    const c = withHistory();
    expect((await failure(c.run('rollout', 'history', 'deployment/web', '--revision=8'))).message).toBe('error: unable to find the specified revision\n');
  });

  it('refuses kinds without history', async () => {
    const c = rolloutCli();
    c.client.on('GET', '/api/v1/namespaces/default/pods/nginx', { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'nginx' } });
    expect((await failure(c.run('rollout', 'history', 'pod/nginx'))).message).toBe('error: no history viewer has been implemented for "Pod"\n');
  });
});
