import { describe, expect, it } from 'vitest';
import { FakeApiClient, STANDARD_RESOURCES } from '../mutate/testing/fake-client';
import { deploymentRollbackPatch, pickRollbackReplicaSet, rollbackDeployment } from './undo-deployment';
import { webDeployment, webReplicaSet, webReplicaSets } from './testing/fixtures';

const DEPLOYMENT = '/apis/apps/v1/namespaces/default/deployments/web';
const REPLICASETS = '/apis/apps/v1/namespaces/default/replicasets';
const target = { namespace: 'default', name: 'web' };

function cluster(deployment = webDeployment()): FakeApiClient {
  return new FakeApiClient(STANDARD_RESOURCES)
    .on('GET', DEPLOYMENT, deployment)
    .on('GET', REPLICASETS, { items: webReplicaSets() })
    .on('PATCH', DEPLOYMENT, deployment);
}

describe('pickRollbackReplicaSet', () => {
  const rss = webReplicaSets().slice(0, 3);

  it('takes the second-highest revision by default', () => {
    expect(pickRollbackReplicaSet('web', rss, 0).metadata?.name).toBe('web-h2');
    expect(pickRollbackReplicaSet('web', [webReplicaSet(5, 'a', 1), webReplicaSet(2, 'b', 2), webReplicaSet(4, 'c', 3)], 0).metadata?.name).toBe('web-h4');
  });

  it('takes the named revision', () => {
    expect(pickRollbackReplicaSet('web', rss, 1).metadata?.name).toBe('web-h1');
    expect(() => pickRollbackReplicaSet('web', rss, 7)).toThrow('unable to find specified revision 7 in history');
  });

  it('needs two revisions to go back one', () => {
    expect(() => pickRollbackReplicaSet('web', rss.slice(0, 1), 0)).toThrow('no rollout history found for deployment "web"');
  });
});

describe('deploymentRollbackPatch', () => {
  it("restores the template without its hash label and merges annotations as kubectl's annotationsToSkip says", () => {
    const rs = webReplicaSet(2, 'nginx:1.26', 2, { 'kubernetes.io/change-cause': 'v1.26' });
    expect(deploymentRollbackPatch(webDeployment(), rs)).toEqual([
      { op: 'replace', path: '/spec/template', value: { metadata: { labels: { app: 'web' } }, spec: { containers: [{ name: 'nginx', image: 'nginx:1.26' }] } } },
      {
        op: 'replace',
        path: '/metadata/annotations',
        value: { 'deployment.kubernetes.io/revision': '3', 'kubectl.kubernetes.io/last-applied-configuration': '{}', 'kubernetes.io/change-cause': 'v1.26' },
      },
    ]);
  });
});

describe('rollbackDeployment', () => {
  it('sends the JSON patch and says "rolled back"', async () => {
    const client = cluster();
    expect(await rollbackDeployment(client, target, 0, 'none')).toBe('rolled back');
    const patch = client.requests.find((r) => r.method === 'PATCH')!;
    expect(patch).toMatchObject({ path: DEPLOYMENT, contentType: 'application/json-patch+json', query: {} });
    expect((patch.body as { value: { spec: { containers: { image: string }[] } } }[])[0]!.value.spec.containers[0]!.image).toBe('nginx:1.26');
  });

  it('adds dryRun=All for a server dry run', async () => {
    const client = cluster();
    await rollbackDeployment(client, target, 1, 'server');
    expect(client.requests.find((r) => r.method === 'PATCH')!.query).toEqual({ dryRun: 'All' });
  });

  it('returns the Pod Template for a client dry run, even when paused, and sends nothing', async () => {
    const client = cluster(webDeployment({ paused: true }));
    const text = await rollbackDeployment(client, target, 1, 'client');
    expect(text.startsWith('Pod Template:\n  Labels:\tapp=web\n\tpod-template-hash=h1\n')).toBe(true);
    expect(client.requests.some((r) => r.method === 'PATCH')).toBe(false);
  });

  it('refuses a paused deployment', async () => {
    await expect(rollbackDeployment(cluster(webDeployment({ paused: true })), target, 0, 'none')).rejects.toThrow(
      "you cannot rollback a paused deployment; resume it first with 'mk rollout resume' and try again",
    );
  });

  it('skips when the deployment already runs that template', async () => {
    const client = cluster(webDeployment({ image: 'nginx:1.26' }));
    expect(await rollbackDeployment(client, target, 2, 'none')).toBe('skipped rollback (current template already matches revision 2)');
    expect(client.requests.some((r) => r.method === 'PATCH')).toBe(false);
  });

  it('rejects negative revisions and wraps failures as kubectl does', async () => {
    await expect(rollbackDeployment(cluster(), target, -1, 'none')).rejects.toThrow('unable to find specified revision -1 in history');
    await expect(rollbackDeployment(new FakeApiClient(STANDARD_RESOURCES), target, 0, 'none')).rejects.toThrow(
      'failed to retrieve Deployment web: deployments.apps "web" not found',
    );
    const failing = cluster().on('PATCH', DEPLOYMENT, () => {
      throw new Error('conflict');
    });
    await expect(rollbackDeployment(failing, target, 0, 'none')).rejects.toThrow('failed restoring revision 0: conflict');
  });
});
