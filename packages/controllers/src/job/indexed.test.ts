import { describe, expect, it } from 'vitest';
import { JOB_INDEX_FAILURE_COUNT, JOB_INDEX_IGNORED_FAILURE_COUNT } from './constants';
import { calculateFailedIndexes, calculateSucceededIndexes, duplicatedIndexPodsForRemoval, firstPendingIndexes, newIndexFailureCounts, podsWithDelayedDeletionPerIndex } from './indexed';
import { intervalsToString, parseIntervals } from './intervals';
import { jobPod, newJob } from './test-support';

const job = newJob('ix', { completionMode: 'Indexed', completions: 6, parallelism: 6 }, { completedIndexes: '0,1' });

describe('Indexed Job bookkeeping', () => {
  it('adds indexes of succeeded, still tracked pods to completedIndexes', () => {
    const pods = [
      jobPod(job, 'a', { index: 3, phase: 'Succeeded' }),
      jobPod(job, 'b', { index: 2, phase: 'Succeeded', tracked: false }), // counted before: not new
      jobPod(job, 'c', { index: 9, phase: 'Succeeded' }), // beyond completions
      jobPod(job, 'd', { index: 4, phase: 'Running' }),
    ];
    const { prev, all } = calculateSucceededIndexes(job, pods);
    expect(intervalsToString(prev)).toBe('0,1');
    expect(intervalsToString(all)).toBe('0,1,3');
  });

  it('picks the lowest indexes nobody holds', () => {
    const pods = [jobPod(job, 'a', { index: 2 }), jobPod(job, 'b', { index: 4, deleting: true })];
    const input = { job, pods, activePods: [pods[0]], succeededIndexes: parseIntervals('0', 6) };
    expect(firstPendingIndexes(input, 3, 6)).toEqual([1, 3, 4]);
    // With podReplacementPolicy Failed a terminating pod still holds its index.
    const failedOnly = newJob('ix', { completionMode: 'Indexed', completions: 6, podReplacementPolicy: 'Failed' });
    expect(firstPendingIndexes({ ...input, job: failedOnly }, 3, 6)).toEqual([1, 3, 5]);
    expect(firstPendingIndexes({ ...input, failedIndexes: parseIntervals('1', 6) }, 9, 6)).toEqual([3, 4, 5]);
  });

  it('removes pods without a valid index and all but the most advanced pod of a repeated index', () => {
    const pods = [
      jobPod(job, 'none'),
      jobPod(job, 'far', { index: 7 }),
      jobPod(job, 'one-ready', { index: 1, ready: true }),
      jobPod(job, 'one-pending', { index: 1, phase: 'Pending' }),
      jobPod(job, 'two', { index: 2 }),
    ];
    const { rm, left } = duplicatedIndexPodsForRemoval(pods, 6);
    expect(rm.map((p) => p.metadata!.name).sort()).toEqual(['far', 'none', 'one-pending']);
    expect(left.map((p) => p.metadata!.name)).toEqual(['one-ready', 'two']);
  });

  describe('backoffLimitPerIndex', () => {
    const perIndex = newJob('pi', { completionMode: 'Indexed', completions: 4, parallelism: 4, backoffLimitPerIndex: 1 }, { failedIndexes: '3' });
    const failed = (name: string, index: number, failures: number, finishedAt = '2026-01-01T00:00:10Z') =>
      jobPod(perIndex, name, { index, phase: 'Failed', exitCode: 1, finishedAt, annotations: { [JOB_INDEX_FAILURE_COUNT]: String(failures) } });

    it('fails an index once its failures reach the limit', () => {
      const pods = [failed('a', 0, 0), failed('b', 1, 1)];
      expect(intervalsToString(calculateFailedIndexes(perIndex, pods))).toBe('1,3');
    });

    it('keeps the latest failed pod of an index waiting for its replacement', () => {
      const pods = [failed('old', 0, 0, '2026-01-01T00:00:05Z'), failed('new', 0, 0, '2026-01-01T00:00:20Z'), failed('gone', 1, 0), jobPod(perIndex, 'run', { index: 2 }), failed('replaced', 2, 0)];
      const delayed = podsWithDelayedDeletionPerIndex({ job: perIndex, pods, activePods: [pods[3]], expectedRmFinalizers: new Set(['uid-gone']), succeededIndexes: [], failedIndexes: [] });
      expect([...delayed].map(([ix, p]) => `${ix}:${p.metadata!.name}`)).toEqual(['0:new']);
    });

    it('carries failure counts to the replacement', () => {
      const withIgnored = failed('a', 0, 2);
      withIgnored.metadata!.annotations![JOB_INDEX_IGNORED_FAILURE_COUNT] = '1';
      expect(newIndexFailureCounts(perIndex, withIgnored)).toEqual({ failures: 3, ignored: 1 });
      const ignoring = newJob('pi', { ...perIndex.spec, podFailurePolicy: { rules: [{ action: 'Ignore', onExitCodes: { operator: 'In', values: [1] } }] } });
      expect(newIndexFailureCounts(ignoring, withIgnored)).toEqual({ failures: 2, ignored: 2 });
      expect(newIndexFailureCounts(perIndex, undefined)).toEqual({ failures: 0, ignored: 0 });
    });
  });
});
