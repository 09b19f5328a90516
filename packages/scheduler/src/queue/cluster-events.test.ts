import { describe, expect, it } from 'vitest';
import { ActionType } from '../framework/types';
import { makeNode, makePod } from '../testing/builders';
import { assignedPodUpdateActions, isPodUpdated, isTerminal, nodeEvent, nodeUpdateActions } from './cluster-events';

describe('node events', () => {
  const base = makeNode('n');

  it('ignores heartbeats that change nothing the plugins read', () => {
    const beat = { ...base, status: { ...base.status!, conditions: [{ type: 'Ready', status: 'True', lastHeartbeatTime: '2026-01-01T00:00:10Z' }] } };
    expect(nodeEvent(base, beat)).toBeUndefined();
  });

  it('names what changed', () => {
    expect(nodeUpdateActions(base, makeNode('n', { labels: { a: 'b' } }))).toBe(ActionType.UpdateNodeLabel);
    expect(nodeUpdateActions(base, makeNode('n', { cpu: '8' }))).toBe(ActionType.UpdateNodeAllocatable);
    expect(nodeUpdateActions(base, makeNode('n', { taints: [{ key: 'k', effect: 'NoSchedule' }] }))).toBe(ActionType.UpdateNodeTaint);
    expect(nodeUpdateActions(base, makeNode('n', { unschedulable: true }))).toBe(ActionType.UpdateNodeTaint);
    const notReady = { ...base, status: { ...base.status!, conditions: [{ type: 'Ready', status: 'False' }] } };
    expect(nodeUpdateActions(base, notReady)).toBe(ActionType.UpdateNodeCondition);
    expect(nodeEvent(undefined, base)?.label).toBe('NodeAdd');
  });
});

describe('pod events', () => {
  it('sees label changes and scale-downs of bound pods', () => {
    const p = makePod('p', { nodeName: 'n', cpu: '1' });
    expect(assignedPodUpdateActions(p, makePod('p', { nodeName: 'n', cpu: '1', labels: { a: 'b' } }))).toBe(ActionType.UpdatePodLabel);
    expect(assignedPodUpdateActions(p, makePod('p', { nodeName: 'n', cpu: '500m' }))).toBe(ActionType.UpdatePodScaleDown);
  });

  it('isPodUpdated ignores status, resourceVersion and managedFields', () => {
    const p = makePod('p', { uid: 'u' });
    expect(isPodUpdated(p, { ...p, metadata: { ...p.metadata, resourceVersion: '9' }, status: { phase: 'Pending', conditions: [] } })).toBe(false);
    expect(isPodUpdated(p, { ...p, metadata: { ...p.metadata, labels: { x: 'y' } } })).toBe(true);
  });

  it('treats Succeeded and Failed as terminal', () => {
    expect(isTerminal(makePod('p', { status: { phase: 'Succeeded' } }))).toBe(true);
    expect(isTerminal(makePod('p', { status: { phase: 'Running' } }))).toBe(false);
  });
});
