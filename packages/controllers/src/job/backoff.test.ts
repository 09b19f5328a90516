import { describe, expect, it } from 'vitest';
import { backoffDelayMs, nextBackoffRecord, remainingBackoffMs, remainingIndexBackoffMs } from './backoff';
import { JOB_INDEX_FAILURE_COUNT } from './constants';
import { jobPod, newJob } from './test-support';

const job = newJob('pi');
const failedAt = (name: string, at: string) => jobPod(job, name, { phase: 'Failed', exitCode: 1, finishedAt: at });
const succeededAt = (name: string, at: string) => jobPod(job, name, { phase: 'Succeeded', exitCode: 0, finishedAt: at });

describe('pod failure backoff', () => {
  it('doubles from 10 s per consecutive failure and caps at 10 minutes (upstream MaxJobPodFailureBackOff)', () => {
    expect([0, 1, 2, 3, 4, 6, 7, 20].map((n) => backoffDelayMs(n) / 1000)).toEqual([0, 10, 20, 40, 80, 320, 600, 600]);
  });

  it('counts failures since the last success and remembers the last failure time', () => {
    let record = nextBackoffRecord(undefined, [], [failedAt('a', '2026-01-01T00:00:10Z'), failedAt('b', '2026-01-01T00:00:05Z')]);
    expect(record).toEqual({ failuresAfterLastSuccess: 2, lastFailureTime: Date.parse('2026-01-01T00:00:10Z') });
    record = nextBackoffRecord(record, [], [failedAt('c', '2026-01-01T00:00:30Z')]);
    expect(record.failuresAfterLastSuccess).toBe(3);
    // A success resets the streak; only failures after it count.
    record = nextBackoffRecord(record, [succeededAt('d', '2026-01-01T00:01:00Z')], [failedAt('e', '2026-01-01T00:00:50Z'), failedAt('f', '2026-01-01T00:01:10Z')]);
    expect(record).toEqual({ failuresAfterLastSuccess: 1, lastFailureTime: Date.parse('2026-01-01T00:01:10Z') });
    expect(nextBackoffRecord(record, [succeededAt('g', '2026-01-01T00:02:00Z')], [])).toEqual({ failuresAfterLastSuccess: 0 });
  });

  it('owes the delay measured from the last failure', () => {
    const record = { failuresAfterLastSuccess: 2, lastFailureTime: Date.parse('2026-01-01T00:00:00Z') };
    expect(remainingBackoffMs(record, new Date('2026-01-01T00:00:05Z'))).toBe(15_000);
    expect(remainingBackoffMs(record, new Date('2026-01-01T00:00:20Z'))).toBe(0);
    expect(remainingBackoffMs({ failuresAfterLastSuccess: 0 }, new Date('2026-01-01T00:00:00Z'))).toBe(0);
  });

  it('backs an index off by its own failure count', () => {
    const pod = jobPod(job, 'p', { phase: 'Failed', index: 0, exitCode: 1, finishedAt: '2026-01-01T00:00:00Z', annotations: { [JOB_INDEX_FAILURE_COUNT]: '1' } });
    // Second failure of the index: 20 s.
    expect(remainingIndexBackoffMs(pod, new Date('2026-01-01T00:00:05Z'))).toBe(15_000);
    expect(remainingIndexBackoffMs(undefined, new Date('2026-01-01T00:00:05Z'))).toBe(0);
  });
});
