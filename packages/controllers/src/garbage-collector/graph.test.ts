import { describe, expect, it } from 'vitest';
import type { OwnerReference } from '@mk/api';
import { DependencyGraph, referencesDiff, startsDeletionWith, type GraphEffects, type ObjectFacts } from './graph';
import type { ObjectIdentity } from './identity';

const id = (apiVersion: string, kind: string, name: string, namespace?: string): ObjectIdentity => ({ apiVersion, kind, name, uid: `uid-${name}`, ...(namespace ? { namespace } : {}) });
const deploy = id('apps/v1', 'Deployment', 'web', 'default');
const rs = id('apps/v1', 'ReplicaSet', 'web-1', 'default');
const pod = id('v1', 'Pod', 'web-1-a', 'default');
const refTo = (owner: ObjectIdentity, extra: Partial<OwnerReference> = {}): OwnerReference => ({ apiVersion: owner.apiVersion, kind: owner.kind, name: owner.name, uid: owner.uid, controller: true, blockOwnerDeletion: true, ...extra });
const facts = (identity: ObjectIdentity, owners: OwnerReference[] = [], extra: Partial<ObjectFacts> = {}): ObjectFacts => ({ identity, owners, finalizers: [], ...extra });
const deleting = (f: ObjectFacts, finalizer?: string): ObjectFacts => ({ ...f, deletionTimestamp: '2026-01-01T00:00:00Z', finalizers: finalizer ? [finalizer] : [] });
const summary = (e: GraphEffects) => ({ delete: [...e.attemptToDelete].sort(), orphan: [...e.attemptToOrphan], invalid: e.invalid.map((i) => `${i.dependent.name}->${i.reference.name}`) });
const names = (nodes: { identity: ObjectIdentity }[]) => nodes.map((n) => n.identity.name).sort();

/** deployment → replica set → pod, observed owner first. */
function chain(): DependencyGraph {
  const g = new DependencyGraph();
  g.upsert(facts(deploy));
  g.upsert(facts(rs, [refTo(deploy)]));
  g.upsert(facts(pod, [refTo(rs)]));
  return g;
}

describe('building the graph', () => {
  it('links dependents to observed owners through their references', () => {
    const g = chain();
    expect(g.size).toBe(3);
    expect(names(g.dependents(deploy.uid))).toEqual(['web-1']);
    expect(names(g.dependents(rs.uid))).toEqual(['web-1-a']);
    expect(g.dependents(pod.uid)).toEqual([]);
  });

  it('hands an object whose owner is not observed to the collector, and links it once the owner shows up', () => {
    const g = new DependencyGraph();
    expect(summary(g.upsert(facts(pod, [refTo(rs)])))).toEqual({ delete: [pod.uid], orphan: [], invalid: [] });
    expect(g.dependents(rs.uid)).toEqual([]);
    expect(summary(g.upsert(facts(rs)))).toEqual({ delete: [], orphan: [], invalid: [] });
    expect(names(g.dependents(rs.uid))).toEqual(['web-1-a']);
  });

  it('follows reference changes: new owners are linked, dropped ones unlinked', () => {
    const g = chain();
    const other = id('apps/v1', 'ReplicaSet', 'web-2', 'default');
    g.upsert(facts(other));
    g.upsert(facts(pod, [refTo(other)]), facts(pod, [refTo(rs)]));
    expect(g.dependents(rs.uid)).toEqual([]);
    expect(names(g.dependents(other.uid))).toEqual(['web-1-a']);
  });
});

describe('what graph changes ask for', () => {
  it('a deleted owner sends every object naming it to the collector', () => {
    const g = chain();
    expect(summary(g.remove(facts(rs, [refTo(deploy)])))).toEqual({ delete: [pod.uid], orphan: [], invalid: [] });
    expect(g.node(rs.uid)).toBeUndefined();
    expect(g.dependents(deploy.uid)).toEqual([]);
    // The pod still names the replica set: were it observed again (a relist), the link is back.
    expect(g.referrersOf(rs.uid).map((n) => n.identity.name)).toEqual(['web-1-a']);
  });

  it('a foreground deletion marks the owner and sends it and its dependents to the collector', () => {
    const g = chain();
    const e = g.upsert(deleting(facts(rs, [refTo(deploy)]), 'foregroundDeletion'), facts(rs, [refTo(deploy)]));
    expect(summary(e)).toEqual({ delete: [pod.uid, rs.uid].sort(), orphan: [], invalid: [] });
    expect(g.node(rs.uid)).toMatchObject({ beingDeleted: true, deletingDependents: true });
    expect(names(g.blockingDependents(rs.uid))).toEqual(['web-1-a']);
    // Only the transition counts: a later update of the same state asks for nothing.
    const again = deleting(facts(rs, [refTo(deploy)]), 'foregroundDeletion');
    expect(summary(g.upsert(again, again))).toEqual({ delete: [], orphan: [], invalid: [] });
  });

  it('a dependent going away, or its reference no longer blocking, wakes an owner waiting in the foreground', () => {
    const g = chain();
    g.upsert(deleting(facts(rs, [refTo(deploy)]), 'foregroundDeletion'), facts(rs, [refTo(deploy)]));
    expect(summary(g.upsert(facts(pod, [refTo(rs, { blockOwnerDeletion: false })]), facts(pod, [refTo(rs)])))).toEqual({ delete: [rs.uid], orphan: [], invalid: [] });
    expect(g.blockingDependents(rs.uid)).toEqual([]);
    expect(summary(g.remove(facts(pod, [refTo(rs, { blockOwnerDeletion: false })])))).toEqual({ delete: [rs.uid], orphan: [], invalid: [] });
  });

  it('a dependent appearing under an owner deleting its dependents goes to the collector', () => {
    const g = chain();
    g.upsert(deleting(facts(rs, [refTo(deploy)]), 'foregroundDeletion'), facts(rs, [refTo(deploy)]));
    const late = id('v1', 'Pod', 'web-1-late', 'default');
    expect(summary(g.upsert(facts(late, [refTo(rs)])))).toEqual({ delete: [late.uid], orphan: [], invalid: [] });
  });

  it('an orphan deletion sends the owner to the orphan queue', () => {
    const g = chain();
    expect(summary(g.upsert(deleting(facts(rs, [refTo(deploy)]), 'orphan'), facts(rs, [refTo(deploy)])))).toEqual({ delete: [], orphan: [rs.uid], invalid: [] });
    expect(g.node(rs.uid)).toMatchObject({ beingDeleted: true, deletingDependents: false });
  });

  it('resumes deletions already under way when objects are first listed', () => {
    const g = new DependencyGraph();
    expect(summary(g.upsert(deleting(facts(deploy), 'foregroundDeletion')))).toEqual({ delete: [deploy.uid], orphan: [], invalid: [] });
    expect(summary(g.upsert(deleting(facts(rs), 'orphan')))).toEqual({ delete: [], orphan: [rs.uid], invalid: [] });
  });

  it('a plain delete without finalizers only marks the node', () => {
    const g = chain();
    expect(summary(g.upsert(deleting(facts(pod, [refTo(rs)])), facts(pod, [refTo(rs)])))).toEqual({ delete: [], orphan: [], invalid: [] });
    expect(g.node(pod.uid)).toMatchObject({ beingDeleted: true, deletingDependents: false });
  });
});

describe('references that do not resolve', () => {
  const owner = id('v1', 'ConfigMap', 'owner', 'a');
  const stranger = id('v1', 'ConfigMap', 'stranger', 'b');
  const node = id('v1', 'Node', 'w1');

  it('reports a reference to an owner in another namespace, owner first or dependent first, and does not link it', () => {
    const g = new DependencyGraph();
    g.upsert(facts(owner));
    expect(summary(g.upsert(facts(stranger, [refTo(owner)])))).toEqual({ delete: [stranger.uid], orphan: [], invalid: ['stranger->owner'] });
    expect(g.dependents(owner.uid)).toEqual([]);

    const h = new DependencyGraph();
    h.upsert(facts(stranger, [refTo(owner)]));
    expect(summary(h.upsert(facts(owner)))).toEqual({ delete: [stranger.uid], orphan: [], invalid: ['stranger->owner'] });
  });

  it('reports a cluster-scoped object naming a namespaced owner', () => {
    const g = new DependencyGraph();
    g.upsert(facts(owner));
    expect(summary(g.upsert(facts(node, [refTo(owner)])))).toEqual({ delete: [node.uid], orphan: [], invalid: ['w1->owner'] });
  });

  it('lets a namespaced object name a cluster-scoped owner', () => {
    const g = new DependencyGraph();
    g.upsert(facts(node));
    const lease = { ...id('coordination.k8s.io/v1', 'Lease', 'w1', 'kube-node-lease'), uid: 'uid-lease-w1' };
    expect(summary(g.upsert(facts(lease, [refTo(node)])))).toEqual({ delete: [], orphan: [], invalid: [] });
    expect(names(g.dependents(node.uid))).toEqual(['w1']);
  });

  it('verifies, without reporting, a reference whose name or kind differs from the observed owner', () => {
    const g = new DependencyGraph();
    g.upsert(facts(rs));
    expect(summary(g.upsert(facts(pod, [{ ...refTo(rs), name: 'renamed' }])))).toEqual({ delete: [pod.uid], orphan: [], invalid: [] });
    expect(g.dependents(rs.uid)).toEqual([]);
  });
});

describe('helpers', () => {
  it('sees a deletion start with a finalizer only on the transition', () => {
    const live = facts(rs);
    const fg = deleting(live, 'foregroundDeletion');
    expect(startsDeletionWith(undefined, fg, 'foregroundDeletion')).toBe(true);
    expect(startsDeletionWith(live, fg, 'foregroundDeletion')).toBe(true);
    expect(startsDeletionWith(fg, fg, 'foregroundDeletion')).toBe(false);
    expect(startsDeletionWith(live, fg, 'orphan')).toBe(false);
    expect(startsDeletionWith(deleting(live), fg, 'foregroundDeletion')).toBe(true);
  });

  it('diffs references by uid', () => {
    const a = refTo(deploy);
    const b = refTo(rs);
    const c = refTo(pod);
    const d = diffNames(referencesDiff([a, b], [{ ...b, blockOwnerDeletion: false }, c]));
    expect(d).toEqual({ added: ['web-1-a'], removed: ['web'], changed: ['web-1'] });
  });
});

function diffNames(d: ReturnType<typeof referencesDiff>) {
  return { added: d.added.map((r) => r.name), removed: d.removed.map((r) => r.name), changed: d.changed.map((c) => c.next.name) };
}
