import { describe, expect, it } from 'vitest';
import { findActiveOrLatest, isSaturated, isScalingEvent, planScale } from './scale';
import { maxSurge } from './fenceposts';
import { deployment, replicaSet } from './test-support';
import { frozen } from '../testing/fixtures';

const NEW = '2016-05-20T02:00:00Z';
const OLD = '2016-05-20T01:00:00Z';
const OLDER = '2016-05-20T00:00:00Z';

/** A Deployment like upstream's scale tests use: maxSurge and maxUnavailable 0 unless given. */
const dep = (replicas: number, surge = 0) => frozen(deployment('foo', { replicas, maxSurge: surge, maxUnavailable: 0 }));

/** ReplicaSets sized under `before` (their replicas annotations say so). */
function sized(before: ReturnType<typeof dep>, specs: [string, number, string][]) {
  const desired = before.spec!.replicas!;
  return specs.map(([name, n, created]) => frozen(replicaSet(name, n, { created, desired, max: desired + maxSurge(before) })));
}

/** Sizes after planScale: name → replicas. */
function scaled(d: ReturnType<typeof dep>, newRS: ReturnType<typeof sized>[number] | undefined, oldRSs: ReturnType<typeof sized>) {
  const sizes = Object.fromEntries([newRS, ...oldRSs].filter((rs) => rs).map((rs) => [rs!.metadata!.name!, rs!.spec!.replicas!]));
  for (const step of planScale(d, newRS, oldRSs)) sizes[step.rs.metadata!.name!] = step.replicas;
  return sizes;
}

describe('planScale (upstream TestScale cases)', () => {
  const cases: { name: string; to: ReturnType<typeof dep>; from: ReturnType<typeof dep>; rss: [string, number, string][]; hasNew: boolean; want: Record<string, number> }[] = [
    { name: 'normal scaling event: 10 -> 12', to: dep(12), from: dep(10), rss: [['foo-v1', 10, NEW]], hasNew: true, want: { 'foo-v1': 12 } },
    { name: 'normal scaling event: 10 -> 5', to: dep(5), from: dep(10), rss: [['foo-v1', 10, NEW]], hasNew: true, want: { 'foo-v1': 5 } },
    { name: 'proportional scaling: 5 -> 10', to: dep(10), from: dep(5), rss: [['foo-v2', 2, NEW], ['foo-v1', 3, OLD]], hasNew: true, want: { 'foo-v2': 4, 'foo-v1': 6 } },
    { name: 'proportional scaling: 5 -> 3', to: dep(3), from: dep(5), rss: [['foo-v2', 2, NEW], ['foo-v1', 3, OLD]], hasNew: true, want: { 'foo-v2': 1, 'foo-v1': 2 } },
    { name: 'proportional scaling: 9 -> 4', to: dep(4), from: dep(9), rss: [['foo-v2', 8, NEW], ['foo-v1', 1, OLD]], hasNew: true, want: { 'foo-v2': 4, 'foo-v1': 0 } },
    { name: 'proportional scaling: 7 -> 10', to: dep(10), from: dep(7), rss: [['foo-v3', 2, NEW], ['foo-v2', 3, OLD], ['foo-v1', 2, OLDER]], hasNew: true, want: { 'foo-v3': 3, 'foo-v2': 4, 'foo-v1': 3 } },
    { name: 'proportional scaling: 13 -> 8', to: dep(8), from: dep(13), rss: [['foo-v3', 2, NEW], ['foo-v2', 8, OLD], ['foo-v1', 3, OLDER]], hasNew: true, want: { 'foo-v3': 1, 'foo-v2': 5, 'foo-v1': 2 } },
    { name: 'leftovers go to the newest when scaling up: 3 -> 4', to: dep(4), from: dep(3), rss: [['foo-v3', 1, NEW], ['foo-v2', 1, OLD], ['foo-v1', 1, OLDER]], hasNew: true, want: { 'foo-v3': 2, 'foo-v2': 1, 'foo-v1': 1 } },
    { name: 'leftovers come from the oldest when scaling down: 3 -> 2', to: dep(2), from: dep(3), rss: [['foo-v3', 1, NEW], ['foo-v2', 1, OLD], ['foo-v1', 1, OLDER]], hasNew: true, want: { 'foo-v3': 1, 'foo-v2': 1, 'foo-v1': 0 } },
    { name: 'no new ReplicaSet: 4 -> 5', to: dep(5), from: dep(4), rss: [['foo-v2', 2, OLD], ['foo-v1', 2, OLDER]], hasNew: false, want: { 'foo-v2': 3, 'foo-v1': 2 } },
    { name: 'to zero: 6 -> 0', to: dep(0), from: dep(6), rss: [['foo-v3', 3, NEW], ['foo-v2', 2, OLD], ['foo-v1', 1, OLDER]], hasNew: true, want: { 'foo-v3': 0, 'foo-v2': 0, 'foo-v1': 0 } },
    { name: 'from zero: the new ReplicaSet takes all', to: dep(6), from: dep(6), rss: [['foo-v3', 0, NEW], ['foo-v2', 0, OLD], ['foo-v1', 0, OLDER]], hasNew: true, want: { 'foo-v3': 6, 'foo-v2': 0, 'foo-v1': 0 } },
    { name: 'with surge pods: 10 -> 20', to: dep(20, 2), from: dep(10, 2), rss: [['foo-v2', 6, NEW], ['foo-v1', 6, OLD]], hasNew: true, want: { 'foo-v2': 11, 'foo-v1': 11 } },
    { name: 'surge and size change together', to: dep(50, 6), from: dep(10, 3), rss: [['foo-v2', 5, NEW], ['foo-v1', 8, OLD]], hasNew: true, want: { 'foo-v2': 22, 'foo-v1': 34 } },
  ];
  for (const c of cases) {
    it(c.name, () => {
      const rss = sized(c.from, c.rss);
      const [newRS, oldRSs] = c.hasNew ? [rss[0], rss.slice(1)] : [undefined, rss];
      expect(scaled(c.to, newRS, oldRSs)).toEqual(c.want);
    });
  }

  it('scales old ReplicaSets to 0 when the new one is saturated', () => {
    const d = dep(2);
    const newRS = frozen(replicaSet('foo-v2', 2, { created: NEW, desired: 2, max: 2 }));
    const old = frozen(replicaSet('foo-v1', 1, { created: OLD, desired: 2, max: 2 }));
    expect(planScale(d, newRS, [old]).map((s) => [s.rs.metadata!.name, s.replicas])).toEqual([['foo-v1', 0]]);
  });

  it('leaves a saturated but unavailable new ReplicaSet and the old pods alone', () => {
    const d = frozen(deployment('foo', { replicas: 2, maxSurge: 1, maxUnavailable: 1 }));
    const newRS = frozen(replicaSet('foo-v2', 2, { created: NEW, desired: 2, max: 3, status: { replicas: 2, availableReplicas: 0 } }));
    const old = frozen(replicaSet('foo-v1', 1, { created: OLD, desired: 2, max: 3 }));
    expect(scaled(d, newRS, [old])).toEqual({ 'foo-v2': 2, 'foo-v1': 1 });
  });
});

describe('isScalingEvent and friends', () => {
  it('is a scaling event when an active ReplicaSet was sized for other spec.replicas', () => {
    const rs = frozen(replicaSet('foo-v1', 3, { desired: 3 }));
    expect(isScalingEvent(dep(5), rs, [])).toBe(true);
    expect(isScalingEvent(dep(3), rs, [])).toBe(false);
    expect(isScalingEvent(dep(5), frozen(replicaSet('foo-v1', 3)), [])).toBe(false);
    expect(isScalingEvent(dep(5), frozen(replicaSet('foo-v1', 0, { desired: 3 })), [])).toBe(false);
  });

  it('finds the only active or else the newest ReplicaSet', () => {
    const a = frozen(replicaSet('a', 0, { created: OLDER }));
    const b = frozen(replicaSet('b', 0, { created: OLD }));
    expect(findActiveOrLatest(undefined, [a, b])?.metadata?.name).toBe('b');
    expect(findActiveOrLatest(frozen(replicaSet('n', 0)), [a, b])?.metadata?.name).toBe('n');
    expect(findActiveOrLatest(undefined, [a, frozen(replicaSet('c', 2))])?.metadata?.name).toBe('c');
    expect(findActiveOrLatest(frozen(replicaSet('n', 1)), [frozen(replicaSet('c', 2))])).toBeUndefined();
  });

  it('is saturated only when the size, the annotation and availability all match', () => {
    expect(isSaturated(dep(3), frozen(replicaSet('n', 3, { desired: 3 })))).toBe(true);
    expect(isSaturated(dep(3), frozen(replicaSet('n', 3)))).toBe(false);
    expect(isSaturated(dep(3), frozen(replicaSet('n', 3, { desired: 3, status: { replicas: 3, availableReplicas: 2 } })))).toBe(false);
  });
});
