import { describe, expect, it } from 'vitest';
import { cacheOf, makeNode, podInfo } from '../../testing/builders';
import { ERR_REASON_UNSCHEDULABLE, fitsUnschedulable, nodeUnschedulable } from './node-unschedulable';

describe('NodeUnschedulable', () => {
  const cordoned = cacheOf([makeNode('n1', { unschedulable: true })]).get('n1')!;
  const open = cacheOf([makeNode('n2')]).get('n2')!;

  it('rejects a cordoned node as unresolvable with upstream reason', () => {
    const s = nodeUnschedulable.filter(podInfo('p'), cordoned);
    expect(s?.code).toBe('UnschedulableAndUnresolvable');
    expect(s?.reasons).toEqual([ERR_REASON_UNSCHEDULABLE]);
    expect(ERR_REASON_UNSCHEDULABLE).toBe('node(s) were unschedulable');
  });

  it('accepts a schedulable node', () => {
    expect(nodeUnschedulable.filter(podInfo('p'), open)).toBeNull();
  });

  it('lets pods that tolerate node.kubernetes.io/unschedulable:NoSchedule onto a cordoned node', () => {
    const p = podInfo('ds', { tolerations: [{ key: 'node.kubernetes.io/unschedulable', operator: 'Exists', effect: 'NoSchedule' }] });
    expect(nodeUnschedulable.filter(p, cordoned)).toBeNull();
    expect(fitsUnschedulable(true, [{ operator: 'Exists' }])).toBe(true);
    expect(fitsUnschedulable(true, [{ key: 'node.kubernetes.io/unschedulable', operator: 'Exists', effect: 'NoExecute' }])).toBe(false);
  });

  it('requeues a pod when its node is uncordoned but not when cordoned', () => {
    const hint = nodeUnschedulable.events[0].hint!;
    const p = podInfo('p');
    expect(hint(p, { resource: 'Node', action: 16, label: 'NodeUpdate', newObj: makeNode('n') })).toBe(true);
    expect(hint(p, { resource: 'Node', action: 16, label: 'NodeUpdate', newObj: makeNode('n', { unschedulable: true }) })).toBe(false);
  });
});
