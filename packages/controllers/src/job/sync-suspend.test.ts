/** Job syncs with a fake PodControl: suspending and resuming. */
import { describe, expect, it } from 'vitest';
import { jobPod, newHarness, newJob, T0 } from './test-support';

describe('job sync: suspend', () => {
  it('deletes the active pods of a suspended Job and says so in a Suspended condition', async () => {
    const h = newHarness();
    await h.clock.advance(5_000);
    const job = newJob('pi', { completions: 4, parallelism: 2, suspend: true }, { startTime: T0, active: 2, ready: 1, terminating: 0, uncountedTerminatedPods: {} });
    await h.sync(job, [jobPod(job, 'a', { ready: true }), jobPod(job, 'b')]);
    expect(h.control.log).toEqual(['unfinalize b', 'unfinalize a', 'delete b', 'delete a', 'status']);
    expect(h.control.lastStatus).toMatchObject({
      startTime: T0,
      ready: 0,
      terminating: 2,
      conditions: [{ type: 'Suspended', status: 'True', reason: 'JobSuspended', message: 'Job suspended', lastProbeTime: '2026-01-01T00:00:05Z', lastTransitionTime: '2026-01-01T00:00:05Z' }],
    });
    expect(h.control.lastStatus?.active).toBeUndefined();
    expect(h.control.lastStatus?.failed).toBeUndefined();
    expect(h.eventLines()).toEqual(['Normal SuccessfulDelete: Deleted pod: b', 'Normal SuccessfulDelete: Deleted pod: a', 'Normal Suspended: Job suspended']);
  });

  it('does not start the clock of a Job created suspended, nor add a Suspended=False condition on first start', async () => {
    const h = newHarness();
    const job = newJob('pi', { suspend: true });
    await h.sync(job);
    expect(h.control.lastStatus).toMatchObject({ conditions: [{ type: 'Suspended', status: 'True' }] });
    expect(h.control.lastStatus?.startTime).toBeUndefined();
    expect(h.control.created).toHaveLength(0);

    const fresh = newHarness();
    await fresh.sync(newJob('pi'));
    expect(fresh.control.lastStatus?.conditions).toBeUndefined();
  });

  it('resumes: Suspended becomes False, startTime restarts, pods are created', async () => {
    const h = newHarness();
    await h.clock.advance(60_000);
    const suspendedAt = '2026-01-01T00:00:00Z';
    const job = newJob('pi', { completions: 2, parallelism: 2, suspend: false, activeDeadlineSeconds: 100 }, {
      startTime: suspendedAt,
      ready: 0,
      terminating: 0,
      uncountedTerminatedPods: {},
      conditions: [{ type: 'Suspended', status: 'True', reason: 'JobSuspended', message: 'Job suspended', lastProbeTime: suspendedAt, lastTransitionTime: suspendedAt }],
    });
    await h.sync(job);
    expect(h.control.created).toHaveLength(2);
    expect(h.control.lastStatus).toMatchObject({
      startTime: '2026-01-01T00:01:00Z',
      active: 2,
      conditions: [{ type: 'Suspended', status: 'False', reason: 'JobResumed', message: 'Job resumed', lastTransitionTime: '2026-01-01T00:01:00Z' }],
    });
    expect(h.eventLines().slice(-1)).toEqual(['Normal Resumed: Job resumed']);
  });
});
