import { describe, expect, it } from 'vitest';
import type { ControllerRevision, DaemonSet } from 'kubernetes-types/apps/v1';
import { planHistory, planHistoryCleanup, podsToRelabel, revisionData, revisionMatches, snapshotRevision, templateHash } from './revisions';
import { daemonPod, daemonSet } from './fixtures';
import { frozen } from '../testing/fixtures';

/** The DaemonSet with another container image (another template). */
function withImage(image: string, base: DaemonSet = daemonSet()): DaemonSet {
  const ds = structuredClone(base);
  ds.spec!.template.spec!.containers[0].image = image;
  return frozen(ds);
}

const revisionOf = (ds: DaemonSet, revision: number, name?: string): ControllerRevision => {
  const r = snapshotRevision(ds, revision);
  return frozen(name ? { ...r, metadata: { ...r.metadata, name } } : r);
};

describe('revision data and naming', () => {
  it('stores the template as a replace patch, the shape kubectl rollout reads', () => {
    expect(revisionData(daemonSet())).toEqual({
      spec: { template: { metadata: { labels: { app: 'agent' } }, spec: { containers: [{ name: 'agent', image: 'agent:1' }] }, $patch: 'replace' } },
    });
  });

  it('names the revision after the DaemonSet and the template hash, owned by the DaemonSet', () => {
    const ds = daemonSet({ annotations: { note: 'x' } });
    const r = snapshotRevision(ds, 3);
    const hash = templateHash(ds);
    expect(r.metadata).toEqual({
      name: `agent-${hash}`,
      namespace: 'default',
      labels: { app: 'agent', 'controller-revision-hash': hash },
      annotations: { note: 'x' },
      ownerReferences: [{ apiVersion: 'apps/v1', kind: 'DaemonSet', name: 'agent', uid: 'uid-agent', controller: true, blockOwnerDeletion: true }],
    });
    expect(r.revision).toBe(3);
    expect(revisionMatches(ds, r)).toBe(true);
    expect(revisionMatches(withImage('agent:2'), r)).toBe(false);
  });

  it('hashes differently per template and per collision count', () => {
    const ds = daemonSet();
    expect(templateHash(withImage('agent:2'))).not.toBe(templateHash(ds));
    const collided = frozen({ ...ds, status: { ...ds.status!, collisionCount: 1 } });
    expect(templateHash(collided)).not.toBe(templateHash(ds));
  });
});

describe('planHistory', () => {
  it('creates revision 1 for a new DaemonSet', () => {
    const plan = planHistory(daemonSet(), []);
    expect(plan.create?.revision).toBe(1);
    expect(plan.hash).toBe(templateHash(daemonSet()));
    expect(plan.current).toBeUndefined();
  });

  it('creates the next revision after a template change, keeping the old one as history', () => {
    const v1 = revisionOf(daemonSet(), 1);
    const v2 = revisionOf(withImage('agent:2'), 2);
    const plan = planHistory(withImage('agent:3'), [v1, v2]);
    expect(plan.create?.revision).toBe(3);
    expect(plan.old).toEqual([v1, v2]);
  });

  it('reuses the revision of a template that comes back, renumbered as the newest (rollout undo)', () => {
    const v1 = revisionOf(daemonSet(), 1);
    const v2 = revisionOf(withImage('agent:2'), 2);
    const plan = planHistory(daemonSet(), [v1, v2]);
    expect(plan).toMatchObject({ current: v1, renumber: 3, old: [v2], hash: v1.metadata!.labels!['controller-revision-hash'] });
    expect(plan.create).toBeUndefined();
  });

  it('keeps the highest of duplicate revisions of the current template, and the pods of the others move to it', () => {
    const named = (revision: number, hash: string) => {
      const r = snapshotRevision(daemonSet(), revision);
      return frozen({ ...r, metadata: { ...r.metadata, name: `agent-${hash}`, labels: { app: 'agent', 'controller-revision-hash': hash } } });
    };
    const dup = named(2, 'aaaaa');
    const kept = named(4, 'bbbbb');
    const plan = planHistory(daemonSet(), [dup, kept]);
    expect(plan).toMatchObject({ current: kept, duplicates: [dup], hash: 'bbbbb' });
    expect(plan.renumber).toBeUndefined();
    const pods = [daemonPod('on-dup', 'w1', { hash: 'aaaaa' }), daemonPod('current', 'w2', { hash: 'bbbbb' }), daemonPod('outdated', 'w3', { hash: 'zzzzz' })];
    expect(podsToRelabel(plan, pods).map((p) => p.metadata?.name)).toEqual(['on-dup']);
  });

  it('labels revisions that lack the hash label with their name', () => {
    const old = revisionOf(withImage('agent:0'), 1);
    const unlabelled = frozen({ ...old, metadata: { ...old.metadata, labels: { app: 'agent' } } });
    const plan = planHistory(daemonSet(), [unlabelled]);
    expect(plan.label).toEqual([unlabelled]);
  });
});

describe('planHistoryCleanup', () => {
  const old = [3, 1, 2, 4].map((n) => revisionOf(withImage(`agent:old${n}`), n, `agent-r${n}`));

  it('deletes the oldest revisions beyond revisionHistoryLimit', () => {
    const ds = frozen({ ...daemonSet(), spec: { ...daemonSet().spec!, revisionHistoryLimit: 2 } });
    expect(planHistoryCleanup(ds, old, []).map((r) => r.revision)).toEqual([1, 2]);
    expect(planHistoryCleanup(daemonSet(), old, [])).toEqual([]);
  });

  it('spares revisions that pods still run', () => {
    const ds = frozen({ ...daemonSet(), spec: { ...daemonSet().spec!, revisionHistoryLimit: 2 } });
    const pods = [daemonPod('p', 'w1', { hash: old[1].metadata!.labels!['controller-revision-hash'] })];
    expect(planHistoryCleanup(ds, old, pods).map((r) => r.revision)).toEqual([2, 3]);
  });
});
