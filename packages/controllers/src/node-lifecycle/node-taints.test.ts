import { describe, expect, it } from 'vitest';
import type { NodeCondition, Taint } from 'kubernetes-types/core/v1';
import { planNodeTaints } from './node-taints';
import { frozen, readyNode } from '../testing/fixtures';

const now = new Date('2026-01-01T00:01:00Z');
const at = '2026-01-01T00:01:00Z';
const withReady = (status: string): NodeCondition[] => readyNode('n', now, { ready: status }).status!.conditions!;
const keys = (taints: Taint[] | undefined) => (taints ?? []).map((t) => `${t.key}:${t.effect}`);

describe('planNodeTaints', () => {
  it('leaves a Ready, schedulable node without controller taints alone', () => {
    const node = frozen(readyNode('n', now));
    expect(planNodeTaints({ node, conditions: node.status!.conditions!, gate: 'taint', now })).toBeUndefined();
  });

  it('taints an Unknown node unreachable, NoSchedule and NoExecute, stamped with timeAdded', () => {
    const node = frozen(readyNode('n', now));
    const change = planNodeTaints({ node, conditions: withReady('Unknown'), gate: 'taint', now })!;
    expect(change.added).toEqual([
      { key: 'node.kubernetes.io/unreachable', effect: 'NoSchedule', timeAdded: at },
      { key: 'node.kubernetes.io/unreachable', effect: 'NoExecute', timeAdded: at },
    ]);
    expect(change.removed).toEqual([]);
  });

  it('taints a node reporting Ready=False not-ready', () => {
    const node = frozen(readyNode('n', now));
    expect(keys(planNodeTaints({ node, conditions: withReady('False'), gate: 'taint', now })!.taints)).toEqual(['node.kubernetes.io/not-ready:NoSchedule', 'node.kubernetes.io/not-ready:NoExecute']);
  });

  it('swaps unreachable for not-ready and keeps taints it does not own', () => {
    const node = frozen(
      readyNode('n', now, {
        taints: [
          { key: 'dedicated', value: 'gpu', effect: 'NoSchedule' },
          { key: 'node.kubernetes.io/unreachable', effect: 'NoSchedule', timeAdded: '2026-01-01T00:00:00Z' },
          { key: 'node.kubernetes.io/unreachable', effect: 'NoExecute', timeAdded: '2026-01-01T00:00:00Z' },
        ],
      }),
    );
    const change = planNodeTaints({ node, conditions: withReady('False'), gate: 'hold', now })!;
    expect(keys(change.taints)).toEqual(['dedicated:NoSchedule', 'node.kubernetes.io/not-ready:NoSchedule', 'node.kubernetes.io/not-ready:NoExecute']);
    expect(keys(change.removed)).toEqual(['node.kubernetes.io/unreachable:NoSchedule', 'node.kubernetes.io/unreachable:NoExecute']);
  });

  it('removes not-ready and unreachable taints once the node is Ready again', () => {
    const node = frozen(
      readyNode('n', now, {
        taints: [
          { key: 'node.kubernetes.io/unreachable', effect: 'NoSchedule', timeAdded: '2026-01-01T00:00:00Z' },
          { key: 'node.kubernetes.io/unreachable', effect: 'NoExecute', timeAdded: '2026-01-01T00:00:00Z' },
        ],
      }),
    );
    const change = planNodeTaints({ node, conditions: node.status!.conditions!, gate: 'taint', now })!;
    expect(change.taints).toEqual([]);
    expect(change.added).toEqual([]);
  });

  it('adds no fresh NoExecute taint while the zone is held, but still the NoSchedule one', () => {
    const node = frozen(readyNode('n', now));
    expect(keys(planNodeTaints({ node, conditions: withReady('Unknown'), gate: 'hold', now })!.taints)).toEqual(['node.kubernetes.io/unreachable:NoSchedule']);
  });

  it('removes NoExecute taints in master disruption mode', () => {
    const node = frozen(readyNode('n', now, { taints: [{ key: 'node.kubernetes.io/unreachable', effect: 'NoExecute', timeAdded: at }, { key: 'node.kubernetes.io/unreachable', effect: 'NoSchedule', timeAdded: at }] }));
    const change = planNodeTaints({ node, conditions: withReady('Unknown'), gate: 'untaint', now })!;
    expect(keys(change.taints)).toEqual(['node.kubernetes.io/unreachable:NoSchedule']);
  });

  it('taints an unschedulable node unschedulable:NoSchedule and untaints it when schedulable again', () => {
    const cordoned = frozen(readyNode('n', now, { unschedulable: true }));
    expect(planNodeTaints({ node: cordoned, conditions: cordoned.status!.conditions!, gate: 'taint', now })!.taints).toEqual([{ key: 'node.kubernetes.io/unschedulable', effect: 'NoSchedule', timeAdded: at }]);
    const uncordoned = frozen(readyNode('n', now, { taints: [{ key: 'node.kubernetes.io/unschedulable', effect: 'NoSchedule', timeAdded: at }] }));
    expect(planNodeTaints({ node: uncordoned, conditions: uncordoned.status!.conditions!, gate: 'taint', now })!.taints).toEqual([]);
  });

  it('mirrors pressure conditions as NoSchedule taints', () => {
    const node = frozen(readyNode('n', now));
    const conditions = node.status!.conditions!.map((c) => (c.type === 'DiskPressure' ? { ...c, status: 'True' } : c));
    expect(keys(planNodeTaints({ node, conditions, gate: 'taint', now })!.added)).toEqual(['node.kubernetes.io/disk-pressure:NoSchedule']);
  });
});
