import { describe, expect, it } from 'vitest';
import { FakeClock } from '@mk/api';
import type { Taint } from 'kubernetes-types/core/v1';
import { planTaintEviction } from './plan';
import { boundPod, defaultTolerations, frozen, readyNode } from '../testing/fixtures';
import { rfc3339 } from '../framework/time';

function taintedNode(since: Date, key = 'node.kubernetes.io/unreachable') {
  const taints: Taint[] = [
    { key, effect: 'NoSchedule', timeAdded: rfc3339(since) },
    { key, effect: 'NoExecute', timeAdded: rfc3339(since) },
  ];
  return frozen(readyNode('w1', since, { taints, ready: 'Unknown' }));
}

describe('planTaintEviction', () => {
  it('deletes a pod that does not tolerate the taint at once', () => {
    const clock = new FakeClock();
    const plan = planTaintEviction({ node: taintedNode(clock.now()), pods: [frozen(boundPod('plain', 'w1'))], now: clock.now(), scheduled: new Map() });
    expect(plan.evict).toEqual([{ namespace: 'default', name: 'plain', uid: 'uid-plain' }]);
    expect(plan.scheduled.size).toBe(0);
  });

  it('deletes a pod tolerating the taint for 300 s once 300 s have passed since timeAdded, not before', async () => {
    const clock = new FakeClock();
    const node = taintedNode(clock.now());
    const pods = [frozen(boundPod('tolerant', 'w1', { tolerations: defaultTolerations(300) }))];
    let scheduled = new Map<string, number>();

    const first = planTaintEviction({ node, pods, now: clock.now(), scheduled });
    expect(first.evict).toEqual([]);
    expect(first.nextEvictionAt).toBe(clock.now().getTime() + 300_000);
    scheduled = first.scheduled;

    await clock.advance(299_999);
    expect(planTaintEviction({ node, pods, now: clock.now(), scheduled }).evict).toEqual([]);
    await clock.advance(1);
    expect(planTaintEviction({ node, pods, now: clock.now(), scheduled }).evict.map((p) => p.name)).toEqual(['tolerant']);
  });

  it('keeps a pod that tolerates the taint forever', () => {
    const pods = [frozen(boundPod('forever', 'w1', { tolerations: [{ key: 'node.kubernetes.io/unreachable', operator: 'Exists', effect: 'NoExecute' }] }))];
    const plan = planTaintEviction({ node: taintedNode(new Date()), pods, now: new Date(), scheduled: new Map() });
    expect(plan).toEqual({ evict: [], scheduled: new Map(), cancelled: [] });
  });

  it('does not delete again a pod that is already terminating', () => {
    const pods = [frozen(boundPod('going', 'w1', { deleting: true }))];
    expect(planTaintEviction({ node: taintedNode(new Date()), pods, now: new Date(), scheduled: new Map() }).evict).toEqual([]);
  });

  it('keeps the clock of a scheduled eviction when the taint is swapped', () => {
    const start = new Date('2026-01-01T00:00:00Z');
    const swapped = taintedNode(new Date('2026-01-01T00:02:00Z'), 'node.kubernetes.io/not-ready');
    const pods = [frozen(boundPod('tolerant', 'w1', { tolerations: defaultTolerations(300) }))];
    const plan = planTaintEviction({ node: swapped, pods, now: new Date('2026-01-01T00:05:00Z'), scheduled: new Map([['default/tolerant', start.getTime()]]) });
    expect(plan.evict.map((p) => p.name)).toEqual(['tolerant']);
  });

  it('cancels scheduled evictions when the taints go away, and for pods that vanished', () => {
    const node = frozen(readyNode('w1', new Date()));
    const pods = [frozen(boundPod('tolerant', 'w1', { tolerations: defaultTolerations(300) }))];
    const plan = planTaintEviction({ node, pods, now: new Date(), scheduled: new Map([['default/tolerant', 0], ['default/gone', 0]]) });
    expect(plan.cancelled).toEqual([{ namespace: 'default', name: 'tolerant', uid: 'uid-tolerant' }, { namespace: 'default', name: 'gone' }]);
    expect(plan.evict).toEqual([]);
  });

  it('ignores NoSchedule taints', () => {
    const node = frozen(readyNode('w1', new Date(), { taints: [{ key: 'node.kubernetes.io/unschedulable', effect: 'NoSchedule' }] }));
    expect(planTaintEviction({ node, pods: [frozen(boundPod('p', 'w1'))], now: new Date(), scheduled: new Map() }).evict).toEqual([]);
  });
});
