import { describe, expect, it } from 'vitest';
import { deadlineLeftMs, pastBackoffLimitOnFailure } from './failure-criteria';
import { jobPod, newJob } from './test-support';

const onFailure = (backoffLimit: number) => newJob('pi', { backoffLimit, template: { spec: { restartPolicy: 'OnFailure', containers: [{ name: 'main', image: 'busybox' }] } } });

describe('failure criteria', () => {
  it('counts restarts of running and pending pods against backoffLimit with restartPolicy OnFailure', () => {
    const job = onFailure(2);
    expect(pastBackoffLimitOnFailure(job, [jobPod(job, 'a', { restarts: 1 })])).toBe(false);
    expect(pastBackoffLimitOnFailure(job, [jobPod(job, 'a', { restarts: 1 }), jobPod(job, 'b', { phase: 'Pending', restarts: 1 })])).toBe(true);
    // Finished pods do not count.
    expect(pastBackoffLimitOnFailure(job, [jobPod(job, 'a', { phase: 'Failed', restarts: 5 })])).toBe(false);
    // backoffLimit 0: any restart is too many.
    expect(pastBackoffLimitOnFailure(onFailure(0), [jobPod(job, 'a', { restarts: 1 })])).toBe(true);
    // restartPolicy Never: restarts cannot happen and are not looked at.
    expect(pastBackoffLimitOnFailure(newJob('n', { backoffLimit: 0 }), [jobPod(job, 'a', { restarts: 1 })])).toBe(false);
  });

  it('measures activeDeadlineSeconds from startTime, not while suspended', () => {
    const job = newJob('pi', { activeDeadlineSeconds: 10 }, { startTime: '2026-01-01T00:00:00Z' });
    expect(deadlineLeftMs(job, new Date('2026-01-01T00:00:04Z'))).toBe(6_000);
    expect(deadlineLeftMs(job, new Date('2026-01-01T00:00:10Z'))).toBe(0);
    expect(deadlineLeftMs(newJob('s', { activeDeadlineSeconds: 10, suspend: true }, { startTime: '2026-01-01T00:00:00Z' }), new Date('2026-01-02T00:00:00Z'))).toBeUndefined();
    expect(deadlineLeftMs(newJob('n'), new Date())).toBeUndefined();
  });
});
