import { describe, expect, it } from 'vitest';
import { FakeClock } from '@mk/api';
import { calculateStatus, isPodAvailable, nextAvailableInMs, statusUpToDate } from './status';
import { pod, replicaSet } from './fixtures';
import { rfc3339 } from '../framework/time';

const now = new Date('2026-01-01T00:00:00Z');

describe('calculateStatus', () => {
  it('counts replicas, fully labeled, ready and available pods, with the observed generation', () => {
    const rs = replicaSet('web', { replicas: 3, templateLabels: { app: 'web', tier: 'front' }, generation: 4 });
    const claimed = [
      pod('full', { owner: rs, labels: { app: 'web', tier: 'front', extra: 'x' } }),
      pod('partial', { owner: rs }),
      pod('full-not-ready', { owner: rs, labels: { app: 'web', tier: 'front' }, ready: false }),
    ];
    expect(calculateStatus(rs, claimed, undefined, now)).toEqual({ replicas: 3, fullyLabeledReplicas: 2, readyReplicas: 2, availableReplicas: 2, observedGeneration: 4 });
  });

  it('leaves zero counts out, as the API omits them, but always says replicas', () => {
    expect(calculateStatus(replicaSet('web', { replicas: 0 }), [], undefined, now)).toEqual({ replicas: 0, observedGeneration: 1 });
  });

  it('adds ReplicaFailure FailedCreate when creates failed and keeps an existing one as it is', () => {
    const rs = replicaSet('web', { replicas: 2 });
    const status = calculateStatus(rs, [], { message: 'pods "web-x" is forbidden: exceeded quota' }, now);
    expect(status.conditions).toEqual([{ type: 'ReplicaFailure', status: 'True', reason: 'FailedCreate', message: 'pods "web-x" is forbidden: exceeded quota', lastTransitionTime: '2026-01-01T00:00:00Z' }]);

    const failing = replicaSet('web', { replicas: 2, status });
    const later = calculateStatus(failing, [], { message: 'another error' }, new Date('2026-01-01T00:05:00Z'));
    expect(later.conditions).toEqual(status.conditions);
  });

  it('says FailedDelete when deletes failed', () => {
    const rs = replicaSet('web', { replicas: 0 });
    const status = calculateStatus(rs, [pod('a', { owner: rs })], { message: 'unable to delete pods: boom' }, now);
    expect(status.conditions?.[0]).toMatchObject({ type: 'ReplicaFailure', reason: 'FailedDelete', message: 'unable to delete pods: boom' });
  });

  it('removes ReplicaFailure after a sync without failure and keeps other conditions', () => {
    const other = { type: 'Custom', status: 'True', lastTransitionTime: '2025-12-31T00:00:00Z' };
    const failure = { type: 'ReplicaFailure', status: 'True', reason: 'FailedCreate', message: 'x', lastTransitionTime: '2025-12-31T00:00:00Z' };
    const rs = replicaSet('web', { replicas: 0, status: { replicas: 0, conditions: [other, failure] } });
    expect(calculateStatus(rs, [], undefined, now).conditions).toEqual([other]);
  });
});

describe('availability with minReadySeconds', () => {
  it('counts a pod available only once it has been ready for strictly more than minReadySeconds', async () => {
    const clock = new FakeClock('2026-01-01T00:00:00Z');
    const rs = replicaSet('web', { replicas: 1, minReadySeconds: 10 });
    const readyPod = pod('a', { owner: rs, readySince: rfc3339(clock.now()) });

    expect(calculateStatus(rs, [readyPod], undefined, clock.now())).toMatchObject({ readyReplicas: 1 });
    expect(calculateStatus(rs, [readyPod], undefined, clock.now()).availableReplicas).toBeUndefined();
    expect(nextAvailableInMs([readyPod], 10, clock.now())).toBe(10_001);

    await clock.advance(10_000);
    expect(isPodAvailable(readyPod, 10, clock.now())).toBe(false);
    expect(nextAvailableInMs([readyPod], 10, clock.now())).toBe(1);
    await clock.advance(1);
    expect(calculateStatus(rs, [readyPod], undefined, clock.now())).toMatchObject({ readyReplicas: 1, availableReplicas: 1 });
    expect(nextAvailableInMs([readyPod], 10, clock.now())).toBeUndefined();
  });

  it('never counts a pod whose Ready condition has no transition time, and counts at once without minReadySeconds', () => {
    const noTime = { ...pod('a'), status: { phase: 'Running', conditions: [{ type: 'Ready', status: 'True' }] } };
    expect(isPodAvailable(noTime, 5, now)).toBe(false);
    expect(nextAvailableInMs([noTime], 5, now)).toBeUndefined();
    expect(isPodAvailable(noTime, 0, now)).toBe(true);
    expect(isPodAvailable(pod('b', { ready: false }), 0, now)).toBe(false);
  });

  it('waits for the soonest of several pods', () => {
    const pods = [pod('late', { readySince: '2025-12-31T23:59:58Z' }), pod('early', { readySince: '2025-12-31T23:59:55Z' })];
    expect(nextAvailableInMs(pods, 10, now)).toBe(5_001);
  });
});

describe('statusUpToDate', () => {
  it('is true when counts, conditions and observedGeneration already hold', () => {
    const rs = replicaSet('web', { replicas: 1, generation: 2, status: { replicas: 1, fullyLabeledReplicas: 1, readyReplicas: 1, availableReplicas: 1, observedGeneration: 2 } });
    expect(statusUpToDate(rs, calculateStatus(rs, [pod('a', { owner: rs })], undefined, now))).toBe(true);
  });

  it('is false for a new generation, a changed count or a changed condition', () => {
    const status = { replicas: 1, fullyLabeledReplicas: 1, readyReplicas: 1, availableReplicas: 1, observedGeneration: 1 };
    const newGeneration = replicaSet('web', { replicas: 1, generation: 2, status });
    expect(statusUpToDate(newGeneration, calculateStatus(newGeneration, [pod('a')], undefined, now))).toBe(false);
    const rs = replicaSet('web', { replicas: 1, status });
    expect(statusUpToDate(rs, calculateStatus(rs, [pod('a', { ready: false })], undefined, now))).toBe(false);
    expect(statusUpToDate(rs, calculateStatus(rs, [pod('a')], { message: 'boom' }, now))).toBe(false);
  });
});
