import { describe, expect, it } from 'vitest';
import { makePod } from '../testing/builders';
import { conditionPatch, updatePodCondition } from './pod-status';

const now = new Date('2026-01-01T00:00:05.123Z');
const failed = { type: 'PodScheduled', status: 'False' as const, reason: 'Unschedulable', message: '0/1 nodes are available: 1 Insufficient cpu.' };

describe('pod conditions', () => {
  it('adds PodScheduled=False as a strategic merge patch of the status', () => {
    expect(conditionPatch(makePod('p'), failed, now)).toEqual({
      status: {
        conditions: [
          { type: 'PodScheduled', status: 'False', lastProbeTime: null, lastTransitionTime: '2026-01-01T00:00:05Z', reason: 'Unschedulable', message: failed.message },
        ],
      },
    });
  });

  it('writes nothing when the same condition is already there, and keeps lastTransitionTime when only the message changes', () => {
    const existing = { type: 'PodScheduled', status: 'False', lastProbeTime: null as unknown as string, lastTransitionTime: '2025-12-31T00:00:00Z', reason: 'Unschedulable', message: failed.message };
    const pod = makePod('p', { status: { phase: 'Pending', conditions: [existing] } });
    expect(conditionPatch(pod, failed, now)).toBeUndefined();
    const { status, changed } = updatePodCondition(pod.status!, { ...failed, message: 'other' }, now);
    expect(changed).toBe(true);
    expect(status.conditions![0].lastTransitionTime).toBe('2025-12-31T00:00:00Z');
  });

  it('sets and clears status.nominatedNodeName', () => {
    const set = conditionPatch(makePod('p'), failed, now, 'n1') as { status: Record<string, unknown> };
    expect(set.status.nominatedNodeName).toBe('n1');
    const pod = makePod('p', { status: { phase: 'Pending', nominatedNodeName: 'n1', conditions: [] } });
    const cleared = conditionPatch(pod, failed, now, '') as { status: Record<string, unknown> };
    expect(cleared.status.nominatedNodeName).toBeNull();
  });
});
