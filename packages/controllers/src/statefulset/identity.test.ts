import { describe, expect, it } from 'vitest';
import { getOrdinal, identityMatches, isMemberOf, parentAndOrdinal, podInOrdinalRange, updateIdentity } from './identity';
import { newStatefulSetPod, newVersionedStatefulSetPod } from './new-pod';
import { webSet } from './fixtures';

describe('pod identity', () => {
  it('reads parent and ordinal from the pod name as upstream getParentNameAndOrdinal', () => {
    expect(parentAndOrdinal('web-0')).toEqual({ parent: 'web', ordinal: 0 });
    expect(parentAndOrdinal('my-db-12')).toEqual({ parent: 'my-db', ordinal: 12 });
    expect(parentAndOrdinal('web')).toEqual({ parent: '', ordinal: -1 });
    expect(parentAndOrdinal('web-99999999999')).toEqual({ parent: 'web', ordinal: -1 });
  });

  it('knows members and the wanted ordinal range, honouring spec.ordinals.start', () => {
    const set = webSet({ replicas: 2, spec: { ordinals: { start: 5 } } });
    const pod = (name: string) => ({ metadata: { name, namespace: 'default' } });
    expect(isMemberOf(set, pod('web-3'))).toBe(true);
    expect(isMemberOf(set, pod('webby-3'))).toBe(false);
    expect(['web-4', 'web-5', 'web-6', 'web-7'].map((n) => podInOrdinalRange(pod(n), set))).toEqual([false, true, true, false]);
  });

  it('builds pod <set>-<n> with identity labels, hostname, subdomain, claim volumes and the controller reference', () => {
    const pod = newStatefulSetPod(webSet(), 2);
    expect(pod.metadata).toEqual({
      name: 'web-2',
      namespace: 'default',
      labels: { app: 'web', 'statefulset.kubernetes.io/pod-name': 'web-2', 'apps.kubernetes.io/pod-index': '2' },
      ownerReferences: [{ apiVersion: 'apps/v1', kind: 'StatefulSet', name: 'web', uid: 'uid-web', controller: true, blockOwnerDeletion: true }],
    });
    expect(pod.spec?.hostname).toBe('web-2');
    expect(pod.spec?.subdomain).toBe('web');
    expect(pod.spec?.volumes).toEqual([{ name: 'www', persistentVolumeClaim: { claimName: 'www-web-2' } }]);
    expect(getOrdinal(pod)).toBe(2);
    expect(identityMatches(webSet(), pod)).toBe(true);
  });

  it('restores a lost pod-name label', () => {
    const pod = newStatefulSetPod(webSet(), 1);
    delete pod.metadata!.labels!['statefulset.kubernetes.io/pod-name'];
    expect(identityMatches(webSet(), pod)).toBe(false);
    updateIdentity(webSet(), pod);
    expect(identityMatches(webSet(), pod)).toBe(true);
  });

  it('makes ordinals below the partition at the current revision and the rest at the update revision', () => {
    const current = webSet({ image: 'nginx:1.26', spec: { updateStrategy: { type: 'RollingUpdate', rollingUpdate: { partition: 2 } } } });
    const update = webSet({ image: 'nginx:1.27', spec: { updateStrategy: { type: 'RollingUpdate', rollingUpdate: { partition: 2 } } } });
    const at = (n: number) => {
      const pod = newVersionedStatefulSetPod(current, update, 'web-old', 'web-new', n);
      return `${pod.metadata?.labels?.['controller-revision-hash']} ${pod.spec?.containers[0].image}`;
    };
    expect([0, 1, 2].map(at)).toEqual(['web-old nginx:1.26', 'web-old nginx:1.26', 'web-new nginx:1.27']);
  });
});
