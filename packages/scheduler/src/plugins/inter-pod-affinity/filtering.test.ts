import { describe, expect, it } from 'vitest';
import type { PodAffinityTerm } from 'kubernetes-types/core/v1';
import type { PodInfo } from '../../cache/pod-info';
import type { SchedulerCache } from '../../cache/scheduler-cache';
import { Status } from '../../framework/status';
import { SKIP } from '../../framework/types';
import { cacheOf, makeNode, makePod, podInfo } from '../../testing/builders';
import {
  ERR_REASON_AFFINITY_RULES_NOT_MATCH,
  ERR_REASON_ANTI_AFFINITY_RULES_NOT_MATCH,
  ERR_REASON_EXISTING_ANTI_AFFINITY_RULES_NOT_MATCH,
  interPodAffinityFilter,
  type AffinityState,
} from './filtering';

const HOST = 'kubernetes.io/hostname';
const ZONE = 'topology.kubernetes.io/zone';
const term = (app: string, topologyKey: string, extra: Partial<PodAffinityTerm> = {}): PodAffinityTerm => ({ labelSelector: { matchLabels: { app } }, topologyKey, ...extra });
const zoned = (name: string, z: string) => makeNode(name, { labels: { [ZONE]: z } });

function run(pod: PodInfo, cache: SchedulerCache, node: string): Status | null {
  const pre = interPodAffinityFilter.preFilter(pod, cache);
  if (pre === SKIP) return null;
  if (pre instanceof Status) return pre;
  return interPodAffinityFilter.filter(pod, cache.get(node)!, pre.state as AffinityState);
}

describe('InterPodAffinity filter', () => {
  it('is skipped when neither the pod nor any running pod has required terms', () => {
    expect(interPodAffinityFilter.preFilter(podInfo('p'), cacheOf([makeNode('n')]))).toBe(SKIP);
  });

  it('keeps a pod away from a node whose pods match its anti-affinity', () => {
    const cache = cacheOf([makeNode('n1'), makeNode('n2')], [makePod('db', { nodeName: 'n1', labels: { app: 'db' } })]);
    const pod = podInfo('p', { spec: { affinity: { podAntiAffinity: { requiredDuringSchedulingIgnoredDuringExecution: [term('db', HOST)] } } } });
    const s = run(pod, cache, 'n1');
    expect(s?.code).toBe('Unschedulable');
    expect(s?.reasons).toEqual([ERR_REASON_ANTI_AFFINITY_RULES_NOT_MATCH]);
    expect(ERR_REASON_ANTI_AFFINITY_RULES_NOT_MATCH).toBe("node(s) didn't match pod anti-affinity rules");
    expect(run(pod, cache, 'n2')).toBeNull();
  });

  it('requires a matching pod in the same topology domain for affinity', () => {
    const cache = cacheOf([zoned('a1', 'a'), zoned('a2', 'a'), zoned('b1', 'b'), makeNode('bare')], [makePod('cache', { nodeName: 'a1', labels: { app: 'cache' } })]);
    const pod = podInfo('p', { spec: { affinity: { podAffinity: { requiredDuringSchedulingIgnoredDuringExecution: [term('cache', ZONE)] } } } });
    expect(run(pod, cache, 'a2')).toBeNull();
    const s = run(pod, cache, 'b1');
    expect(s?.code).toBe('UnschedulableAndUnresolvable');
    expect(s?.reasons).toEqual([ERR_REASON_AFFINITY_RULES_NOT_MATCH]);
    expect(run(pod, cache, 'bare')?.reasons).toEqual([ERR_REASON_AFFINITY_RULES_NOT_MATCH]);
  });

  it('lets the first pod of a self-affine group in when no matching pod exists anywhere', () => {
    const cache = cacheOf([zoned('a1', 'a')]);
    const pod = podInfo('p', { labels: { app: 'cache' }, spec: { affinity: { podAffinity: { requiredDuringSchedulingIgnoredDuringExecution: [term('cache', ZONE)] } } } });
    expect(run(pod, cache, 'a1')).toBeNull();
  });

  it("respects running pods' anti-affinity against the incoming pod", () => {
    const guard = makePod('guard', { nodeName: 'n1', spec: { affinity: { podAntiAffinity: { requiredDuringSchedulingIgnoredDuringExecution: [term('web', HOST)] } } } });
    const cache = cacheOf([makeNode('n1'), makeNode('n2')], [guard]);
    const s = run(podInfo('p', { labels: { app: 'web' } }), cache, 'n1');
    expect(s?.reasons).toEqual([ERR_REASON_EXISTING_ANTI_AFFINITY_RULES_NOT_MATCH]);
    expect(run(podInfo('p', { labels: { app: 'web' } }), cache, 'n2')).toBeNull();
    expect(run(podInfo('q', { labels: { app: 'api' } }), cache, 'n1')).toBeNull();
  });

  it('matches other namespaces only when listed or selected by namespaceSelector', () => {
    const other = makePod('db', { namespace: 'data', nodeName: 'n1', labels: { app: 'db' } });
    const cache = cacheOf([makeNode('n1')], [other], { data: { team: 'storage' } });
    const anti = (t: PodAffinityTerm) => podInfo('p', { spec: { affinity: { podAntiAffinity: { requiredDuringSchedulingIgnoredDuringExecution: [t] } } } });
    expect(run(anti(term('db', HOST)), cache, 'n1')).toBeNull();
    expect(run(anti(term('db', HOST, { namespaces: ['data'] })), cache, 'n1')?.code).toBe('Unschedulable');
    expect(run(anti(term('db', HOST, { namespaceSelector: { matchLabels: { team: 'storage' } } })), cache, 'n1')?.code).toBe('Unschedulable');
    expect(run(anti(term('db', HOST, { namespaceSelector: { matchLabels: { team: 'web' } } })), cache, 'n1')).toBeNull();
  });
});
