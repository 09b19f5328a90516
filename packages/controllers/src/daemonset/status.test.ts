import { describe, expect, it } from 'vitest';
import { groupPodsByNode } from './daemon-pods';
import { computeStatus, nextStatus, statusUpToDate } from './status';
import { daemonPod, daemonSet, node } from './fixtures';
import { frozen } from '../testing/fixtures';

const now = new Date('2026-01-01T00:10:00Z');

describe('computeStatus', () => {
  it('counts desired, scheduled, misscheduled, ready, available and updated nodes', () => {
    const ds = daemonSet({ spec: { nodeSelector: { role: 'agent' } } });
    const agent = { labels: { role: 'agent' } };
    const nodes = [node('w1', agent), node('w2', agent), node('w3', agent), node('w4', agent), node('other')];
    const pods = [
      daemonPod('ready-new', 'w1'),
      daemonPod('ready-old', 'w2', { hash: 'old' }),
      daemonPod('pending', 'w3', { bound: false }),
      daemonPod('stray', 'other'),
    ];
    expect(computeStatus(ds, nodes, groupPodsByNode(pods), 'new', now)).toEqual({
      counts: { desiredNumberScheduled: 4, currentNumberScheduled: 3, numberMisscheduled: 1, numberReady: 2, updatedNumberScheduled: 2, numberAvailable: 2, numberUnavailable: 2 },
    });
  });

  it('judges a node by its oldest pod', () => {
    const pods = [daemonPod('young-ready', 'w1', { created: '2026-01-01T00:05:00Z' }), daemonPod('old-not-ready', 'w1', { ready: false, hash: 'old' })];
    const { counts } = computeStatus(daemonSet(), [node('w1')], groupPodsByNode(pods), 'new', now);
    expect(counts).toMatchObject({ currentNumberScheduled: 1, numberReady: 0, updatedNumberScheduled: 0 });
  });

  it('holds back availability for minReadySeconds and says when to look again', () => {
    const ds = daemonSet({ minReadySeconds: 30 });
    const pods = [daemonPod('a', 'w1', { readySince: '2026-01-01T00:09:50Z' }), daemonPod('b', 'w2')];
    const plan = computeStatus(ds, [node('w1'), node('w2')], groupPodsByNode(pods), 'new', now);
    expect(plan.counts).toMatchObject({ numberReady: 2, numberAvailable: 1, numberUnavailable: 1 });
    expect(plan.recheckAfterMs).toBe(20_001);
  });
});

describe('writing status', () => {
  const counts = { desiredNumberScheduled: 2, currentNumberScheduled: 2, numberMisscheduled: 0, numberReady: 0, updatedNumberScheduled: 2, numberAvailable: 0, numberUnavailable: 2 };

  it('skips the write when counts match and the generation is observed', () => {
    const ds = daemonSet({ generation: 2 });
    const written = frozen({ ...ds, status: nextStatus(ds.status, counts, 2) });
    expect(statusUpToDate(written, counts)).toBe(true);
    expect(statusUpToDate(frozen({ ...ds, status: nextStatus(ds.status, counts, 1) }), counts)).toBe(false);
    expect(statusUpToDate(written, { ...counts, numberReady: 1 })).toBe(false);
  });

  it('leaves omitempty zeros out, keeps collisionCount, and only raises observedGeneration when asked', () => {
    const status = nextStatus({ currentNumberScheduled: 0, desiredNumberScheduled: 0, numberMisscheduled: 0, numberReady: 0, collisionCount: 1, observedGeneration: 1 }, counts);
    expect(status).toEqual({ desiredNumberScheduled: 2, currentNumberScheduled: 2, numberMisscheduled: 0, numberReady: 0, updatedNumberScheduled: 2, numberUnavailable: 2, collisionCount: 1, observedGeneration: 1 });
  });
});
