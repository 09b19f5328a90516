import { describe, expect, it } from 'vitest';
import { FakeClock } from '@mk/api';
import type { Pod } from 'kubernetes-types/core/v1';
import { boundPod, frozen, readyNode } from '../testing/fixtures';
import { byEvictionAndCreation, orphanedPods, planPodGC, QUARANTINE_MS, terminatedOverThreshold, type PodGCInput } from './plan';

const names = (pods: readonly Readonly<Pod>[]) => pods.map((p) => p.metadata!.name);

function pod(name: string, extra: { node?: string; phase?: string; created?: string; deleting?: boolean; reason?: string } = {}): Pod {
  const p = boundPod(name, extra.node || 'w1', { deleting: extra.deleting });
  const { nodeName: _unbound, ...unboundSpec } = p.spec!;
  return frozen({
    ...p,
    metadata: { ...p.metadata, creationTimestamp: extra.created ?? '2026-01-01T00:00:00Z' },
    spec: extra.node === '' ? unboundSpec : p.spec,
    status: { ...p.status, phase: extra.phase ?? 'Running', ...(extra.reason ? { reason: extra.reason } : {}) },
  });
}

describe('terminated pods over the threshold', () => {
  it('deletes only the excess, evicted first, then oldest, then by name', () => {
    const pods = [
      pod('new-done', { phase: 'Succeeded', created: '2026-01-03T00:00:00Z' }),
      pod('old-failed', { phase: 'Failed', created: '2026-01-01T00:00:00Z' }),
      pod('b-mid', { phase: 'Succeeded', created: '2026-01-02T00:00:00Z' }),
      pod('a-mid', { phase: 'Succeeded', created: '2026-01-02T00:00:00Z' }),
      pod('evicted', { phase: 'Failed', reason: 'Evicted', created: '2026-01-04T00:00:00Z' }),
      pod('running', { phase: 'Running', created: '2025-01-01T00:00:00Z' }),
    ];
    expect(names(terminatedOverThreshold(pods, 2))).toEqual(['evicted', 'old-failed', 'a-mid']);
    expect(names([...pods].filter((p) => p.status?.phase !== 'Running').sort(byEvictionAndCreation))).toEqual(['evicted', 'old-failed', 'a-mid', 'b-mid', 'new-done']);
    expect(terminatedOverThreshold(pods, 5)).toEqual([]);
    expect(terminatedOverThreshold(pods, 0)).toEqual([]);
  });
});

describe('planPodGC', () => {
  const clock = new FakeClock('2026-01-01T00:00:00Z');
  const base = (over: Partial<PodGCInput>): PodGCInput => ({ pods: [], nodes: [frozen(readyNode('w1', clock.now()))], now: clock.now(), quarantine: new Map(), terminatedPodThreshold: 12_500, ...over });

  it('quarantines a missing node for 40 s before asking the API server about it', () => {
    const pods = [pod('a', { node: 'gone' }), pod('b', { node: 'gone' }), pod('c', { node: 'w1' })];
    const t0 = clock.now().getTime();
    const first = planPodGC(base({ pods }));
    expect([...first.quarantine]).toEqual([['gone', t0]]);
    expect(first.verifyNodes).toEqual([]);
    expect(first.nextCheckAt).toBe(t0 + QUARANTINE_MS);

    const early = planPodGC(base({ pods, now: new Date(t0 + QUARANTINE_MS - 1), quarantine: first.quarantine }));
    expect(early.verifyNodes).toEqual([]);
    expect(early.quarantine.get('gone')).toBe(t0);

    const due = planPodGC(base({ pods, now: new Date(t0 + QUARANTINE_MS), quarantine: first.quarantine }));
    expect(due.verifyNodes).toEqual(['gone']);
    expect(due.quarantine.size).toBe(0);
    expect(due.nextCheckAt).toBeUndefined();
    expect(names(orphanedPods(pods, new Set(due.verifyNodes)))).toEqual(['a', 'b']);
  });

  it('forgets a quarantined node that shows up or that no pod names any more', () => {
    const t0 = clock.now().getTime();
    const quarantine = new Map([['late', t0 - 10_000], ['unused', t0 - 10_000]]);
    const plan = planPodGC(base({ pods: [pod('a', { node: 'late' })], nodes: [frozen(readyNode('late', clock.now()))], quarantine }));
    expect(plan.quarantine.size).toBe(0);
  });

  it('force-deletes terminating pods that were never scheduled, and terminating pods on out-of-service nodes that are not Ready', () => {
    const down = frozen(readyNode('down', clock.now(), { ready: 'False', taints: [{ key: 'node.kubernetes.io/out-of-service', effect: 'NoExecute' }] }));
    const tainted = frozen(readyNode('tainted-ready', clock.now(), { taints: [{ key: 'node.kubernetes.io/out-of-service', effect: 'NoExecute' }] }));
    const notReady = frozen(readyNode('not-ready', clock.now(), { ready: 'False' }));
    const pods = [
      pod('unscheduled', { node: '', deleting: true, phase: 'Pending' }),
      pod('unscheduled-live', { node: '', phase: 'Pending' }),
      pod('on-down', { node: 'down', deleting: true }),
      pod('on-down-live', { node: 'down' }),
      pod('on-tainted-ready', { node: 'tainted-ready', deleting: true }),
      pod('on-not-ready', { node: 'not-ready', deleting: true }),
    ];
    const plan = planPodGC(base({ pods, nodes: [down, tainted, notReady] }));
    expect(names(plan.deletions)).toEqual(['on-down', 'unscheduled']);
  });

  it('lists a pod once even when several rules choose it', () => {
    const pods = [pod('x', { node: '', deleting: true, phase: 'Failed' }), pod('y', { phase: 'Succeeded', created: '2025-12-31T00:00:00Z' })];
    // A threshold of 0 turns the terminated-pod sweep off, as upstream.
    expect(names(planPodGC(base({ pods, terminatedPodThreshold: 0 })).deletions)).toEqual(['x']);
    expect(names(planPodGC(base({ pods, terminatedPodThreshold: 1 })).deletions)).toEqual(['y', 'x']);
    expect(names(planPodGC(base({ pods, terminatedPodThreshold: 1e9 })).deletions)).toEqual(['x']);
    const both = [pod('x', { node: '', deleting: true, phase: 'Failed', created: '2025-01-01T00:00:00Z' }), pods[1]];
    expect(names(planPodGC(base({ pods: both, terminatedPodThreshold: 1 })).deletions)).toEqual(['x']);
  });
});
