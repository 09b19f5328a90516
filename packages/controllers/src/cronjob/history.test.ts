import { describe, expect, it } from 'vitest';
import type { CronJob, Job } from 'kubernetes-types/batch/v1';
import { byJobStartTime, finishedCondition, jobsBeyondHistoryLimits } from './history';

function job(name: string, state: 'Complete' | 'Failed' | 'Running', startTime?: string): Job {
  const conditions = state === 'Running' ? [] : [{ type: state, status: 'True' }];
  return { metadata: { name, uid: `uid-${name}` }, spec: { template: {} }, status: { ...(startTime ? { startTime } : {}), conditions } };
}

const cronJob = (limits: { successful?: number; failed?: number }): CronJob => ({
  metadata: { name: 'cj' },
  spec: {
    schedule: '* * * * *',
    jobTemplate: {},
    ...(limits.successful !== undefined ? { successfulJobsHistoryLimit: limits.successful } : {}),
    ...(limits.failed !== undefined ? { failedJobsHistoryLimit: limits.failed } : {}),
  },
});

const names = (jobs: readonly Job[]) => jobs.map((j) => j.metadata!.name);

describe('finished jobs', () => {
  it('takes the first True Complete or Failed condition', () => {
    expect(finishedCondition(job('a', 'Complete'))).toBe('Complete');
    expect(finishedCondition(job('a', 'Failed'))).toBe('Failed');
    expect(finishedCondition(job('a', 'Running'))).toBeUndefined();
    expect(finishedCondition({ status: { conditions: [{ type: 'Complete', status: 'False' }] } } as Job)).toBeUndefined();
  });

  it('orders by start time, unstarted last, names breaking ties', () => {
    const jobs = [job('d', 'Running'), job('c', 'Complete', '2026-01-01T00:03:00Z'), job('b', 'Complete', '2026-01-01T00:01:00Z'), job('a', 'Complete', '2026-01-01T00:03:00Z'), job('0', 'Running')];
    expect(names([...jobs].sort(byJobStartTime))).toEqual(['b', 'a', 'c', '0', 'd']);
  });
});

describe('history limits', () => {
  const jobs = [
    job('s3', 'Complete', '2026-01-01T00:03:00Z'),
    job('s1', 'Complete', '2026-01-01T00:01:00Z'),
    job('f2', 'Failed', '2026-01-01T00:02:00Z'),
    job('s4', 'Complete', '2026-01-01T00:04:00Z'),
    job('f5', 'Failed', '2026-01-01T00:05:00Z'),
    job('s2', 'Complete', '2026-01-01T00:02:00Z'),
    job('r6', 'Running', '2026-01-01T00:06:00Z'),
  ];

  it('deletes the oldest succeeded and failed jobs beyond each limit', () => {
    expect(names(jobsBeyondHistoryLimits(cronJob({ successful: 3, failed: 1 }), jobs))).toEqual(['s1', 'f2']);
    expect(names(jobsBeyondHistoryLimits(cronJob({ successful: 1, failed: 1 }), jobs))).toEqual(['s1', 's2', 's3', 'f2']);
    expect(names(jobsBeyondHistoryLimits(cronJob({ successful: 0, failed: 0 }), jobs))).toEqual(['s1', 's2', 's3', 's4', 'f2', 'f5']);
  });

  it('leaves a kind of job alone when its limit is unset, and everything when both are', () => {
    expect(names(jobsBeyondHistoryLimits(cronJob({ failed: 0 }), jobs))).toEqual(['f2', 'f5']);
    expect(jobsBeyondHistoryLimits(cronJob({}), jobs)).toEqual([]);
    expect(jobsBeyondHistoryLimits(cronJob({ successful: 10, failed: 10 }), jobs)).toEqual([]);
  });
});
