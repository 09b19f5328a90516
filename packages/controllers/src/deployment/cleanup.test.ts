import { describe, expect, it } from 'vitest';
import { planCleanup } from './cleanup';
import { deployment, replicaSet } from './test-support';
import { frozen } from '../testing/fixtures';

const names = (list: { metadata?: { name?: string } }[]) => list.map((rs) => rs.metadata?.name);
const old = (name: string, revision: number, replicas = 0, extra: Parameters<typeof replicaSet>[2] = {}) =>
  frozen(replicaSet(name, replicas, { revision, status: { replicas, observedGeneration: 1 }, ...extra }));

describe('planCleanup', () => {
  it('deletes the oldest revisions beyond revisionHistoryLimit', () => {
    const d = deployment('web', { revisionHistoryLimit: 2 });
    expect(names(planCleanup(d, [old('r4', 4), old('r1', 1), old('r3', 3), old('r2', 2)]))).toEqual(['r1', 'r2']);
  });

  it('keeps ReplicaSets that still have pods, are unsettled or are being deleted, without deleting newer ones instead', () => {
    const d = deployment('web', { revisionHistoryLimit: 1 });
    const running = old('r1', 1, 1);
    const reporting = frozen(replicaSet('r2', 0, { revision: 2, status: { replicas: 1, observedGeneration: 1 } }));
    const unsettled = frozen({ ...old('r3', 3), metadata: { ...old('r3', 3).metadata, generation: 2 } });
    expect(names(planCleanup(d, [running, reporting, unsettled, old('r4', 4), old('r5', 5)]))).toEqual(['r4']);
    const deleting = frozen({ ...old('r0', 0), metadata: { ...old('r0', 0).metadata, deletionTimestamp: '2026-01-01T00:00:00Z' } });
    expect(names(planCleanup(d, [deleting, old('r6', 6), old('r7', 7)]))).toEqual(['r6']);
  });

  it('keeps everything without a limit or with MaxInt32', () => {
    const unlimited = deployment('web');
    delete unlimited.spec!.revisionHistoryLimit;
    expect(planCleanup(unlimited, [old('r1', 1), old('r2', 2)])).toEqual([]);
    expect(planCleanup(deployment('web', { revisionHistoryLimit: 2147483647 }), [old('r1', 1)])).toEqual([]);
    expect(names(planCleanup(deployment('web', { revisionHistoryLimit: 0 }), [old('r1', 1)]))).toEqual(['r1']);
  });

  it('orders unparsable or equal revisions by creation time', () => {
    const a = frozen(replicaSet('a', 0, { created: '2026-01-01T00:00:02Z', status: { replicas: 0, observedGeneration: 1 } }));
    const b = frozen(replicaSet('b', 0, { created: '2026-01-01T00:00:01Z', status: { replicas: 0, observedGeneration: 1 } }));
    expect(names(planCleanup(deployment('web', { revisionHistoryLimit: 1 }), [a, b]))).toEqual(['b']);
  });
});
