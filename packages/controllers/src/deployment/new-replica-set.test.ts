import { describe, expect, it } from 'vitest';
import { buildNewReplicaSet, newRSNewReplicas, podTemplateHash } from './new-replica-set';
import { deployment, replicaSet } from './test-support';
import { computeHash } from '../framework/hash';
import { frozen } from '../testing/fixtures';

describe('buildNewReplicaSet', () => {
  it('names it <deployment>-<hash>, adds the hash to labels, selector and template labels, and copies the template otherwise verbatim', () => {
    const d = frozen(deployment('web', { replicas: 3, minReadySeconds: 5, annotations: { 'kubernetes.io/change-cause': 'v1' } }));
    const hash = computeHash(d.spec!.template);
    expect(podTemplateHash(d)).toBe(hash);
    const rs = buildNewReplicaSet(d, [], 1);
    expect(rs.metadata).toEqual({
      name: `web-${hash}`,
      namespace: 'default',
      labels: { app: 'web', 'pod-template-hash': hash },
      annotations: { 'kubernetes.io/change-cause': 'v1', 'deployment.kubernetes.io/revision': '1', 'deployment.kubernetes.io/desired-replicas': '3', 'deployment.kubernetes.io/max-replicas': '4' },
      ownerReferences: [{ apiVersion: 'apps/v1', kind: 'Deployment', name: 'web', uid: 'uid-web', controller: true, blockOwnerDeletion: true }],
    });
    expect(rs.spec).toEqual({
      replicas: 3,
      minReadySeconds: 5,
      selector: { matchLabels: { app: 'web', 'pod-template-hash': hash } },
      template: { metadata: { labels: { app: 'web', 'pod-template-hash': hash } }, spec: d.spec!.template!.spec },
    });
  });

  it('hashes differently once collisionCount is bumped', () => {
    const d = deployment('web');
    const bumped = { ...d, status: { collisionCount: 1 } };
    expect(podTemplateHash(bumped)).not.toBe(podTemplateHash(d));
    expect(podTemplateHash(bumped)).toBe(computeHash(d.spec!.template, 1));
  });

  it('starts a rolling update at what maxSurge leaves room for', () => {
    const d = deployment('web', { replicas: 10, maxSurge: 2, image: 'nginx:1.13' });
    expect(buildNewReplicaSet(d, [replicaSet('web-old', 10)], 2).spec!.replicas).toBe(2);
    expect(buildNewReplicaSet(d, [replicaSet('web-old', 12)], 2).spec!.replicas).toBe(0);
  });
});

describe('newRSNewReplicas', () => {
  it('never exceeds spec.replicas + maxSurge in total nor spec.replicas for the new ReplicaSet', () => {
    const d = deployment('web', { replicas: 4, maxSurge: '50%' });
    expect(newRSNewReplicas(d, [replicaSet('old', 4), replicaSet('new', 0)], replicaSet('new', 0))).toBe(2);
    expect(newRSNewReplicas(d, [replicaSet('old', 1), replicaSet('new', 3)], replicaSet('new', 3))).toBe(4);
    expect(newRSNewReplicas(d, [replicaSet('old', 4), replicaSet('new', 2)], replicaSet('new', 2))).toBe(2);
  });

  it('is spec.replicas for Recreate', () => {
    expect(newRSNewReplicas(deployment('web', { replicas: 5, strategy: 'Recreate' }), [replicaSet('old', 5)], replicaSet('new', 0))).toBe(5);
  });
});
