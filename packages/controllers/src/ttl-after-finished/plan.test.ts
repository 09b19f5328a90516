import { describe, expect, it } from 'vitest';
import type { Job } from 'kubernetes-types/batch/v1';
import { needsCleanup, planTtl } from './plan';

const job = (ttl: number | undefined, condition?: { type: string; status: string; lastTransitionTime?: string }, deleting = false): Job => ({
  metadata: { name: 'pi', namespace: 'default', uid: 'u1', ...(deleting ? { deletionTimestamp: '2026-01-01T00:10:00Z' } : {}) },
  spec: { template: {}, ...(ttl !== undefined ? { ttlSecondsAfterFinished: ttl } : {}) },
  status: condition ? { conditions: [condition] } : {},
});
const at = (iso: string) => new Date(iso);

describe('ttl after finished', () => {
  it('cleans up only finished Jobs with a TTL', () => {
    expect(needsCleanup(job(100, { type: 'Complete', status: 'True', lastTransitionTime: '2026-01-01T00:00:00Z' }))).toBe(true);
    expect(needsCleanup(job(0, { type: 'Failed', status: 'True', lastTransitionTime: '2026-01-01T00:00:00Z' }))).toBe(true);
    expect(needsCleanup(job(undefined, { type: 'Complete', status: 'True' }))).toBe(false);
    expect(needsCleanup(job(100, { type: 'SuccessCriteriaMet', status: 'True' }))).toBe(false);
    expect(needsCleanup(job(100, { type: 'Complete', status: 'False' }))).toBe(false);
  });

  it('waits until finish + ttl, then deletes', () => {
    const done = job(100, { type: 'Complete', status: 'True', lastTransitionTime: '2026-01-01T00:00:00Z' });
    expect(planTtl(done, at('2026-01-01T00:01:00Z'))).toEqual({ kind: 'wait', ms: 40_000 });
    expect(planTtl(done, at('2026-01-01T00:01:40Z'))).toEqual({ kind: 'delete', expiredAt: Date.parse('2026-01-01T00:01:40Z') });
    expect(planTtl(done, at('2026-01-02T00:00:00Z')).kind).toBe('delete');
  });

  it('skips Jobs being deleted or not due for cleanup, and refuses a finished Job without a finish time', () => {
    expect(planTtl(job(0, { type: 'Failed', status: 'True', lastTransitionTime: '2026-01-01T00:00:00Z' }, true), at('2026-01-02T00:00:00Z'))).toEqual({ kind: 'skip' });
    expect(planTtl(job(0), at('2026-01-02T00:00:00Z'))).toEqual({ kind: 'skip' });
    expect(() => planTtl(job(0, { type: 'Failed', status: 'True' }), at('2026-01-02T00:00:00Z'))).toThrow('unable to find the time when the Job default/pi finished');
  });
});
