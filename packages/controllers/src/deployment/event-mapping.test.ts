import { describe, expect, it } from 'vitest';
import type { Deployment } from 'kubernetes-types/apps/v1';
import type { Pod } from 'kubernetes-types/core/v1';
import { keysForDeletedPod, keysForReplicaSet, type MappingCache } from './event-mapping';
import { deployment, replicaSet } from './test-support';
import { boundPod, frozen } from '../testing/fixtures';
import type { RS } from './replica-sets';

function cacheOf(deployments: Deployment[], rss: RS[], pods: Pod[] = []): MappingCache {
  const key = (o: { metadata?: { namespace?: string; name?: string } }) => `${o.metadata?.namespace}/${o.metadata?.name}`;
  return {
    deployment: (k) => deployments.find((d) => key(d) === k),
    deploymentsIn: () => deployments,
    replicaSet: (k) => rss.find((rs) => key(rs) === k),
    replicaSetsIn: () => rss,
    podsIn: () => pods,
  };
}

describe('keysForReplicaSet', () => {
  const web = frozen(deployment('web'));
  const other = frozen({ ...deployment('other'), spec: { ...deployment('other').spec!, selector: { matchLabels: { app: 'web' } } } });

  it('maps a controlled ReplicaSet to its Deployment only when the uid matches', () => {
    const cache = cacheOf([web, other], []);
    expect(keysForReplicaSet(cache, frozen(replicaSet('web-a', 1, { owner: web })))).toEqual(['default/web']);
    const stale = replicaSet('web-a', 1, { owner: web });
    stale.metadata!.ownerReferences![0].uid = 'uid-of-a-predecessor';
    expect(keysForReplicaSet(cache, frozen(stale))).toEqual([]);
  });

  it('maps an orphan to every Deployment selecting its labels', () => {
    expect(keysForReplicaSet(cacheOf([web, other], []), frozen(replicaSet('x', 1)))).toEqual(['default/web', 'default/other']);
    expect(keysForReplicaSet(cacheOf([web, other], []), frozen(replicaSet('x', 1, { labels: {} })))).toEqual([]);
  });
});

describe('keysForDeletedPod', () => {
  const recreate = frozen(deployment('web', { strategy: 'Recreate' }));
  const rs = frozen(replicaSet('web-a', 0, { owner: recreate }));
  const pod = (name: string) => frozen(boundPod(name, 'n1', { labels: { app: 'web' }, owner: { kind: 'ReplicaSet', name: 'web-a', uid: 'uid-web-a' } }));

  it('wakes a Recreate Deployment when its last pod is gone', () => {
    expect(keysForDeletedPod(cacheOf([recreate], [rs]), pod('p1'))).toEqual(['default/web']);
    expect(keysForDeletedPod(cacheOf([recreate], [rs], [pod('p2')]), pod('p1'))).toEqual([]);
  });

  it('ignores RollingUpdate Deployments and pods of other owners', () => {
    const rolling = frozen(deployment('web'));
    expect(keysForDeletedPod(cacheOf([rolling], [frozen(replicaSet('web-a', 0, { owner: rolling }))]), pod('p1'))).toEqual([]);
    expect(keysForDeletedPod(cacheOf([recreate], [rs]), frozen(boundPod('p', 'n1')))).toEqual([]);
  });
});
