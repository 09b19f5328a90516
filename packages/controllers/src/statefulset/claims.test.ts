import { describe, expect, it } from 'vitest';
import type { Pod } from 'kubernetes-types/core/v1';
import type { OwnerReference } from 'kubernetes-types/meta/v1';
import { claimsForOrdinal, storageMatches, updateStorage } from './claims';
import { claimOwnerRefsFor, isClaimOwnerUpToDate, podClaimIsStale } from './retention';
import { claimsOf, podOf, webSet } from './fixtures';

const setRef = { apiVersion: 'apps/v1', kind: 'StatefulSet', name: 'web', uid: 'uid-web', controller: true, blockOwnerDeletion: true };
const podRef = (n: number, uid = `uid-web-${n}`) => ({ apiVersion: 'v1', kind: 'Pod', name: `web-${n}`, uid, controller: true, blockOwnerDeletion: true });
const policy = (whenDeleted: string, whenScaled: string) => ({ persistentVolumeClaimRetentionPolicy: { whenDeleted, whenScaled } });

describe('claims from volumeClaimTemplates', () => {
  it('names claims <template>-<set>-<n> and labels them with the selector, without the template status or null timestamp', () => {
    const set = webSet();
    set.spec!.volumeClaimTemplates![0].metadata!.labels = { tier: 'db' };
    expect(claimsForOrdinal(set, 1)).toEqual([
      {
        apiVersion: 'v1',
        kind: 'PersistentVolumeClaim',
        metadata: { name: 'www-web-1', namespace: 'default', labels: { tier: 'db', app: 'web' } },
        spec: { accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '1Gi' } }, volumeMode: 'Filesystem' },
      },
    ]);
  });

  it('puts the claim volumes on a pod, replacing a same-named volume and keeping the others', () => {
    const set = webSet();
    const pod: Pod = { metadata: { name: 'web-4' }, spec: { containers: [], volumes: [{ name: 'www', emptyDir: {} }, { name: 'config', configMap: { name: 'cfg' } }] } };
    expect(storageMatches(set, pod)).toBe(false);
    updateStorage(set, pod);
    expect(pod.spec?.volumes).toEqual([
      { name: 'www', persistentVolumeClaim: { claimName: 'www-web-4' } },
      { name: 'config', configMap: { name: 'cfg' } },
    ]);
    expect(storageMatches(set, pod)).toBe(true);
  });
});

describe('persistentVolumeClaimRetentionPolicy', () => {
  const claimWith = (set = webSet(), refs: OwnerReference[] = []) => claimsOf(set, 2, { ownerReferences: refs })[0];

  it('Retain/Retain wants no references from the set or pod', () => {
    const set = webSet();
    const pod = podOf(set, 2, 'r1');
    expect(isClaimOwnerUpToDate(claimWith(set), set, pod)).toBe(true);
    const owned = claimWith(set, [setRef]);
    expect(isClaimOwnerUpToDate(owned, set, pod)).toBe(false);
    expect(claimOwnerRefsFor(owned, set, pod)).toEqual([]);
  });

  it('whenDeleted=Delete makes the set own the claim', () => {
    const set = webSet({ spec: policy('Delete', 'Retain') });
    const pod = podOf(set, 2, 'r1');
    const claim = claimWith(set);
    expect(isClaimOwnerUpToDate(claim, set, pod)).toBe(false);
    expect(claimOwnerRefsFor(claim, set, pod)).toEqual([setRef]);
    expect(isClaimOwnerUpToDate(claimWith(set, [setRef]), set, pod)).toBe(true);
  });

  it('whenScaled=Delete makes a condemned pod own its claim, and leaves a wanted pod\'s claim alone', () => {
    const set = webSet({ replicas: 2, spec: policy('Retain', 'Delete') });
    const condemned = podOf(set, 2, 'r1');
    expect(claimOwnerRefsFor(claimWith(set), set, condemned)).toEqual([podRef(2)]);
    const wanted = podOf(set, 1, 'r1');
    const claim1 = claimsOf(set, 1)[0];
    expect(isClaimOwnerUpToDate(claim1, set, wanted)).toBe(true);
  });

  it('Delete/Delete moves ownership from the set to the pod when the pod is condemned', () => {
    const set = webSet({ replicas: 2, spec: policy('Delete', 'Delete') });
    const condemned = podOf(set, 2, 'r1');
    const claim = claimWith(set, [setRef]);
    expect(isClaimOwnerUpToDate(claim, set, condemned)).toBe(false);
    expect(claimOwnerRefsFor(claim, set, condemned)).toEqual([podRef(2)]);
  });

  it('leaves claims of an earlier pod of the same name, or held by another controller, alone', () => {
    const set = webSet({ replicas: 2, spec: policy('Delete', 'Delete') });
    const pod = podOf(set, 2, 'r1');
    expect(isClaimOwnerUpToDate(claimWith(set, [podRef(2, 'uid-old')]), set, pod)).toBe(true);
    const foreign = { apiVersion: 'example.com/v1', kind: 'Keeper', name: 'k', uid: 'uid-k', controller: true };
    expect(isClaimOwnerUpToDate(claimWith(set, [foreign]), set, pod)).toBe(true);
    expect(claimOwnerRefsFor(claimWith(set, [foreign, setRef]), set, pod)).toEqual([foreign]);
  });

  it('calls a claim stale under whenScaled=Delete while an earlier pod of that name still owns it', () => {
    const set = webSet({ spec: policy('Retain', 'Delete') });
    const replacement = { metadata: { name: 'web-2', namespace: 'default' } };
    expect(podClaimIsStale(set, replacement, [claimWith(set, [podRef(2, 'uid-old')])])).toBe(true);
    expect(podClaimIsStale(set, replacement, [claimWith(set)])).toBe(false);
    expect(podClaimIsStale(webSet(), replacement, [claimWith(set, [podRef(2, 'uid-old')])])).toBe(false);
  });
});
