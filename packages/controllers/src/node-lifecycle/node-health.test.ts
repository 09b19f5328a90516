import { describe, expect, it } from 'vitest';
import { FakeClock } from '@mk/api';
import { assessNodeHealth, lastHeartbeatMs } from './node-health';
import { frozen, nodeLease, readyNode } from '../testing/fixtures';

const GRACE = 40_000;

describe('assessNodeHealth', () => {
  it('keeps a node whose lease is renewed, even when its status is old', () => {
    const clock = new FakeClock('2026-01-01T00:00:00Z');
    const node = readyNode('n1', clock.now());
    const lease = nodeLease('n1', new Date(clock.now().getTime() + 100_000));
    const health = assessNodeHealth({ node, lease, now: new Date(clock.now().getTime() + 120_000), gracePeriodMs: GRACE, startupGracePeriodMs: GRACE });
    expect(health.newConditions).toBeUndefined();
    expect(health.readyStatus).toBe('True');
  });

  it('marks the node Unknown only once the grace period has strictly passed since the last renewal', async () => {
    const clock = new FakeClock('2026-01-01T00:00:00Z');
    const node = readyNode('n1', clock.now());
    const lease = nodeLease('n1', clock.now());
    await clock.advance(GRACE);
    expect(assessNodeHealth({ node, lease, now: clock.now(), gracePeriodMs: GRACE, startupGracePeriodMs: GRACE }).newConditions).toBeUndefined();
    await clock.advance(1);
    const health = assessNodeHealth({ node, lease, now: clock.now(), gracePeriodMs: GRACE, startupGracePeriodMs: GRACE });
    expect(health.readyStatus).toBe('Unknown');
    const byType = Object.fromEntries(health.newConditions!.map((c) => [c.type, c]));
    for (const type of ['Ready', 'MemoryPressure', 'DiskPressure', 'PIDPressure']) {
      expect(byType[type]).toMatchObject({ status: 'Unknown', reason: 'NodeStatusUnknown', message: 'Kubelet stopped posting node status.', lastTransitionTime: '2026-01-01T00:00:40Z' });
      // The last heartbeat stays what the kubelet reported.
      expect(byType[type].lastHeartbeatTime).toBe('2026-01-01T00:00:00Z');
    }
  });

  it('uses the Ready heartbeat when there is no lease', () => {
    const node = readyNode('n1', new Date('2026-01-01T00:00:10Z'));
    expect(lastHeartbeatMs(node)).toBe(Date.parse('2026-01-01T00:00:10Z'));
    expect(assessNodeHealth({ node, now: new Date('2026-01-01T00:00:50Z'), gracePeriodMs: GRACE, startupGracePeriodMs: GRACE }).newConditions).toBeUndefined();
    expect(assessNodeHealth({ node, now: new Date('2026-01-01T00:00:51Z'), gracePeriodMs: GRACE, startupGracePeriodMs: GRACE }).readyStatus).toBe('Unknown');
  });

  it('does not write again for a node that is already Unknown', () => {
    const node = readyNode('n1', new Date('2026-01-01T00:00:00Z'), { ready: 'Unknown' });
    for (const c of node.status!.conditions!) Object.assign(c, { status: 'Unknown', reason: 'NodeStatusUnknown', message: 'Kubelet stopped posting node status.' });
    const health = assessNodeHealth({ node, now: new Date('2026-01-01T01:00:00Z'), gracePeriodMs: GRACE, startupGracePeriodMs: GRACE });
    expect(health.newConditions).toBeUndefined();
    expect(health.readyStatus).toBe('Unknown');
  });

  it('adds NodeStatusNeverUpdated conditions to a node that never posted status, after the startup grace', () => {
    const node = { metadata: { name: 'n1', creationTimestamp: '2026-01-01T00:00:00Z' }, spec: {}, status: {} };
    const early = assessNodeHealth({ node, now: new Date('2026-01-01T00:00:59Z'), gracePeriodMs: GRACE, startupGracePeriodMs: 60_000 });
    expect(early.newConditions).toBeUndefined();
    expect(early.readyStatus).toBeUndefined();
    const late = assessNodeHealth({ node, now: new Date('2026-01-01T00:01:01Z'), gracePeriodMs: GRACE, startupGracePeriodMs: 60_000 });
    expect(late.newConditions).toHaveLength(4);
    expect(late.newConditions![0]).toEqual({
      type: 'Ready',
      status: 'Unknown',
      reason: 'NodeStatusNeverUpdated',
      message: 'Kubelet never posted node status.',
      lastHeartbeatTime: '2026-01-01T00:00:00Z',
      lastTransitionTime: '2026-01-01T00:01:01Z',
    });
  });

  it('never mutates the node it was given', () => {
    const node = frozen(readyNode('n1', new Date('2026-01-01T00:00:00Z')));
    const before = JSON.stringify(node);
    assessNodeHealth({ node, now: new Date('2026-01-01T01:00:00Z'), gracePeriodMs: GRACE, startupGracePeriodMs: GRACE });
    expect(JSON.stringify(node)).toBe(before);
  });
});
