/** Job syncs with a fake PodControl: parallelism and completions, tracking with finalizers, completion. */
import { describe, expect, it } from 'vitest';
import { JOB_TRACKING_FINALIZER } from './constants';
import { jobPod, newHarness, newJob, T0 } from './test-support';

describe('job sync: counts', () => {
  it('creates min(parallelism, completions − succeeded) pods from the template, with the finalizer and controller ref', async () => {
    const h = newHarness();
    const job = newJob('pi', { completions: 3, parallelism: 2 });
    expect(await h.sync(job)).toBeUndefined();
    expect(h.control.created).toHaveLength(2);
    const pod = h.control.created[0];
    expect(pod.metadata).toMatchObject({
      generateName: 'pi-',
      labels: job.spec!.template.metadata!.labels,
      finalizers: [JOB_TRACKING_FINALIZER],
      ownerReferences: [{ apiVersion: 'batch/v1', kind: 'Job', name: 'pi', uid: 'uid-pi', controller: true, blockOwnerDeletion: true }],
    });
    expect(pod.spec).toEqual(job.spec!.template.spec);
    expect(h.control.lastStatus).toEqual({ startTime: T0, active: 2, ready: 0, terminating: 0, uncountedTerminatedPods: {} });
    expect(h.eventLines()).toEqual(['Normal SuccessfulCreate: Created pod: pi-xxxx0', 'Normal SuccessfulCreate: Created pod: pi-xxxx1']);
  });

  it('does not create again while its creations are not yet observed', async () => {
    const h = newHarness();
    const job = newJob('pi', { completions: 3, parallelism: 2 });
    await h.sync(job);
    await h.sync(job); // the cache still shows no pods
    expect(h.control.created).toHaveLength(2);
    h.deps.expectations.creationObserved('default/pi');
    h.deps.expectations.creationObserved('default/pi');
    await h.sync(job);
    expect(h.control.created).toHaveLength(4);
  });

  it('counts a succeeded pod through uncountedTerminatedPods, then removes its finalizer, then replaces it', async () => {
    const h = newHarness();
    const job = newJob('pi', { completions: 3, parallelism: 2 }, { startTime: T0, active: 2, ready: 0, terminating: 0, uncountedTerminatedPods: {} });
    await h.sync(job, [jobPod(job, 'a', { phase: 'Succeeded' }), jobPod(job, 'b')]);
    expect(h.control.log).toEqual(['create pi-xxxx0', 'status', 'unfinalize a', 'status']);
    expect(h.control.statusWrites[0].status).toMatchObject({ active: 2, uncountedTerminatedPods: { succeeded: ['uid-a'] } });
    expect(h.control.statusWrites[0].status?.succeeded).toBeUndefined();
    expect(h.control.lastStatus).toMatchObject({ active: 2, succeeded: 1, uncountedTerminatedPods: {} });
  });

  it('counts a pod deleted while tracked exactly once', async () => {
    const h = newHarness();
    const job = newJob('pi', { completions: 3, parallelism: 1 }, { startTime: T0, active: 1, ready: 0, terminating: 0, failed: 0, uncountedTerminatedPods: { failed: ['uid-gone'] } });
    // The pod recorded as uncounted is gone from the cache: its finalizer went, so it is counted now.
    await h.sync(job, [jobPod(job, 'b')]);
    expect(h.control.lastStatus).toMatchObject({ failed: 1, uncountedTerminatedPods: {} });
    const counted = h.control.stored!;
    await h.sync(counted, [jobPod(counted, 'b')]);
    expect(h.control.lastStatus).toMatchObject({ failed: 1 });
  });

  it('does not count again a pod whose finalizer removal it is still waiting to observe', async () => {
    const h = newHarness();
    const job = newJob('pi', { completions: 2, parallelism: 1 }, { startTime: T0, active: 1, ready: 0, terminating: 0, uncountedTerminatedPods: {} });
    const done = jobPod(job, 'a', { phase: 'Succeeded' });
    await h.sync(job, [done]);
    expect(h.control.lastStatus?.succeeded).toBe(1);
    // The cache still shows the finalizer, but the removal is expected: the count stands.
    h.deps.expectations.creationObserved('default/pi');
    await h.sync(h.control.stored!, [done, jobPod(job, 'b')]);
    expect(h.control.lastStatus?.succeeded).toBe(1);
    expect(h.control.finalizersRemoved).toEqual(['a']);
  });

  it('completes with SuccessCriteriaMet then Complete, completionTime, and the Completed event', async () => {
    const h = newHarness();
    await h.clock.advance(65_000);
    const job = newJob('pi', { completions: 3, parallelism: 2 }, { startTime: T0, active: 1, succeeded: 2, ready: 0, terminating: 0, uncountedTerminatedPods: {} });
    await h.sync(job, [jobPod(job, 'c', { phase: 'Succeeded' })]);
    const status = h.control.lastStatus!;
    const at = '2026-01-01T00:01:05Z';
    expect(status.conditions).toEqual([
      { type: 'SuccessCriteriaMet', status: 'True', reason: 'CompletionsReached', message: 'Reached expected number of succeeded pods', lastProbeTime: at, lastTransitionTime: at },
      { type: 'Complete', status: 'True', reason: 'CompletionsReached', message: 'Reached expected number of succeeded pods', lastProbeTime: at, lastTransitionTime: at },
    ]);
    expect(status).toMatchObject({ succeeded: 3, completionTime: at, ready: 0, terminating: 0, uncountedTerminatedPods: {} });
    expect(status.active).toBeUndefined();
    // The interim condition went out before the finalizer removal.
    expect(h.control.log).toEqual(['status', 'unfinalize c', 'status']);
    expect(h.control.statusWrites[0].status?.conditions?.map((c) => c.type)).toEqual(['SuccessCriteriaMet']);
    expect(h.eventLines()).toEqual(['Normal Completed: Job completed']);
  });

  it('without completions, stops creating after a success and completes once all pods are done', async () => {
    const h = newHarness();
    const job = newJob('q', { completions: undefined, parallelism: 3 }, { startTime: T0, active: 3, ready: 0, terminating: 0, uncountedTerminatedPods: {} });
    await h.sync(job, [jobPod(job, 'a', { phase: 'Succeeded' }), jobPod(job, 'b'), jobPod(job, 'c', { phase: 'Failed' })]);
    expect(h.control.created).toHaveLength(0);
    expect(h.control.lastStatus).toMatchObject({ active: 1, succeeded: 1, failed: 1 });
    expect(h.control.lastStatus?.conditions).toBeUndefined();
    await h.sync(h.control.stored!, [jobPod(job, 'b', { phase: 'Succeeded' })]);
    expect(h.control.lastStatus?.conditions?.map((c) => c.type)).toEqual(['SuccessCriteriaMet', 'Complete']);
    expect(h.control.lastStatus?.succeeded).toBe(2);
  });

  it('deletes surplus pods, not-ready first, removing their finalizer so they do not count as failures', async () => {
    const h = newHarness();
    const job = newJob('pi', { completions: 5, parallelism: 1 }, { startTime: T0, active: 2, ready: 1, terminating: 0, uncountedTerminatedPods: {} });
    await h.sync(job, [jobPod(job, 'ready', { ready: true }), jobPod(job, 'slow')]);
    expect(h.control.log).toEqual(['unfinalize slow', 'delete slow', 'status']);
    expect(h.control.lastStatus).toMatchObject({ active: 1, ready: 1, terminating: 1 });
    expect(h.control.lastStatus?.failed).toBeUndefined();
    expect(h.eventLines()).toEqual(['Normal SuccessfulDelete: Deleted pod: slow']);
  });

  it('leaves Jobs managed by another controller and finished Jobs alone', async () => {
    const h = newHarness();
    await h.sync(newJob('ext', { managedBy: 'example.com/other' }));
    const done = newJob('done', {}, { conditions: [{ type: 'Complete', status: 'True' }] });
    await h.sync(done, [jobPod(done, 'a', { phase: 'Succeeded' })]);
    expect(h.control.log).toEqual([]);
  });

  it('refuses an unknown completion mode with a warning', async () => {
    const h = newHarness();
    await h.sync(newJob('odd', { completionMode: 'Sometimes' }));
    expect(h.control.log).toEqual([]);
    expect(h.eventLines()).toEqual(['Warning UnknownCompletionMode: Skipped Job sync because completion mode is unknown']);
  });
});
