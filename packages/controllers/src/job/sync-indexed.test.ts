/** Job syncs with a fake PodControl: Indexed mode, backoffLimitPerIndex, successPolicy. */
import { describe, expect, it } from 'vitest';
import type { Job } from 'kubernetes-types/batch/v1';
import { JOB_COMPLETION_INDEX, JOB_INDEX_FAILURE_COUNT } from './constants';
import { jobPod, newHarness, newJob, T0 } from './test-support';

const running = (active: number) => ({ startTime: T0, active, ready: 0, terminating: 0, uncountedTerminatedPods: {} });
const conditionLines = (job: Job | undefined) => (job?.status?.conditions ?? []).map((c) => `${c.type} ${c.reason}: ${c.message}`);

describe('job sync: Indexed', () => {
  it('creates one pod per pending index with its annotation, label, hostname, env and name prefix', async () => {
    const h = newHarness();
    const job = newJob('ix', { completionMode: 'Indexed', completions: 5, parallelism: 3 }, { ...running(1), completedIndexes: '0' });
    await h.sync(job, [jobPod(job, 'one', { index: 1 })]);
    expect(h.control.created.map((p) => p.metadata!.generateName)).toEqual(['ix-2-', 'ix-3-']);
    const pod = h.control.created[0];
    expect(pod.metadata!.annotations).toEqual({ [JOB_COMPLETION_INDEX]: '2' });
    expect(pod.metadata!.labels![JOB_COMPLETION_INDEX]).toBe('2');
    expect(pod.spec!.hostname).toBe('ix-2');
    expect(pod.spec!.containers[0].env).toEqual([{ name: 'JOB_COMPLETION_INDEX', valueFrom: { fieldRef: { fieldPath: "metadata.labels['batch.kubernetes.io/job-completion-index']" } } }]);
    // The template itself is untouched.
    expect(job.spec!.template.spec!.containers[0].env).toBeUndefined();
  });

  it('records succeeded indexes in completedIndexes and completes when all are done', async () => {
    const h = newHarness();
    const job = newJob('ix', { completionMode: 'Indexed', completions: 5, parallelism: 5 }, { ...running(5), completedIndexes: '0', succeeded: 1 });
    const pods = [jobPod(job, 'p1', { index: 1 }), jobPod(job, 'p2', { index: 2, phase: 'Succeeded' }), jobPod(job, 'p3', { index: 3, phase: 'Succeeded' }), jobPod(job, 'p4', { index: 4, phase: 'Succeeded' })];
    await h.sync(job, pods);
    // Indexes, not UIDs, record the successes before the finalizers go.
    expect(h.control.statusWrites[0].status).toMatchObject({ completedIndexes: '0,2-4', succeeded: 4, uncountedTerminatedPods: {} });
    expect(h.control.finalizersRemoved.sort()).toEqual(['p2', 'p3', 'p4']);
    await h.sync(h.control.stored!, [jobPod(job, 'p1', { index: 1, phase: 'Succeeded' })]);
    expect(h.control.lastStatus).toMatchObject({ completedIndexes: '0-4', succeeded: 5 });
    expect(conditionLines(h.control.stored)).toEqual(['SuccessCriteriaMet CompletionsReached: Reached expected number of succeeded pods', 'Complete CompletionsReached: Reached expected number of succeeded pods']);
  });

  it('deletes repeats of an index before creating anything', async () => {
    const h = newHarness();
    const job = newJob('ix', { completionMode: 'Indexed', completions: 3, parallelism: 3 }, running(3));
    await h.sync(job, [jobPod(job, 'a', { index: 0, ready: true }), jobPod(job, 'b', { index: 0 }), jobPod(job, 'c', { index: 1 })]);
    expect(h.control.deleted).toEqual(['b']);
    expect(h.control.created).toHaveLength(0);
  });

  it('with backoffLimitPerIndex fails an index, keeps the others going, and fails the Job with FailedIndexes at the end', async () => {
    const h = newHarness();
    const spec = { completionMode: 'Indexed', completions: 2, parallelism: 2, backoffLimit: 2147483647, backoffLimitPerIndex: 1 };
    const job = newJob('ix', spec, running(2));
    const secondFailure = jobPod(job, 'a', { index: 0, phase: 'Failed', exitCode: 1, annotations: { [JOB_INDEX_FAILURE_COUNT]: '1' } });
    await h.sync(job, [secondFailure, jobPod(job, 'b', { index: 1 })]);
    expect(h.control.lastStatus).toMatchObject({ failedIndexes: '0', failed: 1, active: 1 });
    expect(h.control.created).toHaveLength(0);
    expect(conditionLines(h.control.stored)).toEqual([]);

    await h.sync(h.control.stored!, [jobPod(job, 'b', { index: 1, phase: 'Succeeded' })]);
    expect(h.control.lastStatus).toMatchObject({ failedIndexes: '0', completedIndexes: '1' });
    expect(conditionLines(h.control.stored)).toEqual(['FailureTarget FailedIndexes: Job has failed indexes', 'Failed FailedIndexes: Job has failed indexes']);
  });

  it('replaces a failed index after its own backoff, carrying the failure count', async () => {
    const h = newHarness();
    const spec = { completionMode: 'Indexed', completions: 2, parallelism: 2, backoffLimitPerIndex: 3 };
    const job = newJob('ix', spec, running(2));
    const failed = jobPod(job, 'a', { index: 0, phase: 'Failed', exitCode: 1, finishedAt: T0, annotations: { [JOB_INDEX_FAILURE_COUNT]: '0' } });
    expect(await h.sync(job, [failed, jobPod(job, 'b', { index: 1 })])).toBe(10_000);
    // The failed pod keeps its finalizer until its replacement exists.
    expect(h.control.finalizersRemoved).toEqual([]);
    await h.clock.advance(10_000);
    await h.sync(h.control.stored!, [failed, jobPod(job, 'b', { index: 1 })]);
    expect(h.control.created.map((p) => [p.metadata!.generateName, p.metadata!.annotations![JOB_INDEX_FAILURE_COUNT]])).toEqual([['ix-0-', '1']]);
  });

  it('fails with MaxFailedIndexesExceeded', async () => {
    const h = newHarness();
    const spec = { completionMode: 'Indexed', completions: 4, parallelism: 4, backoffLimitPerIndex: 0, maxFailedIndexes: 0 };
    const job = newJob('ix', spec, running(4));
    await h.sync(job, [jobPod(job, 'a', { index: 2, phase: 'Failed', exitCode: 1 }), jobPod(job, 'b', { index: 0 })]);
    expect(h.control.deleted).toEqual(['b']);
    expect(conditionLines(h.control.stored)).toEqual(['FailureTarget MaxFailedIndexesExceeded: Job has exceeded the specified maximal number of failed indexes']);
    await h.sync(h.control.stored!, []);
    expect(conditionLines(h.control.stored)[1]).toBe('Failed MaxFailedIndexesExceeded: Job has exceeded the specified maximal number of failed indexes');
  });

  it('succeeds early by successPolicy and removes the lingering pods', async () => {
    const h = newHarness();
    const spec = { completionMode: 'Indexed', completions: 3, parallelism: 3, successPolicy: { rules: [{ succeededIndexes: '0' }] } };
    const job = newJob('ix', spec, running(3));
    await h.sync(job, [jobPod(job, 'leader', { index: 0, phase: 'Succeeded' }), jobPod(job, 'w1', { index: 1 }), jobPod(job, 'w2', { index: 2 })]);
    expect(h.control.deleted.sort()).toEqual(['w1', 'w2']);
    expect(conditionLines(h.control.stored)).toEqual(['SuccessCriteriaMet SuccessPolicy: Matched rules at index 0']);
    // Workers deleted after success are not failures.
    expect(h.control.lastStatus?.failed).toBeUndefined();
    await h.sync(h.control.stored!, []);
    expect(conditionLines(h.control.stored)).toEqual(['SuccessCriteriaMet SuccessPolicy: Matched rules at index 0', 'Complete SuccessPolicy: Matched rules at index 0']);
    expect(h.control.lastStatus).toMatchObject({ completedIndexes: '0', succeeded: 1 });
  });
});
