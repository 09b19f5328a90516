import { describe, expect, it } from 'vitest';
import { completeRollingUpdate, nextAvailabilityCheckMs, statusChanged } from './status';
import { podOf, webSet } from './fixtures';

describe('StatefulSet status', () => {
  const done = { replicas: 3, readyReplicas: 3, availableReplicas: 3, currentReplicas: 0, updatedReplicas: 3, currentRevision: 'web-a', updateRevision: 'web-b', collisionCount: 0 };

  it('makes the update revision current once every wanted pod is updated and ready', () => {
    expect(completeRollingUpdate(webSet(), done)).toMatchObject({ currentRevision: 'web-b', currentReplicas: 3 });
    expect(completeRollingUpdate(webSet(), { ...done, readyReplicas: 2 })).toMatchObject({ currentRevision: 'web-a' });
    expect(completeRollingUpdate(webSet({ replicas: 4 }), done)).toMatchObject({ currentRevision: 'web-a' });
    expect(completeRollingUpdate(webSet({ spec: { updateStrategy: { type: 'OnDelete' } } }), done)).toMatchObject({ currentRevision: 'web-a' });
  });

  it('writes only when a counted field, a revision or a newer generation differs', () => {
    const set = webSet({ status: { observedGeneration: 1, ...done } });
    expect(statusChanged(set, { observedGeneration: 1, ...done })).toBe(false);
    expect(statusChanged(set, { observedGeneration: 1, ...done, collisionCount: 1 })).toBe(false);
    expect(statusChanged(set, { observedGeneration: 2, ...done })).toBe(true);
    expect(statusChanged(set, { observedGeneration: 1, ...done, availableReplicas: 2 })).toBe(true);
    expect(statusChanged(set, { observedGeneration: 1, ...done, updateRevision: 'web-c' })).toBe(true);
  });

  it('asks to look again the moment a Ready pod becomes available', () => {
    const set = webSet();
    const now = new Date('2026-01-01T00:00:00Z');
    const pods = [podOf(set, 0, 'r', 'ready', { readySince: '2025-12-31T23:59:55Z' }), podOf(set, 1, 'r', 'ready', { readySince: '2025-12-31T23:59:52Z' }), podOf(set, 2, 'r', 'notReady')];
    expect(nextAvailabilityCheckMs(pods, 10, now)).toBe(2_001);
    expect(nextAvailabilityCheckMs(pods, 0, now)).toBeUndefined();
    // Ready exactly minReadySeconds ago is not yet available (strictly longer is needed).
    expect(nextAvailabilityCheckMs(pods, 5, now)).toBe(1);
    expect(nextAvailabilityCheckMs(pods, 4, now)).toBeUndefined();
  });
});
