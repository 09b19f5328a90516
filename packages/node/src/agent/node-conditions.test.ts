import { describe, expect, it } from 'vitest';
import { conditionEventMessage, nodeConditions } from './node-conditions';

describe('nodeConditions', () => {
  it('announces every condition of a new node', () => {
    const { conditions, changed } = nodeConditions(undefined, '2026-01-01T00:00:00Z');
    expect(conditions.map((c) => c.type)).toEqual(['MemoryPressure', 'DiskPressure', 'PIDPressure', 'Ready']);
    expect(changed).toEqual(['NodeHasSufficientMemory', 'NodeHasNoDiskPressure', 'NodeHasSufficientPID', 'NodeReady']);
  });

  it('keeps transition times of unchanged conditions and announces only the ones that changed', () => {
    const first = nodeConditions(undefined, '2026-01-01T00:00:00Z').conditions;
    // The node lifecycle controller marked the silent node Unknown.
    const silent = first.map((c) => (c.type === 'Ready' ? { ...c, status: 'Unknown', reason: 'NodeStatusUnknown', lastTransitionTime: '2026-01-01T00:01:00Z' } : c));
    const { conditions, changed } = nodeConditions(silent, '2026-01-01T00:05:00Z');
    expect(changed).toEqual(['NodeReady']);
    const ready = conditions.find((c) => c.type === 'Ready')!;
    expect(ready).toMatchObject({ status: 'True', reason: 'KubeletReady', lastTransitionTime: '2026-01-01T00:05:00Z', lastHeartbeatTime: '2026-01-01T00:05:00Z' });
    expect(conditions.find((c) => c.type === 'MemoryPressure')!.lastTransitionTime).toBe('2026-01-01T00:00:00Z');
    expect(conditionEventMessage('node-1', 'NodeReady')).toBe('Node node-1 status is now: NodeReady');
  });
});
