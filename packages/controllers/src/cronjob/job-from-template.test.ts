import { describe, expect, it } from 'vitest';
import type { CronJob } from 'kubernetes-types/batch/v1';
import { jobFromTemplate, jobName } from './job-from-template';
import { frozen } from '../testing/fixtures';

const cronJob: CronJob = frozen({
  metadata: { name: 'backup', namespace: 'ops', uid: 'uid-backup' },
  spec: {
    schedule: '0 9 * * *',
    jobTemplate: {
      metadata: { labels: { app: 'backup' }, annotations: { owner: 'ops' } },
      spec: { backoffLimit: 2, template: { spec: { restartPolicy: 'OnFailure', containers: [{ name: 'c', image: 'busybox' }] } } },
    },
  },
});

describe('jobs from the template', () => {
  it('names a job after the scheduled minute since the epoch', () => {
    expect(jobName(cronJob, Date.parse('2026-01-01T00:01:00Z'))).toBe('backup-29453761');
    // Seconds do not change the minute.
    expect(jobName(cronJob, Date.parse('2026-01-01T00:01:59Z'))).toBe('backup-29453761');
  });

  it('copies the template, annotates the scheduled time and sets the controller reference', () => {
    const at = Date.parse('2026-01-01T00:00:00Z');
    const job = jobFromTemplate(cronJob, at, 'UTC');
    expect(job).toEqual({
      apiVersion: 'batch/v1',
      kind: 'Job',
      metadata: {
        name: 'backup-29453760',
        namespace: 'ops',
        labels: { app: 'backup' },
        annotations: { owner: 'ops', 'batch.kubernetes.io/cronjob-scheduled-timestamp': '2026-01-01T00:00:00Z' },
        ownerReferences: [{ apiVersion: 'batch/v1', kind: 'CronJob', name: 'backup', uid: 'uid-backup', controller: true, blockOwnerDeletion: true }],
      },
      spec: { backoffLimit: 2, template: { spec: { restartPolicy: 'OnFailure', containers: [{ name: 'c', image: 'busybox' }] } } },
    });
    // A copy: changing the job leaves the (frozen) template alone.
    job.spec!.backoffLimit = 5;
  });

  it('writes the scheduled time in the CronJob time zone', () => {
    const at = Date.parse('2026-01-01T00:00:00Z');
    const stamp = (zone: string) => jobFromTemplate(cronJob, at, zone).metadata!.annotations!['batch.kubernetes.io/cronjob-scheduled-timestamp'];
    expect(stamp('Asia/Tokyo')).toBe('2026-01-01T09:00:00+09:00');
    expect(stamp('America/New_York')).toBe('2025-12-31T19:00:00-05:00');
    expect(stamp('Asia/Kolkata')).toBe('2026-01-01T05:30:00+05:30');
    expect(stamp('Etc/UTC')).toBe('2026-01-01T00:00:00Z');
  });
});
