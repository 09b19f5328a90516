import { describe, expect, it } from 'vitest';
import type { DaemonSetUpdateStrategy } from 'kubernetes-types/apps/v1';
import type { Pod } from 'kubernetes-types/core/v1';
import { groupPodsByNode } from './daemon-pods';
import { planRollingUpdate, updateBudget } from './rolling-update';
import { daemonPod, daemonSet, node } from './fixtures';

const now = new Date('2026-01-01T00:10:00Z');
const nodes = ['w1', 'w2', 'w3', 'w4'].map((n) => node(n));
const rolling = (maxUnavailable: number | string, maxSurge: number | string = 0): DaemonSetUpdateStrategy => ({ type: 'RollingUpdate', rollingUpdate: { maxUnavailable, maxSurge } });
const oldPods = (...opts: Parameters<typeof daemonPod>[2][]) => nodes.map((n, i) => daemonPod(`old-${n.metadata!.name}`, n.metadata!.name!, { hash: 'old', ...(opts[i] ?? {}) }));

function update(strategy: DaemonSetUpdateStrategy, pods: Pod[], extra: { minReadySeconds?: number } = {}) {
  return planRollingUpdate({ ds: daemonSet({ strategy, ...extra }), nodes, nodeToPods: groupPodsByNode(pods), hash: 'new', now });
}

describe('updateBudget', () => {
  it('scales percentages of the nodes that should run a pod, rounding up', () => {
    expect(updateBudget(daemonSet({ strategy: rolling('30%') }), nodes)).toEqual({ maxSurge: 0, maxUnavailable: 2, desiredNumberScheduled: 4 });
    expect(updateBudget(daemonSet({ strategy: rolling(0, '25%') }), nodes)).toEqual({ maxSurge: 1, maxUnavailable: 0, desiredNumberScheduled: 4 });
  });

  it('falls back to one unavailable node when both budgets are zero', () => {
    expect(updateBudget(daemonSet({ strategy: rolling(0, 0) }), nodes).maxUnavailable).toBe(1);
  });

  it('rejects a malformed percentage', () => {
    expect(() => updateBudget(daemonSet({ strategy: rolling('1.5%') }), nodes)).toThrow(/^invalid value for MaxUnavailable: invalid value for IntOrString/);
  });
});

describe('planRollingUpdate without surge', () => {
  it('deletes old available pods up to maxUnavailable', () => {
    expect(update(rolling(1), oldPods())).toEqual({ deletePods: ['old-w1'], createOn: [] });
    expect(update(rolling('50%'), oldPods())).toEqual({ deletePods: ['old-w1', 'old-w2'], createOn: [] });
  });

  it('counts nodes already without an available pod against the budget', () => {
    // w1 is mid-update (its new pod is not ready yet), so no further old pod may go.
    const pods = [daemonPod('new-w1', 'w1', { ready: false }), ...oldPods().slice(1)];
    expect(update(rolling(1), pods).deletePods).toEqual([]);
    // w1's pod is gone and nothing replaced it yet: the same.
    expect(update(rolling(1), oldPods().slice(1)).deletePods).toEqual([]);
    expect(update(rolling(2), oldPods().slice(1)).deletePods).toEqual(['old-w2']);
  });

  it('always replaces old pods that are not available anyway', () => {
    expect(update(rolling(1), oldPods({ ready: false }, {}, { ready: false })).deletePods).toEqual(['old-w1', 'old-w3']);
  });

  it('honours minReadySeconds when judging availability', () => {
    const freshlyReady = { readySince: '2026-01-01T00:09:50Z' };
    // Ready for 10 s of the 30 s required: w1 does not count as available, so it is replaced and uses the budget.
    expect(update(rolling(1), oldPods(freshlyReady), { minReadySeconds: 30 }).deletePods).toEqual(['old-w1']);
  });

  it('is done when every pod runs the current revision', () => {
    const pods = nodes.map((n) => daemonPod(`new-${n.metadata!.name}`, n.metadata!.name!));
    expect(update(rolling(1), pods)).toEqual({ deletePods: [], createOn: [] });
  });
});

describe('planRollingUpdate with surge', () => {
  it('creates new pods beside old available ones, up to maxSurge', () => {
    expect(update(rolling(0, 1), oldPods())).toEqual({ deletePods: [], createOn: ['w1'] });
    expect(update(rolling(0, '50%'), oldPods())).toEqual({ deletePods: [], createOn: ['w1', 'w2'] });
  });

  it('replaces an old pod that is not available at once, beyond the surge budget', () => {
    expect(update(rolling(0, 1), oldPods({}, { ready: false }))).toEqual({ deletePods: [], createOn: ['w2', 'w1'] });
  });

  it('deletes the old pod once its successor is available, and waits while it is not', () => {
    const waiting = [daemonPod('new-w1', 'w1', { ready: false }), ...oldPods()];
    expect(update(rolling(0, 1), waiting)).toEqual({ deletePods: [], createOn: [] });
    const available = [daemonPod('new-w1', 'w1'), ...oldPods()];
    expect(update(rolling(0, 1), available)).toEqual({ deletePods: ['old-w1'], createOn: ['w2'] });
  });
});
