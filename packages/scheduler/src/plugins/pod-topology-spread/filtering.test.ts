import { describe, expect, it } from 'vitest';
import type { TopologySpreadConstraint } from 'kubernetes-types/core/v1';
import { Status } from '../../framework/status';
import { SKIP } from '../../framework/types';
import { cacheOf, makeNode, makePod, podInfo } from '../../testing/builders';
import { ERR_REASON_CONSTRAINTS_NOT_MATCH, ERR_REASON_NODE_LABEL_NOT_MATCH, podTopologySpreadFilter, type SpreadState } from './filtering';

const zone = (z: string) => ({ labels: { 'topology.kubernetes.io/zone': z } });
const spread = (extra: Partial<TopologySpreadConstraint> = {}): TopologySpreadConstraint => ({
  maxSkew: 1,
  topologyKey: 'topology.kubernetes.io/zone',
  whenUnsatisfiable: 'DoNotSchedule',
  labelSelector: { matchLabels: { app: 'web' } },
  ...extra,
});
const web = (name: string, nodeName: string) => makePod(name, { nodeName, labels: { app: 'web' } });

function stateFor(pod: ReturnType<typeof podInfo>, cache: ReturnType<typeof cacheOf>): SpreadState {
  const pre = podTopologySpreadFilter.preFilter(pod, cache);
  if (pre === SKIP || pre instanceof Status) throw new Error('expected state');
  return pre.state;
}

describe('PodTopologySpread filter', () => {
  const nodes = [makeNode('n1', zone('z1')), makeNode('n2', zone('z1')), makeNode('n3', zone('z2')), makeNode('bare')];

  it('keeps the skew between zones within maxSkew, counting the pod itself', () => {
    const cache = cacheOf(nodes, [web('a', 'n1'), web('b', 'n2')]);
    const pod = podInfo('p', { labels: { app: 'web' }, spec: { topologySpreadConstraints: [spread()] } });
    const state = stateFor(pod, cache);
    const s = podTopologySpreadFilter.filter(pod, cache.get('n1')!, state);
    expect(s?.code).toBe('Unschedulable');
    expect(s?.reasons).toEqual([ERR_REASON_CONSTRAINTS_NOT_MATCH]);
    expect(podTopologySpreadFilter.filter(pod, cache.get('n3')!, state)).toBeNull();
  });

  it('rejects nodes without the topology key as unresolvable', () => {
    const cache = cacheOf(nodes);
    const pod = podInfo('p', { labels: { app: 'web' }, spec: { topologySpreadConstraints: [spread()] } });
    const s = podTopologySpreadFilter.filter(pod, cache.get('bare')!, stateFor(pod, cache));
    expect(s?.code).toBe('UnschedulableAndUnresolvable');
    expect(s?.reasons).toEqual(["node(s) didn't match pod topology spread constraints (missing required label)"]);
    expect(ERR_REASON_NODE_LABEL_NOT_MATCH).toBe(s?.reasons[0]);
  });

  it('treats the global minimum as 0 while fewer than minDomains domains exist', () => {
    const cache = cacheOf(nodes, [web('a', 'n1'), web('b', 'n3')]);
    const pod = podInfo('p', { labels: { app: 'web' }, spec: { topologySpreadConstraints: [spread({ minDomains: 3 })] } });
    // z2 has 1 pod; with the minimum forced to 0, 1 + 1 - 0 = 2 > 1.
    expect(podTopologySpreadFilter.filter(pod, cache.get('n3')!, stateFor(pod, cache))?.code).toBe('Unschedulable');
    const relaxed = podInfo('q', { labels: { app: 'web' }, spec: { topologySpreadConstraints: [spread()] } });
    expect(podTopologySpreadFilter.filter(relaxed, cache.get('n3')!, stateFor(relaxed, cache))).toBeNull();
  });

  it('ignores ScheduleAnyway constraints and pods without constraints', () => {
    expect(podTopologySpreadFilter.preFilter(podInfo('p'), cacheOf(nodes))).toBe(SKIP);
    const soft = podInfo('p', { spec: { topologySpreadConstraints: [spread({ whenUnsatisfiable: 'ScheduleAnyway' })] } });
    expect(podTopologySpreadFilter.preFilter(soft, cacheOf(nodes))).toBe(SKIP);
  });

  it('honours nodeAffinity when counting domains (nodeAffinityPolicy Honor)', () => {
    const cache = cacheOf(nodes, [web('a', 'n3')]);
    // z2 is excluded by the nodeSelector, so its pod does not count and z1 (0 pods) is the only domain.
    const pod = podInfo('p', { labels: { app: 'web' }, spec: { nodeSelector: { 'topology.kubernetes.io/zone': 'z1' }, topologySpreadConstraints: [spread()] } });
    const state = stateFor(pod, cache);
    expect(state.counts.get('topology.kubernetes.io/zone')).toEqual(new Map([['z1', 0]]));
  });

  it('merges matchLabelKeys into the selector', () => {
    const cache = cacheOf(nodes, [makePod('old', { nodeName: 'n1', labels: { app: 'web', 'pod-template-hash': 'v1' } })]);
    const pod = podInfo('p', { labels: { app: 'web', 'pod-template-hash': 'v2' }, spec: { topologySpreadConstraints: [spread({ matchLabelKeys: ['pod-template-hash'] })] } });
    // The old revision's pod does not count: z1 has 0 matching pods.
    expect(podTopologySpreadFilter.filter(pod, cache.get('n1')!, stateFor(pod, cache))).toBeNull();
  });

  it('removePod gives preemption a state without the victim', () => {
    const cache = cacheOf(nodes, [web('a', 'n1'), web('b', 'n2')]);
    const pod = podInfo('p', { labels: { app: 'web' }, spec: { topologySpreadConstraints: [spread({ maxSkew: 2 })] } });
    const state = stateFor(pod, cache);
    const n1 = cache.get('n1')!;
    expect(podTopologySpreadFilter.filter(pod, n1, state)?.code).toBe('Unschedulable');
    const without = podTopologySpreadFilter.removePod(state, pod, n1.pods.get('default/a')!, n1);
    expect(podTopologySpreadFilter.filter(pod, n1, without)).toBeNull();
    expect(state.counts.get('topology.kubernetes.io/zone')!.get('z1')).toBe(2);
  });
});
