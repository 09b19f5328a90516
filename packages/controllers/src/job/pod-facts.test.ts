import { describe, expect, it } from 'vitest';
import { compareActivePods, isPodFailed, podFinishedTime } from './pod-facts';
import { jobPod, newJob } from './test-support';

const job = newJob('pi');

describe('pod facts', () => {
  it('orders pods to delete: unscheduled, pending, not ready, then the newest', () => {
    const bound = (name: string, opts: Parameters<typeof jobPod>[2] = {}) => {
      const p = jobPod(job, name, opts);
      p.spec!.nodeName = 'n1';
      return p;
    };
    const pods = [
      bound('ready-old', { ready: true, created: '2026-01-01T00:00:00Z' }),
      bound('ready-new', { ready: true, created: '2026-01-01T00:01:00Z' }),
      bound('not-ready'),
      bound('pending', { phase: 'Pending' }),
      jobPod(job, 'unscheduled', { phase: 'Pending' }),
      bound('restarting', { restarts: 3 }),
    ];
    expect([...pods].sort(compareActivePods).map((p) => p.metadata!.name)).toEqual(['unscheduled', 'pending', 'restarting', 'not-ready', 'ready-new', 'ready-old']);
  });

  it('counts a pod deleted before succeeding as failed, unless only failed pods are replaced', () => {
    const deleting = jobPod(job, 'd', { deleting: true });
    expect(isPodFailed(deleting, job)).toBe(true);
    expect(isPodFailed(deleting, newJob('pi', { podReplacementPolicy: 'Failed' }))).toBe(false);
    expect(isPodFailed(jobPod(job, 's', { phase: 'Succeeded', deleting: true }), job)).toBe(false);
  });

  it('takes the finish time from containers, then Ready=False, then deletion, then creation', () => {
    expect(podFinishedTime(jobPod(job, 'a', { phase: 'Failed', exitCode: 1, finishedAt: '2026-01-01T00:00:09Z' }))).toBe(Date.parse('2026-01-01T00:00:09Z'));
    const notReady = jobPod(job, 'b', { phase: 'Failed', conditions: [{ type: 'Ready', status: 'False', lastTransitionTime: '2026-01-01T00:00:07Z' }] });
    expect(podFinishedTime(notReady)).toBe(Date.parse('2026-01-01T00:00:07Z'));
    const noStatus = jobPod(job, 'c', { phase: 'Failed', conditions: [], created: '2026-01-01T00:00:03Z' });
    expect(podFinishedTime(noStatus)).toBe(Date.parse('2026-01-01T00:00:03Z'));
  });
});
