import { describe, expect, it } from 'vitest';
import type { Pod } from 'kubernetes-types/core/v1';
import { createFailedPodBackoff } from './backoff';
import { groupPodsByNode } from './daemon-pods';
import { failedPodBackoffKey, planManage, type ManageInput } from './plan';
import { daemonPod, daemonSet, node } from './fixtures';

const now = new Date('2026-01-01T00:10:00Z');

function manage(pods: Pod[], extra: Partial<ManageInput> = {}) {
  return planManage({ ds: daemonSet(), nodes: [node('w1'), node('w2')], nodeToPods: groupPodsByNode(pods), hash: 'new', now, failedPodBackoff: createFailedPodBackoff(), ...extra });
}

describe('planManage', () => {
  it('creates a pod on every eligible node that has none', () => {
    expect(manage([daemonPod('a', 'w1')])).toEqual({ createOn: ['w2'], deletePods: [], events: [], backoffSteps: [] });
    const cp = node('cp', { taints: [{ key: 'node-role.kubernetes.io/control-plane', effect: 'NoSchedule' }] });
    expect(manage([], { nodes: [node('w1'), cp] }).createOn).toEqual(['w1']);
  });

  it('counts a pod pinned by affinity but not yet bound as the node’s pod', () => {
    expect(manage([daemonPod('a', 'w1', { bound: false }), daemonPod('b', 'w2')]).createOn).toEqual([]);
  });

  it('deletes pods from nodes the DaemonSet no longer selects, but not from nodes only closed to new pods', () => {
    const ds = daemonSet({ spec: { nodeSelector: { role: 'agent' } } });
    const nodes = [node('w1', { labels: { role: 'agent' } }), node('w2'), node('w3', { labels: { role: 'agent' }, taints: [{ key: 'maintenance', effect: 'NoSchedule' }] })];
    const plan = manage([daemonPod('a', 'w1'), daemonPod('b', 'w2'), daemonPod('c', 'w3')], { ds, nodes });
    expect(plan.deletePods).toEqual(['b']);
    expect(plan.createOn).toEqual([]);
  });

  it('deletes pods from a node whose NoExecute taint they do not tolerate', () => {
    const nodes = [node('w1', { taints: [{ key: 'dedicated', value: 'db', effect: 'NoExecute' }] })];
    expect(manage([daemonPod('a', 'w1')], { nodes }).deletePods).toEqual(['a']);
  });

  it('keeps the oldest of several pods on one node, bound ones first', () => {
    const pods = [
      daemonPod('newest', 'w1', { created: '2026-01-01T00:03:00Z' }),
      daemonPod('unbound-oldest', 'w1', { bound: false, created: '2026-01-01T00:00:00Z' }),
      daemonPod('oldest-bound', 'w1', { created: '2026-01-01T00:01:00Z' }),
      daemonPod('w2-pod', 'w2'),
    ];
    expect(manage(pods).deletePods.sort()).toEqual(['newest', 'unbound-oldest']);
  });

  it('does not replace a pod that is still terminating', () => {
    expect(manage([daemonPod('a', 'w1', { deleting: true }), daemonPod('b', 'w2')])).toEqual({ createOn: [], deletePods: [], events: [], backoffSteps: [] });
  });

  it('deletes a failed pod with an event and steps the back-off; the replacement comes once it is gone', () => {
    const ds = daemonSet({ observedGeneration: 1 });
    const plan = manage([daemonPod('a', 'w1', { phase: 'Failed' }), daemonPod('b', 'w2')], { ds });
    expect(plan.deletePods).toEqual(['a']);
    expect(plan.createOn).toEqual([]);
    expect(plan.backoffSteps).toEqual(['uid-agent/1/w1']);
    expect(plan.events).toEqual([
      { regarding: { apiVersion: 'apps/v1', kind: 'DaemonSet', namespace: 'default', name: 'agent', uid: 'uid-agent' }, type: 'Warning', reason: 'FailedDaemonPod', message: 'Found failed daemon pod default/a on node w1, will try to kill it' },
    ]);
    expect(manage([daemonPod('b', 'w2')], { ds }).createOn).toEqual(['w1']);
  });

  it('waits out the back-off before deleting the next failed pod on that node', () => {
    const ds = daemonSet();
    const backoff = createFailedPodBackoff();
    backoff.next(failedPodBackoffKey(ds, 'w1'), now.getTime() - 500);
    const plan = manage([daemonPod('a', 'w1', { phase: 'Failed' }), daemonPod('b', 'w2')], { ds, failedPodBackoff: backoff });
    expect(plan).toEqual({ createOn: [], deletePods: [], events: [], backoffSteps: [], requeueAfterMs: 1_000 });
  });

  it('deletes a succeeded pod with an event', () => {
    const plan = manage([daemonPod('a', 'w1', { phase: 'Succeeded' }), daemonPod('b', 'w2')]);
    expect(plan.deletePods).toEqual(['a']);
    expect(plan.events.map((e) => `${e.type} ${e.reason}: ${e.message}`)).toEqual(['Normal SucceededDaemonPod: Found succeeded daemon pod default/a on node w1, will try to delete it']);
  });

  it('deletes unbound pods meant for nodes that are gone, leaving bound ones to pod GC', () => {
    const pods = [daemonPod('a', 'w1'), daemonPod('b', 'w2'), daemonPod('pinned', 'gone', { bound: false }), daemonPod('bound', 'gone')];
    expect(manage(pods).deletePods).toEqual(['pinned']);
  });

  it('with OnDelete, leaves pods of an old revision alone and gives an empty node a pod of the current one', () => {
    const ds = daemonSet({ strategy: { type: 'OnDelete' } });
    expect(manage([daemonPod('a', 'w1', { hash: 'old' })], { ds })).toEqual({ createOn: ['w2'], deletePods: [], events: [], backoffSteps: [] });
  });

  describe('with surge', () => {
    const ds = daemonSet({ strategy: { type: 'RollingUpdate', rollingUpdate: { maxUnavailable: 0, maxSurge: 1 } } });
    const nodes = [node('w1')];

    it('keeps an old Ready pod beside its new pod until the new one is available', () => {
      const pods = [daemonPod('old', 'w1', { hash: 'old' }), daemonPod('new', 'w1', { ready: false, created: '2026-01-01T00:05:00Z' })];
      expect(manage(pods, { ds, nodes }).deletePods).toEqual([]);
      const ready = [daemonPod('old', 'w1', { hash: 'old' }), daemonPod('new', 'w1', { created: '2026-01-01T00:05:00Z' })];
      expect(manage(ready, { ds, nodes }).deletePods).toEqual(['old']);
    });

    it('drops an old pod that is not Ready, and any third pod', () => {
      const pods = [daemonPod('old', 'w1', { hash: 'old', ready: false }), daemonPod('new', 'w1', { ready: false }), daemonPod('new2', 'w1', { ready: false, created: '2026-01-01T00:06:00Z' })];
      expect(manage(pods, { ds, nodes }).deletePods.sort()).toEqual(['new2', 'old']);
    });
  });
});
