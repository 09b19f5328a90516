import { describe, expect, it } from 'vitest';
import type { Node } from 'kubernetes-types/core/v1';
import { placePod, podsPerNode, workerNodeNames } from './placement';

const node = (name: string, taints?: NonNullable<Node['spec']>['taints']): Node => ({ metadata: { name }, spec: taints ? { taints } : {} });

describe('workerNodeNames', () => {
  it('skips nodes tainted NoSchedule or NoExecute and keeps the order of the rest', () => {
    const nodes = [
      node('mk-control-plane', [{ key: 'node-role.kubernetes.io/control-plane', effect: 'NoSchedule' }]),
      node('mk-worker'),
      node('mk-drained', [{ key: 'node.kubernetes.io/unreachable', effect: 'NoExecute' }]),
      node('mk-worker2', [{ key: 'example.com/slow', effect: 'PreferNoSchedule' }]),
    ];
    expect(workerNodeNames(nodes)).toEqual(['mk-worker', 'mk-worker2']);
  });
});

describe('placePod', () => {
  it('takes namespaces and nodes round-robin, independently', () => {
    const ns = ['a', 'b'];
    const nodes = ['n1', 'n2', 'n3'];
    expect([0, 1, 2, 3].map((i) => placePod(i, ns, nodes))).toEqual([
      { namespace: 'a', name: 'pod-0', nodeName: 'n1' },
      { namespace: 'b', name: 'pod-1', nodeName: 'n2' },
      { namespace: 'a', name: 'pod-2', nodeName: 'n3' },
      { namespace: 'b', name: 'pod-3', nodeName: 'n1' },
    ]);
  });

  it('refuses to place without nodes', () => {
    expect(() => placePod(0, ['a'], [])).toThrow(/at least one/);
  });
});

describe('podsPerNode', () => {
  it('gives the fullest node: 100,000 pods on 999 workers is 101 each at most, under the 110 pod capacity', () => {
    expect(podsPerNode(100_000, 999)).toBe(101);
    expect(podsPerNode(10, 5)).toBe(2);
  });
});
