import { describe, expect, it } from 'vitest';
import type { OwnerReference } from '@mk/api';
import { decideForDependent, deleteOwnerReferencesPatch, planForegroundOwner, unblockOwnerReferencesPatch, type DependentSituation, type OwnerState } from './decide';
import type { GraphNode } from './graph';
import { ownerLookup, ownerState } from './owners';
import { AbsentOwnerCache, absentKey } from './absent-owners';

const ref = (name: string, extra: Partial<OwnerReference> = {}): OwnerReference => ({ apiVersion: 'apps/v1', kind: 'ReplicaSet', name, uid: `uid-${name}`, ...extra });
const situation = (owners: [string, OwnerState][], extra: Partial<DependentSituation> = {}): DependentSituation => ({
  owners: owners.map(([name, state]) => ({ ref: ref(name), state })),
  finalizers: [],
  hasDependents: false,
  dependentDeletingDependents: false,
  ...extra,
});

describe('decideForDependent (attemptToDeleteItem)', () => {
  it('keeps objects without owners or with only solid ones', () => {
    expect(decideForDependent(situation([]))).toEqual({ action: 'keep' });
    expect(decideForDependent(situation([['a', 'solid'], ['b', 'solid']]))).toEqual({ action: 'keep' });
  });

  it('with a solid owner left, only drops references to absent and foreground-waiting owners', () => {
    expect(decideForDependent(situation([['a', 'solid'], ['gone', 'dangling'], ['waits', 'waiting']]))).toEqual({ action: 'remove-owner-references', uids: ['uid-gone', 'uid-waits'] });
  });

  it('deletes an object whose owners are all absent, in the background unless its finalizers ask otherwise', () => {
    expect(decideForDependent(situation([['gone', 'dangling']]))).toEqual({ action: 'delete', propagationPolicy: 'Background', unblockOwnerReferences: false });
    expect(decideForDependent(situation([['gone', 'dangling']], { finalizers: ['orphan'] }))).toMatchObject({ propagationPolicy: 'Orphan' });
    expect(decideForDependent(situation([['gone', 'dangling']], { finalizers: ['foregroundDeletion'] }))).toMatchObject({ propagationPolicy: 'Foreground' });
  });

  it('deletes in the foreground a dependent of a foreground owner that has dependents itself, unblocking first when a cycle is possible', () => {
    expect(decideForDependent(situation([['waits', 'waiting']], { hasDependents: true }))).toEqual({ action: 'delete', propagationPolicy: 'Foreground', unblockOwnerReferences: false });
    expect(decideForDependent(situation([['waits', 'waiting']], { hasDependents: true, dependentDeletingDependents: true }))).toEqual({ action: 'delete', propagationPolicy: 'Foreground', unblockOwnerReferences: true });
    expect(decideForDependent(situation([['waits', 'waiting'], ['gone', 'dangling']]))).toEqual({ action: 'delete', propagationPolicy: 'Background', unblockOwnerReferences: false });
  });
});

describe('foreground owners (processDeletingDependentsItem)', () => {
  const node = (name: string, deletingDependents = false): GraphNode => ({ identity: { apiVersion: 'v1', kind: 'Pod', namespace: 'default', name, uid: `uid-${name}` }, owners: [], beingDeleted: deletingDependents, deletingDependents });

  it('drops the finalizer once no blocking dependent is left, else processes those not already deleting their own', () => {
    expect(planForegroundOwner([])).toEqual({ removeFinalizer: true });
    expect(planForegroundOwner([node('a'), node('b', true)])).toEqual({ removeFinalizer: false, attemptToDelete: ['uid-a'] });
  });
});

describe('patches', () => {
  it('removes references by uid and unblocks blocking ones, conditional on the object uid', () => {
    expect(deleteOwnerReferencesPatch('uid-pod', ['uid-a', 'uid-b'])).toEqual({ metadata: { uid: 'uid-pod', ownerReferences: [{ $patch: 'delete', uid: 'uid-a' }, { $patch: 'delete', uid: 'uid-b' }] } });
    expect(unblockOwnerReferencesPatch('uid-pod', [ref('a', { blockOwnerDeletion: true }), ref('b')])).toEqual({ metadata: { uid: 'uid-pod', ownerReferences: [{ uid: 'uid-a', blockOwnerDeletion: false }] } });
  });
});

describe('owner lookups (isDangling)', () => {
  const dependent = { apiVersion: 'v1', kind: 'Pod', namespace: 'team', name: 'p', uid: 'uid-p' };

  it('looks namespaced owners up in the dependent namespace and cluster-scoped ones without', () => {
    expect(ownerLookup(ref('web'), dependent)).toEqual({ lookup: 'get', owner: { apiVersion: 'apps/v1', kind: 'ReplicaSet', namespace: 'team', name: 'web', uid: 'uid-web' } });
    expect(ownerLookup({ apiVersion: 'v1', kind: 'Node', name: 'w1', uid: 'n' }, dependent)).toEqual({ lookup: 'get', owner: { apiVersion: 'v1', kind: 'Node', name: 'w1', uid: 'n' } });
  });

  it('cannot resolve a namespaced owner of a cluster-scoped object, nor a kind that is not served', () => {
    expect(ownerLookup(ref('web'), { apiVersion: 'v1', kind: 'Node', name: 'w1', uid: 'n' })).toEqual({ lookup: 'invalid' });
    expect(ownerLookup({ apiVersion: 'example.com/v1', kind: 'Widget', name: 'x', uid: 'x' }, dependent)).toEqual({ lookup: 'unserved' });
    // Another version of a served group and kind maps to the served one.
    expect(ownerLookup(ref('web', { apiVersion: 'apps/v1beta2' }), dependent)).toMatchObject({ lookup: 'get' });
  });

  it('calls an owner absent when missing or recreated under another uid, waiting when deleted in the foreground', () => {
    const r = ref('web');
    expect(ownerState(r, undefined)).toBe('dangling');
    expect(ownerState(r, { metadata: { name: 'web', uid: 'uid-other' } })).toBe('dangling');
    expect(ownerState(r, { metadata: { name: 'web', uid: 'uid-web' } })).toBe('solid');
    expect(ownerState(r, { metadata: { name: 'web', uid: 'uid-web', deletionTimestamp: '2026-01-01T00:00:00Z', finalizers: ['orphan'] } })).toBe('solid');
    expect(ownerState(r, { metadata: { name: 'web', uid: 'uid-web', deletionTimestamp: '2026-01-01T00:00:00Z', finalizers: ['foregroundDeletion'] } })).toBe('waiting');
  });

  it('remembers absent owners in a bounded cache', () => {
    const cache = new AbsentOwnerCache(2);
    const [a, b, c] = ['a', 'b', 'c'].map((n) => absentKey(ref(n), 'team'));
    cache.add(a);
    cache.add(b);
    expect(cache.has(a)).toBe(true);
    cache.add(c);
    expect(cache.has(b)).toBe(false);
    expect(cache.has(a)).toBe(true);
    expect(cache.has(absentKey(ref('a'), 'other'))).toBe(false);
  });
});
