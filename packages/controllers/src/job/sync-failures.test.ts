/** Job syncs with a fake PodControl: backoff, backoffLimit, activeDeadlineSeconds, podFailurePolicy. */
import { describe, expect, it } from 'vitest';
import type { Job } from 'kubernetes-types/batch/v1';
import { jobPod, newHarness, newJob, T0 } from './test-support';

const running = { startTime: T0, active: 1, ready: 0, terminating: 0, uncountedTerminatedPods: {} };
const conditionLines = (job: Job | undefined) => (job?.status?.conditions ?? []).map((c) => `${c.type}=${c.status} ${c.reason}: ${c.message}`);

describe('job sync: failures', () => {
  it('waits 10 s × 2^(n−1) after the n-th consecutive failure before replacing the pod', async () => {
    const h = newHarness();
    const job = newJob('pi', { completions: 1, parallelism: 1, backoffLimit: 6 }, running);
    const failed = jobPod(job, 'a', { phase: 'Failed', exitCode: 1, finishedAt: T0 });
    await h.clock.advance(4_000);
    // 6 s left of the first 10 s; status reports no active pods while held back, as upstream.
    expect(await h.sync(job, [failed])).toBe(6_000);
    expect(h.control.created).toHaveLength(0);
    expect(h.control.lastStatus?.failed).toBe(1);
    expect(h.control.lastStatus?.active).toBeUndefined();
    await h.clock.advance(6_000);
    expect(await h.sync(h.control.stored!, [])).toBeUndefined();
    expect(h.control.created).toHaveLength(1);

    // The replacement fails too: the second failure costs 20 s, counted from when it finished.
    h.deps.expectations.creationObserved('default/pi');
    const second = jobPod(job, 'b', { phase: 'Failed', exitCode: 1, finishedAt: '2026-01-01T00:00:12Z' });
    await h.clock.advance(2_000);
    expect(await h.sync(h.control.stored!, [second])).toBe(20_000);
    expect(h.control.lastStatus?.failed).toBe(2);
  });

  it('never requeues sooner than the sync batch period', async () => {
    const h = newHarness();
    const job = newJob('pi', {}, running);
    await h.clock.advance(9_800);
    expect(await h.sync(job, [jobPod(job, 'a', { phase: 'Failed', exitCode: 1, finishedAt: T0 })])).toBe(1_000);
  });

  it('fails with BackoffLimitExceeded: FailureTarget and deletions first, Failed once no pod is left', async () => {
    const h = newHarness();
    const job = newJob('pi', { completions: 2, parallelism: 2, backoffLimit: 1 }, { ...running, active: 2, failed: 1 });
    const pods = [jobPod(job, 'a', { phase: 'Failed', exitCode: 1 }), jobPod(job, 'b')];
    await h.sync(job, pods);
    // Active pods get a plain DELETE; once failure is decided every unfinished pod counts as failed,
    // so b is recorded as uncounted before its finalizer goes, like a.
    expect(h.control.log).toEqual(['delete b', 'status', 'unfinalize a', 'unfinalize b', 'status']);
    expect(h.control.statusWrites[0].status?.uncountedTerminatedPods).toEqual({ failed: ['uid-a', 'uid-b'] });
    expect(conditionLines(h.control.stored)).toEqual(['FailureTarget=True BackoffLimitExceeded: Job has reached the specified backoff limit']);
    expect(h.control.lastStatus).toMatchObject({ failed: 3, terminating: 1, uncountedTerminatedPods: {} });

    // The Job is not Failed while b lingers, terminating.
    await h.sync(h.control.stored!, [jobPod(job, 'b', { deleting: true, tracked: false })]);
    expect(h.control.lastStatus).toMatchObject({ failed: 3, terminating: 1 });
    expect(conditionLines(h.control.stored)).toHaveLength(1);

    await h.clock.advance(3_000);
    await h.sync(h.control.stored!, []);
    expect(conditionLines(h.control.stored)).toEqual([
      'FailureTarget=True BackoffLimitExceeded: Job has reached the specified backoff limit',
      'Failed=True BackoffLimitExceeded: Job has reached the specified backoff limit',
    ]);
    expect(h.control.lastStatus).toMatchObject({ terminating: 0, failed: 3 });
    expect(h.control.lastStatus?.completionTime).toBeUndefined();
    expect(h.eventLines()).toEqual(['Normal SuccessfulDelete: Deleted pod: b', 'Warning BackoffLimitExceeded: Job has reached the specified backoff limit']);
  });

  it('counts container restarts toward backoffLimit with restartPolicy OnFailure', async () => {
    const h = newHarness();
    const job = newJob('pi', { backoffLimit: 3, template: { spec: { restartPolicy: 'OnFailure', containers: [{ name: 'main', image: 'busybox' }] } } }, running);
    await h.sync(job, [jobPod(job, 'a', { restarts: 2 })]);
    expect(conditionLines(h.control.stored)).toEqual([]);
    await h.sync(job, [jobPod(job, 'a', { restarts: 3 })]);
    expect(conditionLines(h.control.stored)).toEqual(['FailureTarget=True BackoffLimitExceeded: Job has reached the specified backoff limit']);
  });

  it('fails with DeadlineExceeded once activeDeadlineSeconds have passed since startTime, and looks again when due', async () => {
    const h = newHarness();
    const job = newJob('pi', { activeDeadlineSeconds: 30 }, running);
    await h.clock.advance(12_000);
    expect(await h.sync(job, [jobPod(job, 'a')])).toBe(18_000);
    await h.clock.advance(18_000);
    await h.sync(job, [jobPod(job, 'a')]);
    expect(h.control.deleted).toEqual(['a']);
    expect(conditionLines(h.control.stored)).toEqual(['FailureTarget=True DeadlineExceeded: Job was active longer than specified deadline']);
    await h.sync(h.control.stored!, []);
    expect(conditionLines(h.control.stored)[1]).toBe('Failed=True DeadlineExceeded: Job was active longer than specified deadline');
  });

  it('fails the Job on a FailJob rule, with the rule in the message', async () => {
    const h = newHarness();
    const spec = { completions: 3, parallelism: 2, podFailurePolicy: { rules: [{ action: 'FailJob', onExitCodes: { containerName: 'main', operator: 'In', values: [42] } }] }, podReplacementPolicy: 'Failed' };
    const job = newJob('pi', spec, { ...running, active: 2 });
    await h.sync(job, [jobPod(job, 'bad', { phase: 'Failed', exitCode: 42 }), jobPod(job, 'ok')]);
    expect(conditionLines(h.control.stored)).toEqual(['FailureTarget=True PodFailurePolicy: Container main for pod default/bad failed with exit code 42 matching FailJob rule at index 0']);
    expect(h.control.deleted).toEqual(['ok']);
    expect(h.control.created).toHaveLength(0);
  });

  it('does not count failures an Ignore rule matches, yet replaces the pod after the backoff', async () => {
    const h = newHarness();
    const spec = { backoffLimit: 0, podFailurePolicy: { rules: [{ action: 'Ignore', onPodConditions: [{ type: 'DisruptionTarget', status: 'True' }] }] }, podReplacementPolicy: 'Failed' };
    const job = newJob('pi', spec, running);
    const evicted = jobPod(job, 'a', { phase: 'Failed', conditions: [{ type: 'DisruptionTarget', status: 'True', lastTransitionTime: T0 }] });
    // backoffLimit 0 is not exceeded; the failure still backs off the replacement, as upstream.
    expect(await h.sync(job, [evicted])).toBe(10_000);
    expect(conditionLines(h.control.stored)).toEqual([]);
    expect(h.control.lastStatus?.failed).toBeUndefined();
    expect(h.control.finalizersRemoved).toEqual(['a']);
    await h.clock.advance(10_000);
    await h.sync(h.control.stored!, []);
    expect(h.control.created).toHaveLength(1);
  });
});
