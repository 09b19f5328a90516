import { describe, expect, it } from 'vitest';
import { FakeApiClient, STANDARD_RESOURCES } from '../mutate/testing/fake-client';
import { deploymentHistory, deploymentRevisions } from './history-deployment';
import { webDeployment, webReplicaSet, webReplicaSets } from './testing/fixtures';

const DEPLOYMENT = '/apis/apps/v1/namespaces/default/deployments/web';
const REPLICASETS = '/apis/apps/v1/namespaces/default/replicasets';

function cluster(replicaSets = webReplicaSets()): FakeApiClient {
  return new FakeApiClient(STANDARD_RESOURCES).on('GET', DEPLOYMENT, webDeployment()).on('GET', REPLICASETS, { items: replicaSets });
}

describe('deploymentRevisions', () => {
  it("maps revisions to templates, copying the ReplicaSet's change-cause into the template", () => {
    const revisions = deploymentRevisions(webReplicaSets().slice(0, 3));
    expect([...revisions.keys()]).toEqual([3, 1, 2]);
    expect(revisions.get(2)?.metadata?.annotations).toEqual({ 'kubernetes.io/change-cause': 'mk set image deployment/web nginx=nginx:1.26' });
    expect(revisions.get(1)?.metadata?.annotations).toBeUndefined();
  });

  it('skips ReplicaSets whose revision does not parse', () => {
    const bad = webReplicaSet(4, 'x', 4, { 'deployment.kubernetes.io/revision': 'four' });
    expect([...deploymentRevisions([bad, webReplicaSet(1, 'y', 1)]).keys()]).toEqual([1]);
  });
});

describe('deploymentHistory', () => {
  it('prints the REVISION / CHANGE-CAUSE table in revision order', async () => {
    expect(await deploymentHistory.view(cluster(), 'default', 'web', 0)).toBe(
      'REVISION  CHANGE-CAUSE\n1         <none>\n2         mk set image deployment/web nginx=nginx:1.26\n3         <none>\n',
    );
  });

  it('prints the Pod Template of one revision', async () => {
    const text = await deploymentHistory.view(cluster(), 'default', 'web', 2);
    expect(text).toMatch(/^Pod Template:\n  Labels:\tapp=web\n\tpod-template-hash=h2\n  Annotations:\tkubernetes.io\/change-cause: mk set image deployment\/web nginx=nginx:1.26\n  Containers:\n   nginx:\n    Image:\tnginx:1.26\n/);
  });

  it('reports a missing revision and an empty history', async () => {
    await expect(deploymentHistory.view(cluster(), 'default', 'web', 7)).rejects.toThrow('unable to find the specified revision');
    expect(await deploymentHistory.view(cluster([]), 'default', 'web', 0)).toBe('No rollout history found.');
    expect(await deploymentHistory.view(cluster([]), 'default', 'web', 7)).toBe('No rollout history found.');
  });

  it('wraps a failed read of the deployment', async () => {
    const client = new FakeApiClient(STANDARD_RESOURCES);
    await expect(deploymentHistory.view(client, 'default', 'web', 0)).rejects.toThrow('failed to retrieve deployment web: deployments.apps "web" not found');
  });

  it('returns the ReplicaSets by revision, typed, for -o', async () => {
    const objects = await deploymentHistory.objects(cluster(), 'default', 'web');
    expect([...objects.keys()].sort()).toEqual([1, 2, 3]);
    expect(objects.get(2)).toMatchObject({ apiVersion: 'apps/v1', kind: 'ReplicaSet', metadata: { name: 'web-h2' } });
  });
});
