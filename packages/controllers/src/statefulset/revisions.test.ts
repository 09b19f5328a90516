import { describe, expect, it } from 'vitest';
import { applyRevision, decideRevisions, newRevision, revisionData, revisionsToPrune } from './revisions';
import { podOf, revisionOf, webSet } from './fixtures';

describe('StatefulSet revisions', () => {
  it('stores the template as upstream getPatch does: {"spec":{"template":{"$patch":"replace",…}}}, keys sorted', () => {
    const data = revisionData(webSet());
    expect(JSON.stringify(data)).toBe(
      '{"spec":{"template":{"$patch":"replace","metadata":{"creationTimestamp":null,"labels":{"app":"web"}},"spec":{"containers":[{"image":"nginx:1.26","name":"nginx"}],"restartPolicy":"Always"}}}}',
    );
  });

  it('names a revision <set>-<hash>, labels it with the template labels and hash, owns it and copies the set annotations', () => {
    const set = webSet();
    set.metadata!.annotations = { 'kubernetes.io/change-cause': 'first' };
    const r = newRevision(set, 1, 0);
    const hash = r.metadata!.labels!['controller-revision-hash'];
    expect(r.metadata).toMatchObject({ name: `web-${hash}`, namespace: 'default', labels: { app: 'web' }, annotations: { 'kubernetes.io/change-cause': 'first' } });
    expect(r.metadata!.ownerReferences).toEqual([{ apiVersion: 'apps/v1', kind: 'StatefulSet', name: 'web', uid: 'uid-web', controller: true, blockOwnerDeletion: true }]);
    expect(r.revision).toBe(1);
    expect(newRevision(set, 1, 1).metadata!.name).not.toBe(r.metadata!.name);
  });

  it('restores the template of a revision onto the current set', () => {
    const old = revisionOf(webSet({ image: 'nginx:1.26' }), 1);
    const now = webSet({ image: 'nginx:1.27', replicas: 5 });
    now.spec!.template.metadata!.annotations = { 'kubectl.kubernetes.io/restartedAt': '2026-01-01T00:00:00Z' };
    const restored = applyRevision(now, old);
    expect(restored.spec?.template?.spec?.containers[0].image).toBe('nginx:1.26');
    // `$patch: replace`: the template is the revision's, not a merge with today's.
    expect(restored.spec?.template?.metadata?.annotations).toBeUndefined();
    expect(restored.spec?.replicas).toBe(5);
  });

  it('creates revision 1 for a new set, and reuses the newest revision while the template is unchanged', () => {
    const set = webSet();
    const first = decideRevisions(set, []);
    expect(first.update.kind).toBe('create');
    expect(first.update.revision.revision).toBe(1);
    expect(first.current).toBeUndefined();

    const r1 = revisionOf(set, 1);
    const again = decideRevisions(webSet({ status: { replicas: 3, currentRevision: r1.metadata!.name } }), [r1]);
    expect(again.update).toEqual({ kind: 'existing', revision: r1 });
    expect(again.current).toBe(r1);
  });

  it('creates revision 2 for a changed template and renumbers an older revision on rollback', () => {
    const r1 = revisionOf(webSet({ image: 'nginx:1.26' }), 1);
    const changed = decideRevisions(webSet({ image: 'nginx:1.27' }), [r1]);
    expect(changed.update.kind).toBe('create');
    expect(changed.update.revision.revision).toBe(2);

    const r2 = revisionOf(webSet({ image: 'nginx:1.27' }), 2);
    const back = decideRevisions(webSet({ image: 'nginx:1.26' }), [r1, r2]);
    expect(back.update).toEqual({ kind: 'renumber', revision: r1, to: 3 });
  });

  it('prunes the oldest revisions beyond revisionHistoryLimit, never the current, update or one a pod runs', () => {
    const revisions = [1, 2, 3, 4, 5].map((n) => revisionOf(webSet({ image: `nginx:1.${n}` }), n));
    const names = revisions.map((r) => r.metadata!.name!);
    const set = webSet({ spec: { revisionHistoryLimit: 1 } });
    const pods = [podOf(set, 0, names[0])];
    const pruned = revisionsToPrune(set, pods, revisions, [names[3], names[4]]);
    // Live: r1 (a pod runs it), r4 (current), r5 (update). History r2, r3 keeps one.
    expect(pruned.map((r) => r.revision)).toEqual([2]);
    expect(revisionsToPrune(webSet(), pods, revisions, [names[3], names[4]])).toEqual([]);
  });
});
