import { describe, expect, it } from 'vitest';
import type { Lease } from 'kubernetes-types/coordination/v1';
import { decideLease, recordOf } from './lease-decision';

const t0 = new Date('2026-01-01T00:00:00Z');
const at = (s: number) => new Date(t0.getTime() + s * 1000);
const lease = (holderIdentity: string, renew = t0, transitions = 0): Lease => ({ metadata: { name: 'kube-controller-manager' }, spec: { holderIdentity, leaseDurationSeconds: 15, renewTime: renew.toISOString(), leaseTransitions: transitions } });

describe('decideLease', () => {
  it('creates the lease when there is none', () => {
    const d = decideLease(undefined, undefined, 'me', t0, 15);
    expect(d).toEqual({ action: 'create', spec: { holderIdentity: 'me', leaseDurationSeconds: 15, acquireTime: '2026-01-01T00:00:00.000000Z', renewTime: '2026-01-01T00:00:00.000000Z', leaseTransitions: 0 } });
  });

  it('waits a full lease duration, by its own clock, from when it first saw the record', () => {
    const other = lease('other', new Date('2020-01-01T00:00:00Z'));
    // A renewTime long past does not count: the candidate has not watched the record go stale yet.
    expect(decideLease(other, undefined, 'me', t0, 15)).toEqual({ action: 'wait', holder: 'other' });
    const seen = { record: recordOf(other.spec), at: t0.getTime() };
    expect(decideLease(other, seen, 'me', at(14), 15).action).toBe('wait');
    const taken = decideLease(other, seen, 'me', at(16), 15);
    expect(taken).toMatchObject({ action: 'update', spec: { holderIdentity: 'me', leaseTransitions: 1, acquireTime: '2026-01-01T00:00:16.000000Z' } });
  });

  it('a renewal by the holder restarts the wait', () => {
    const first = lease('other', t0);
    const seen = { record: recordOf(first.spec), at: t0.getTime() };
    const renewed = lease('other', at(10));
    expect(decideLease(renewed, seen, 'me', at(16), 15).action).toBe('wait');
  });

  it('the holder renews, keeping acquireTime and transitions', () => {
    const mine = { ...lease('me', t0, 3), spec: { ...lease('me', t0, 3).spec, acquireTime: '2026-01-01T00:00:00.000000Z' } };
    expect(decideLease(mine, undefined, 'me', at(2), 15)).toMatchObject({ action: 'update', spec: { holderIdentity: 'me', acquireTime: '2026-01-01T00:00:00.000000Z', renewTime: '2026-01-01T00:00:02.000000Z', leaseTransitions: 3 } });
  });

  it('a released lease (no holder) is taken at once', () => {
    expect(decideLease(lease('', t0, 2), undefined, 'me', at(1), 15)).toMatchObject({ action: 'update', spec: { holderIdentity: 'me', leaseTransitions: 3 } });
  });
});
