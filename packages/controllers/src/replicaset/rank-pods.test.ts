import { describe, expect, it } from 'vitest';
import { deletionCost, podsToDelete, rankByRelatedPodsOnSameNode } from './rank-pods';
import { pod } from './fixtures';

const now = new Date('2026-01-01T00:00:00Z');
const names = (pods: { metadata?: { name?: string } }[]) => pods.map((p) => p.metadata?.name);
/** The order in which all of pods would be deleted. */
const order = (pods: ReturnType<typeof pod>[], related = pods) => names(podsToDelete(pods, related, pods.length - 1, now));

describe('podsToDelete ranking', () => {
  it('deletes an unassigned pod before an assigned one', () => {
    expect(order([pod('bound', { node: 'w1', phase: 'Pending', ready: false }), pod('unbound', { node: '', phase: 'Pending', ready: false })])).toEqual(['unbound']);
  });

  it('deletes Pending before Unknown before Running', () => {
    const pods = [pod('running', { phase: 'Running' }), pod('unknown', { phase: 'Unknown' }), pod('pending', { phase: 'Pending' })];
    expect(names(podsToDelete(pods, [], 2, now))).toEqual(['pending', 'unknown']);
  });

  it('deletes a not-ready pod before a ready one', () => {
    expect(order([pod('ready'), pod('not-ready', { ready: false })])).toEqual(['not-ready']);
  });

  it('deletes the lower pod-deletion-cost first, before looking at anything later in the order', () => {
    const pods = [pod('cheap-old', { deletionCost: '-5', created: '2025-01-01T00:00:00Z' }), pod('dear-new', { deletionCost: '100', created: '2025-12-31T23:00:00Z' }), pod('default')];
    expect(names(podsToDelete(pods, pods, 2, now))).toEqual(['cheap-old', 'default']);
  });

  it('deletes the pod doubled up with more related pods on its node first', () => {
    const alone = pod('alone', { node: 'w2', created: '2025-12-31T23:59:00Z' });
    const crowded = pod('crowded', { node: 'w1', created: '2025-01-01T00:00:00Z' });
    const sibling = pod('sibling-of-other-rs', { node: 'w1', labels: { app: 'web', v: '1' } });
    expect(names(podsToDelete([alone, crowded], [alone, crowded, sibling], 1, now))).toEqual(['crowded']);
    // Without related pods (a ReplicaSet without a controller) ranks are equal and age decides.
    expect(names(podsToDelete([alone, crowded], [], 1, now))).toEqual(['alone']);
  });

  it('counts only active related pods on a node', () => {
    const ranks = rankByRelatedPodsOnSameNode([pod('a', { node: 'w1' })], [pod('a', { node: 'w1' }), pod('done', { node: 'w1', phase: 'Succeeded' }), pod('going', { node: 'w1', deleting: true })]);
    expect(ranks.map((r) => r.rank)).toEqual([1]);
  });

  it('deletes the pod ready for a shorter time first', () => {
    const pods = [pod('ready-a-day', { readySince: '2025-12-31T00:00:00Z' }), pod('ready-a-minute', { readySince: '2025-12-31T23:59:00Z' })];
    expect(order(pods)).toEqual(['ready-a-minute']);
  });

  it('deletes the pod with more container restarts first', () => {
    expect(order([pod('steady', { restarts: 0 }), pod('flaky', { restarts: 4 })])).toEqual(['flaky']);
  });

  it('deletes the newer pod first', () => {
    const pods = [pod('old', { created: '2025-06-01T00:00:00Z' }), pod('new', { created: '2025-12-31T23:00:00Z' })];
    expect(order(pods)).toEqual(['new']);
  });

  it('compares ages on a logarithmic scale and lets the uid decide within one bucket', () => {
    // 100 s and 110 s old fall in the same power-of-two bucket of nanoseconds (2^36 ns ≈ 68.7 s .. 137 s).
    const older = pod('older', { created: '2025-12-31T23:58:10Z', uid: 'a-uid' });
    const newer = pod('newer', { created: '2025-12-31T23:58:20Z', uid: 'b-uid' });
    expect(names(podsToDelete([newer, older], [], 1, now))).toEqual(['older']);
  });

  it('applies the rules in upstream order', () => {
    const pods = [
      pod('running-ready-old', { created: '2025-01-01T00:00:00Z' }),
      pod('running-ready-new', { created: '2025-12-31T22:00:00Z', readySince: '2025-12-31T23:00:00Z' }),
      pod('running-not-ready', { ready: false }),
      pod('pending', { phase: 'Pending', ready: false }),
      pod('unscheduled', { node: '', phase: 'Pending', ready: false }),
    ];
    expect(names(podsToDelete(pods, [], 5, now))).toEqual(names(pods)); // all of them: no need to sort
    expect(names(podsToDelete(pods, [], 4, now))).toEqual(['unscheduled', 'pending', 'running-not-ready', 'running-ready-new']);
  });
});

describe('deletionCost', () => {
  it.each([
    ['10', 10],
    ['-7', -7],
    ['-007', -7],
    ['0', 0],
    ['+1', 0],
    ['007', 0],
    ['1.5', 0],
    ['abc', 0],
    ['2147483648', 0],
    ['-2147483648', -2147483648],
  ])('reads %j as %d', (value, cost) => {
    expect(deletionCost(pod('p', { deletionCost: value }))).toBe(cost);
  });

  it('is 0 without the annotation', () => {
    expect(deletionCost(pod('p'))).toBe(0);
  });
});
