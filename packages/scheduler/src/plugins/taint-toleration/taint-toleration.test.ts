import { describe, expect, it } from 'vitest';
import type { Taint } from 'kubernetes-types/core/v1';
import { cacheOf, makeNode, podInfo } from '../../testing/builders';
import { prioritizeNodes } from '../../core/prioritize';
import { errReasonUntoleratedTaint, taintTolerationFilter, taintTolerationScore } from './taint-toleration';

describe('TaintToleration filter', () => {
  const controlPlane: Taint = { key: 'node-role.kubernetes.io/control-plane', effect: 'NoSchedule' };
  const cache = cacheOf([makeNode('cp', { taints: [controlPlane] }), makeNode('evict', { taints: [{ key: 'k', value: 'v', effect: 'NoExecute' }] })]);

  it('rejects untolerated NoSchedule taints with upstream text (empty value shown as nothing)', () => {
    const s = taintTolerationFilter.filter(podInfo('p'), cache.get('cp')!);
    expect(s?.code).toBe('UnschedulableAndUnresolvable');
    expect(s?.reasons).toEqual(['node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }']);
  });

  it('rejects untolerated NoExecute taints, showing the value', () => {
    expect(taintTolerationFilter.filter(podInfo('p'), cache.get('evict')!)?.reasons).toEqual(['node(s) had untolerated taint {k: v}']);
    expect(errReasonUntoleratedTaint('k', 'v')).toBe('node(s) had untolerated taint {k: v}');
  });

  it('accepts tolerated taints', () => {
    const p = podInfo('p', { tolerations: [{ key: 'node-role.kubernetes.io/control-plane', operator: 'Exists', effect: 'NoSchedule' }] });
    expect(taintTolerationFilter.filter(p, cache.get('cp')!)).toBeNull();
  });

  it('requeues only when a node change makes its taints tolerable', () => {
    const hint = taintTolerationFilter.events[0].hint!;
    const tainted = makeNode('n', { taints: [controlPlane] });
    expect(hint(podInfo('p'), { resource: 'Node', action: 16, label: 'NodeUpdate', oldObj: tainted, newObj: makeNode('n') })).toBe(true);
    expect(hint(podInfo('p'), { resource: 'Node', action: 16, label: 'NodeUpdate', oldObj: makeNode('n'), newObj: tainted })).toBe(false);
  });
});

describe('TaintToleration score', () => {
  it('prefers nodes with fewer intolerable PreferNoSchedule taints (reverse-normalised)', () => {
    const soft = (key: string): Taint => ({ key, effect: 'PreferNoSchedule' });
    const cache = cacheOf([makeNode('clean'), makeNode('one', { taints: [soft('a')] }), makeNode('two', { taints: [soft('a'), soft('b')] })]);
    const p = podInfo('p', { tolerations: [{ key: 'b', operator: 'Exists', effect: 'PreferNoSchedule' }] });
    const totals = prioritizeNodes(p, cache.nodes, [{ plugin: taintTolerationScore, weight: 1 }], cache);
    // clean: 0 intolerable, one: 1, two: 1 (b tolerated) → max 1 → 100, 0, 0
    expect(totals).toEqual([100, 0, 0]);
  });

  it('gives every node 100 when no taint matters', () => {
    const cache = cacheOf([makeNode('a'), makeNode('b')]);
    expect(prioritizeNodes(podInfo('p'), cache.nodes, [{ plugin: taintTolerationScore, weight: 1 }], cache)).toEqual([100, 100]);
  });
});
