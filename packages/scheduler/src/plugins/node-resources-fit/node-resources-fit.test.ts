import { describe, expect, it } from 'vitest';
import { prioritizeNodes } from '../../core/prioritize';
import { cacheOf, makeNode, makePod, podInfo } from '../../testing/builders';
import { fitsRequest, leastRequestedScore, nodeResourcesFitFilter, nodeResourcesFitScore } from './node-resources-fit';

describe('NodeResourcesFit filter', () => {
  it('subtracts what pods on the node already request', () => {
    const cache = cacheOf([makeNode('n', { cpu: '2', memory: '4Gi' })], [makePod('old', { nodeName: 'n', cpu: '1500m', memory: '1Gi' })]);
    const node = cache.get('n')!;
    expect(nodeResourcesFitFilter.filter(podInfo('p', { cpu: '500m' }), node)).toBeNull();
    const s = nodeResourcesFitFilter.filter(podInfo('p', { cpu: '600m', memory: '4Gi' }), node);
    expect(s?.code).toBe('Unschedulable');
    expect(s?.reasons).toEqual(['Insufficient cpu', 'Insufficient memory']);
  });

  it('reports Too many pods when the pod count is at allocatable pods', () => {
    const cache = cacheOf([makeNode('n', { pods: '1' })], [makePod('old', { nodeName: 'n' })]);
    expect(nodeResourcesFitFilter.filter(podInfo('p'), cache.get('n')!)?.reasons).toEqual(['Too many pods']);
  });

  it('checks extended resources and ignores resources the pod does not request', () => {
    const cache = cacheOf([makeNode('n')]);
    const gpu = podInfo('p', { spec: { containers: [{ name: 'c', resources: { requests: { 'nvidia.com/gpu': '1' } } }] } });
    expect(fitsRequest(gpu.requests, cache.get('n')!).map((r) => r.reason)).toEqual(['Insufficient nvidia.com/gpu']);
    expect(nodeResourcesFitFilter.filter(podInfo('p'), cache.get('n')!)).toBeNull();
  });

  it('counts init containers as upstream does', () => {
    const cache = cacheOf([makeNode('n', { cpu: '2' })]);
    const p = podInfo('p', { cpu: '1', spec: { initContainers: [{ name: 'i', resources: { requests: { cpu: '3' } } }] } });
    expect(nodeResourcesFitFilter.filter(p, cache.get('n')!)?.reasons).toEqual(['Insufficient cpu']);
  });

  it('requeues on node changes only when the pod could fit and resources grew', () => {
    const hint = nodeResourcesFitFilter.events[1].hint!;
    const p = podInfo('p', { cpu: '3' });
    const small = makeNode('n', { cpu: '2' });
    const big = makeNode('n', { cpu: '4' });
    expect(hint(p, { resource: 'Node', action: 1, label: 'NodeAdd', newObj: small })).toBe(false);
    expect(hint(p, { resource: 'Node', action: 1, label: 'NodeAdd', newObj: big })).toBe(true);
    expect(hint(p, { resource: 'Node', action: 4, label: 'NodeUpdate', oldObj: small, newObj: big })).toBe(true);
    expect(hint(p, { resource: 'Node', action: 4, label: 'NodeUpdate', oldObj: big, newObj: big })).toBe(false);
    const podHint = nodeResourcesFitFilter.events[0].hint!;
    expect(podHint(p, { resource: 'Pod', action: 2, label: 'AssignedPodDelete', oldObj: makePod('x', { nodeName: 'n' }) })).toBe(true);
    expect(podHint(p, { resource: 'Pod', action: 2, label: 'AssignedPodDelete', oldObj: makePod('x') })).toBe(false);
  });
});

describe('NodeResourcesFit score (LeastAllocated)', () => {
  it('is the free share after placing the pod, averaged over cpu and memory', () => {
    expect(leastRequestedScore(3000, 4000)).toBe(25);
    expect(leastRequestedScore(5000, 4000)).toBe(0);
    const cache = cacheOf(
      [makeNode('busy', { cpu: '4', memory: '4Gi' }), makeNode('idle', { cpu: '4', memory: '4Gi' })],
      [makePod('old', { nodeName: 'busy', cpu: '2', memory: '2Gi' })],
    );
    const p = podInfo('p', { cpu: '1', memory: '1Gi' });
    // busy: cpu (4-3)/4=25, mem 25 → 25; idle: 75, 75 → 75
    expect(prioritizeNodes(p, cache.nodes, [{ plugin: nodeResourcesFitScore, weight: 1 }], cache)).toEqual([25, 75]);
  });

  it('counts 100m / 200Mi for pods without requests', () => {
    const cache = cacheOf([makeNode('n', { cpu: '1', memory: '1000Mi' })]);
    // cpu (1000-100)/1000 = 90, memory (1000-200)/1000 = 80 → 85
    expect(prioritizeNodes(podInfo('p'), cache.nodes, [{ plugin: nodeResourcesFitScore, weight: 1 }], cache)).toEqual([85]);
  });
});
