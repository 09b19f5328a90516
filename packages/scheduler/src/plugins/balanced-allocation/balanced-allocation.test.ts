import { describe, expect, it } from 'vitest';
import { prioritizeNodes } from '../../core/prioritize';
import { SKIP } from '../../framework/types';
import { cacheOf, makeNode, makePod, podInfo } from '../../testing/builders';
import { balancedAllocationScore, balancedScore } from './balanced-allocation';

describe('NodeResourcesBalancedAllocation', () => {
  it('scores (1 - |cpuFraction - memFraction| / 2) × 100', () => {
    expect(balancedScore(2, 4, 2, 4)).toBe(100);
    expect(balancedScore(3, 4, 1, 4)).toBe(75);
    expect(balancedScore(8, 4, 0, 4)).toBe(50);
    expect(balancedScore(1, 0, 1, 4)).toBe(100);
  });

  it('uses actual requests of the node plus the pod', () => {
    const cache = cacheOf([makeNode('n', { cpu: '4', memory: '4Gi' })], [makePod('old', { nodeName: 'n', cpu: '2' })]);
    // cpu (2+1)/4 = .75, memory 1Gi/4Gi = .25 → std .25 → 75
    expect(prioritizeNodes(podInfo('p', { cpu: '1', memory: '1Gi' }), cache.nodes, [{ plugin: balancedAllocationScore, weight: 1 }], cache)).toEqual([75]);
  });

  it('skips BestEffort pods', () => {
    expect(balancedAllocationScore.preScore(podInfo('p'))).toBe(SKIP);
  });
});
