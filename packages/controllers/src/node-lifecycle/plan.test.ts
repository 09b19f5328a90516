import { describe, expect, it } from 'vitest';
import { FakeClock } from '@mk/api';
import { planNodeLifecycle, type NodeLifecycleAction } from './plan';
import { boundPod, frozen, nodeLease, readyNode } from '../testing/fixtures';

const timings = { nodeMonitorGracePeriodMs: 40_000 };
const kinds = (actions: NodeLifecycleAction[]) => actions.map((a) => (a.kind === 'event' ? `event:${a.event.reason}:${a.event.regarding.kind}` : a.kind));

describe('planNodeLifecycle', () => {
  it('does nothing for a healthy, known node', () => {
    const clock = new FakeClock();
    const node = frozen(readyNode('w1', clock.now()));
    const plan = planNodeLifecycle({ node, lease: frozen(nodeLease('w1', clock.now())), pods: [frozen(boundPod('p', 'w1'))], now: clock.now(), timings, gate: 'taint', known: true });
    expect(plan.actions).toEqual([]);
  });

  it('records RegisteredNode the first time it sees a node', () => {
    const clock = new FakeClock();
    const plan = planNodeLifecycle({ node: frozen(readyNode('w1', clock.now())), pods: [], now: clock.now(), timings, gate: 'taint', known: false });
    expect(plan.actions).toEqual([
      { kind: 'event', event: { regarding: { apiVersion: 'v1', kind: 'Node', name: 'w1', uid: 'uid-w1', namespace: undefined }, type: 'Normal', reason: 'RegisteredNode', message: 'Node w1 event: Registered Node w1 in Controller' } },
    ]);
  });

  it('marks a silent node Unknown, taints it unreachable and marks its pods not ready', async () => {
    const clock = new FakeClock();
    const node = frozen(readyNode('w1', clock.now()));
    const lease = frozen(nodeLease('w1', clock.now()));
    const pods = [frozen(boundPod('a', 'w1')), frozen(boundPod('b', 'w1', { ready: false })), frozen(boundPod('c', 'other'))];
    await clock.advance(40_001);
    const plan = planNodeLifecycle({ node, lease, pods, now: clock.now(), timings, gate: 'taint', known: true });
    expect(plan.readyStatus).toBe('Unknown');
    expect(kinds(plan.actions)).toEqual(['updateNodeStatus', 'event:NodeNotReady:Node', 'updateNodeTaints', 'markPodNotReady', 'event:NodeNotReady:Pod']);
    const [, nodeEvent, taints, mark, podEvent] = plan.actions as any[];
    expect(nodeEvent.event).toMatchObject({ type: 'Normal', message: 'Node w1 status is now: NodeNotReady' });
    expect(taints.added.map((t: any) => `${t.key}:${t.effect}`)).toEqual(['node.kubernetes.io/unreachable:NoSchedule', 'node.kubernetes.io/unreachable:NoExecute']);
    expect(mark).toMatchObject({ namespace: 'default', name: 'a', resourceVersion: '20', condition: { type: 'Ready', status: 'False', lastTransitionTime: '2026-01-01T00:00:40Z' } });
    expect(podEvent.event).toMatchObject({ type: 'Warning', reason: 'NodeNotReady', message: 'Node is not ready', regarding: { kind: 'Pod', namespace: 'default', name: 'a' } });
  });

  it('keeps marking pods that turn up ready on an Unknown node, without another node event', () => {
    const node = readyNode('w1', new Date('2026-01-01T00:00:00Z'), { taints: [{ key: 'node.kubernetes.io/unreachable', effect: 'NoSchedule', timeAdded: '2026-01-01T00:00:41Z' }, { key: 'node.kubernetes.io/unreachable', effect: 'NoExecute', timeAdded: '2026-01-01T00:00:41Z' }] });
    for (const c of node.status!.conditions!) Object.assign(c, { status: 'Unknown', reason: 'NodeStatusUnknown', message: 'Kubelet stopped posting node status.' });
    const plan = planNodeLifecycle({ node: frozen(node), pods: [frozen(boundPod('late', 'w1'))], now: new Date('2026-01-01T00:02:00Z'), timings, gate: 'taint', known: true });
    expect(kinds(plan.actions)).toEqual(['markPodNotReady', 'event:NodeNotReady:Pod']);
  });

  it('marks terminating pods not ready too, as upstream does', () => {
    const node = readyNode('w1', new Date('2026-01-01T00:00:00Z'), { ready: 'Unknown' });
    const plan = planNodeLifecycle({ node: frozen(node), pods: [frozen(boundPod('going', 'w1', { deleting: true }))], now: new Date('2026-01-01T00:00:01Z'), timings, gate: 'hold', known: true });
    expect(kinds(plan.actions)).toContain('markPodNotReady');
  });

  it('removes the taints once the node renews its lease and reports Ready', () => {
    const node = readyNode('w1', new Date('2026-01-01T00:05:00Z'), { taints: [{ key: 'node.kubernetes.io/unreachable', effect: 'NoSchedule', timeAdded: '2026-01-01T00:00:41Z' }, { key: 'node.kubernetes.io/unreachable', effect: 'NoExecute', timeAdded: '2026-01-01T00:00:41Z' }] });
    const plan = planNodeLifecycle({ node: frozen(node), lease: nodeLease('w1', new Date('2026-01-01T00:05:00Z')), pods: [], now: new Date('2026-01-01T00:05:01Z'), timings, gate: 'taint', known: true });
    expect(plan.actions).toEqual([{ kind: 'updateNodeTaints', taints: [], added: [], removed: node.spec!.taints }]);
  });

  it('sets the beta OS label from the stable one', () => {
    const node = readyNode('w1', new Date('2026-01-01T00:00:00Z'), { labels: { 'kubernetes.io/os': 'linux', 'kubernetes.io/arch': 'arm64', 'beta.kubernetes.io/arch': 'amd64' } });
    const plan = planNodeLifecycle({ node: frozen(node), pods: [], now: new Date('2026-01-01T00:00:01Z'), timings, gate: 'taint', known: true });
    expect(plan.actions).toEqual([{ kind: 'updateNodeLabels', labels: { 'beta.kubernetes.io/os': 'linux', 'beta.kubernetes.io/arch': 'arm64' } }]);
  });
});
