import { describe, expect, it } from 'vitest';
import { prioritizeNodes } from '../../core/prioritize';
import { SKIP } from '../../framework/types';
import { cacheOf, makeNode, makePod, podInfo } from '../../testing/builders';
import { podTopologySpreadScore, scoreForCount, topologyNormalizingWeight } from './scoring';

const weighted = [{ plugin: podTopologySpreadScore, weight: 1 }];

describe('PodTopologySpread score', () => {
  it('spreads the pods of one owner over hostnames by default (fewer siblings scores higher)', () => {
    const owned = (name: string, node: string) => makePod(name, { nodeName: node, owner: 'rs-1' });
    const cache = cacheOf([makeNode('n1'), makeNode('n2'), makeNode('n3')], [owned('a', 'n1'), owned('b', 'n1'), owned('c', 'n3')]);
    // raw: count × ln(3+2) + (3−1): n1 5.2→5, n2 2, n3 3.6→4; normalised 100 × (max+min−s)/max
    expect(prioritizeNodes(podInfo('p', { owner: 'rs-1' }), cache.nodes, weighted, cache)).toEqual([40, 100, 60]);
  });

  it('does not count pods of other owners, and skips pods without an owner', () => {
    const cache = cacheOf([makeNode('n1'), makeNode('n2')], [makePod('a', { nodeName: 'n1', owner: 'rs-other' })]);
    expect(prioritizeNodes(podInfo('p', { owner: 'rs-1' }), cache.nodes, weighted, cache)).toEqual([100, 100]);
    expect(podTopologySpreadScore.preScore(podInfo('p'), cache.nodes, cache)).toBe(SKIP);
  });

  it('counts zones over all nodes for ScheduleAnyway constraints and ignores nodes missing the key', () => {
    const z = (zone: string) => ({ labels: { 'topology.kubernetes.io/zone': zone } });
    const web = (name: string, node: string) => makePod(name, { nodeName: node, labels: { app: 'web' } });
    const cache = cacheOf([makeNode('a1', z('a')), makeNode('a2', z('a')), makeNode('b1', z('b')), makeNode('none')], [web('x', 'a1'), web('y', 'a2')]);
    const pod = podInfo('p', {
      labels: { app: 'web' },
      spec: { topologySpreadConstraints: [{ maxSkew: 1, topologyKey: 'topology.kubernetes.io/zone', whenUnsatisfiable: 'ScheduleAnyway', labelSelector: { matchLabels: { app: 'web' } } }] },
    });
    // zone a: 2 pods → 2 × ln(4) = 2.77 → 3; zone b: 0 → 0; none: ignored (0)
    expect(prioritizeNodes(pod, cache.nodes, weighted, cache)).toEqual([0, 0, 100, 0]);
  });

  it('uses ln(size + 2) weights and maxSkew − 1 offsets', () => {
    expect(topologyNormalizingWeight(1)).toBeCloseTo(Math.log(3));
    expect(scoreForCount(2, 3, 1.5)).toBe(5);
  });
});
