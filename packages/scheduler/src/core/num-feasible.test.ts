import { describe, expect, it } from 'vitest';
import { numFeasibleNodesToFind } from './num-feasible';

describe('numFeasibleNodesToFind', () => {
  it('checks every node of small clusters', () => {
    expect(numFeasibleNodesToFind(3)).toBe(3);
    expect(numFeasibleNodesToFind(99)).toBe(99);
  });

  it('is adaptive: 50% − nodes/125, at least 5% and at least 100 nodes', () => {
    expect(numFeasibleNodesToFind(100)).toBe(100);
    expect(numFeasibleNodesToFind(500)).toBe(230);
    expect(numFeasibleNodesToFind(1000)).toBe(420);
    expect(numFeasibleNodesToFind(5000)).toBe(500);
    expect(numFeasibleNodesToFind(10000)).toBe(500);
  });

  it('honours a configured percentage', () => {
    expect(numFeasibleNodesToFind(1000, 100)).toBe(1000);
    expect(numFeasibleNodesToFind(1000, 20)).toBe(200);
    expect(numFeasibleNodesToFind(1000, 5)).toBe(100);
  });
});
