import { describe, expect, it } from 'vitest';
import { FakeApiClient, STANDARD_RESOURCES } from '../mutate/testing/fake-client';
import { deploymentReplicaSets, orderReplicaSets } from './deployment-replicasets';
import { webDeployment, webReplicaSet, webReplicaSets } from './testing/fixtures';

const names = (list: { metadata?: { name?: string } }[]) => list.map((rs) => rs.metadata?.name);

describe('orderReplicaSets', () => {
  it('keeps the owned ones, old ones by creation, the one matching the template last', () => {
    expect(names(orderReplicaSets(webDeployment({ image: 'nginx:1.26' }), webReplicaSets()))).toEqual(['web-h1', 'web-h3', 'web-h2']);
    expect(names(orderReplicaSets(webDeployment(), webReplicaSets()))).toEqual(['web-h1', 'web-h2', 'web-h3']);
  });

  it('has no new one when no template matches, and breaks creation ties by name', () => {
    const a = webReplicaSet(1, 'nginx:1', 5);
    const b = { ...webReplicaSet(2, 'nginx:2', 5), metadata: { ...webReplicaSet(2, 'nginx:2', 5).metadata, name: 'web-a' } };
    expect(names(orderReplicaSets(webDeployment({ image: 'other' }), [a, b]))).toEqual(['web-a', 'web-h1']);
  });
});

describe('deploymentReplicaSets', () => {
  it("lists by the deployment's selector, following continue tokens", async () => {
    const client = new FakeApiClient(STANDARD_RESOURCES);
    const [rs3, rs1, rs2] = webReplicaSets();
    client.on('GET', '/apis/apps/v1/namespaces/default/replicasets', { metadata: { continue: 'next' }, items: [rs3] }, { metadata: {}, items: [rs1, rs2] });
    expect(names(await deploymentReplicaSets(client, webDeployment()))).toEqual(['web-h1', 'web-h2', 'web-h3']);
    expect(client.requests.map((r) => r.query)).toEqual([{ labelSelector: 'app=web' }, { labelSelector: 'app=web', continue: 'next' }]);
  });

  it('wraps list failures as kubectl does', async () => {
    const client = new FakeApiClient(STANDARD_RESOURCES);
    client.on('GET', '/apis/apps/v1/namespaces/default/replicasets', () => {
      throw new Error('boom');
    });
    await expect(deploymentReplicaSets(client, webDeployment())).rejects.toThrow('failed to retrieve replica sets from deployment web: boom');
  });
});
