import { describe, expect, it } from 'vitest';
import { labelSelectorFromSpec } from '@mk/api';
import { planPodClaims, planReplicaAction, slowStartBatches } from './plan';
import { REPLICATION_CONTROLLER_KIND } from './kinds';
import { pod, replicaSet } from './fixtures';

const now = new Date('2026-01-01T00:00:00Z');
const names = (pods: { metadata?: { name?: string } }[]) => pods.map((p) => p.metadata?.name);
const selectorOf = (rs: ReturnType<typeof replicaSet>) => labelSelectorFromSpec(rs.spec!.selector as { matchLabels: Record<string, string> });

describe('planPodClaims', () => {
  const rs = replicaSet('web');
  const other = replicaSet('other');

  it('keeps its matching pods, adopts matching orphans and releases its pods that stopped matching', () => {
    const pods = [
      pod('mine', { owner: rs }),
      pod('orphan', {}),
      pod('relabelled', { owner: rs, labels: { app: 'debug' } }),
      pod('not-matching-orphan', { labels: { app: 'db' } }),
      pod('someone-elses', { owner: other }),
    ];
    const plan = planPodClaims(rs, selectorOf(rs), pods);
    expect(names(plan.owned)).toEqual(['mine']);
    expect(names(plan.adopt)).toEqual(['orphan']);
    expect(names(plan.release)).toEqual(['relabelled']);
  });

  it('ignores pods that are finished or terminating', () => {
    const pods = [pod('done', { phase: 'Succeeded' }), pod('failed', { owner: rs, phase: 'Failed' }), pod('going', { deleting: true }), pod('mine-going', { owner: rs, deleting: true })];
    expect(planPodClaims(rs, selectorOf(rs), pods)).toEqual({ owned: [], adopt: [], release: [] });
  });

  it('lets a deleting owner adopt and release nothing', () => {
    const deleting = replicaSet('web', { deleting: true });
    const pods = [pod('mine', { owner: deleting }), pod('orphan'), pod('relabelled', { owner: deleting, labels: { app: 'debug' } })];
    const plan = planPodClaims(deleting, selectorOf(deleting), pods);
    expect(names(plan.owned)).toEqual(['mine']);
    expect(plan.adopt).toEqual([]);
    expect(plan.release).toEqual([]);
  });

  it('selects by a ReplicationController label map, and by nothing without one', () => {
    const rc = { ...replicaSet('rc'), apiVersion: 'v1', kind: 'ReplicationController', spec: { replicas: 1, selector: { app: 'web' } } };
    expect(names(planPodClaims(rc, REPLICATION_CONTROLLER_KIND.selector(rc), [pod('orphan')]).adopt)).toEqual(['orphan']);
    const noSelector = { ...rc, spec: { replicas: 1 } };
    expect(planPodClaims(noSelector, REPLICATION_CONTROLLER_KIND.selector(noSelector), [pod('orphan')]).adopt).toEqual([]);
  });
});

describe('planReplicaAction', () => {
  it('creates the missing pods', () => {
    const rs = replicaSet('web', { replicas: 3 });
    expect(planReplicaAction({ owner: rs, claimed: [pod('a', { owner: rs })], related: [], now })).toEqual({ kind: 'create', count: 2 });
  });

  it('creates at most burstReplicas at a time', () => {
    expect(planReplicaAction({ owner: replicaSet('web', { replicas: 800 }), claimed: [], related: [], now })).toEqual({ kind: 'create', count: 500 });
    expect(planReplicaAction({ owner: replicaSet('web', { replicas: 8 }), claimed: [], related: [], now, burstReplicas: 3 })).toEqual({ kind: 'create', count: 3 });
  });

  it('deletes the surplus, the least useful pods first', () => {
    const rs = replicaSet('web', { replicas: 1 });
    const claimed = [pod('ready', { owner: rs }), pod('pending', { owner: rs, phase: 'Pending', ready: false }), pod('not-ready', { owner: rs, ready: false })];
    const action = planReplicaAction({ owner: rs, claimed, related: [], now });
    expect(action.kind).toBe('delete');
    expect(names((action as { pods: typeof claimed }).pods)).toEqual(['pending', 'not-ready']);
  });

  it('deletes everything when scaled to zero, and does nothing at the desired count', () => {
    const rs = replicaSet('web', { replicas: 0 });
    const claimed = [pod('a', { owner: rs }), pod('b', { owner: rs })];
    expect(names((planReplicaAction({ owner: rs, claimed, related: [], now }) as { pods: typeof claimed }).pods)).toEqual(['a', 'b']);
    expect(planReplicaAction({ owner: replicaSet('web', { replicas: 2 }), claimed, related: [], now })).toEqual({ kind: 'none' });
  });

  it('defaults spec.replicas to 1', () => {
    const rs = { ...replicaSet('web'), spec: { selector: { matchLabels: { app: 'web' } } } };
    expect(planReplicaAction({ owner: rs, claimed: [], related: [], now })).toEqual({ kind: 'create', count: 1 });
  });
});

describe('slowStartBatches', () => {
  it('doubles from 1 and ends with the remainder', () => {
    expect(slowStartBatches(0)).toEqual([]);
    expect(slowStartBatches(1)).toEqual([1]);
    expect(slowStartBatches(10)).toEqual([1, 2, 4, 3]);
    expect(slowStartBatches(500).reduce((a, b) => a + b, 0)).toBe(500);
    expect(slowStartBatches(500).slice(0, 9)).toEqual([1, 2, 4, 8, 16, 32, 64, 128, 245]);
  });
});
