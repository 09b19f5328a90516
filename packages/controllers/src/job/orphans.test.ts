import { describe, expect, it } from 'vitest';
import type { Job } from 'kubernetes-types/batch/v1';
import type { Lister } from '@mk/client';
import type { Typed } from '../framework/types';
import { leftoverPodKeys, orphanNeedsCleanup } from './orphans';
import { jobKeysForPod } from './pod-events';
import { jobPod, newJob } from './test-support';

function lister(jobs: Job[]): Lister<Typed<Job>> {
  const key = (j: Job) => `${j.metadata!.namespace}/${j.metadata!.name}`;
  return {
    get: (k) => jobs.find((j) => key(j) === k) as Typed<Job> | undefined,
    list: () => jobs as Typed<Job>[],
    byNamespace: (ns) => jobs.filter((j) => j.metadata!.namespace === ns) as Typed<Job>[],
    byIndex: () => [],
  };
}

const running = newJob('run');
const finished = newJob('done', {}, { conditions: [{ type: 'Complete', status: 'True' }] });

describe('pods the job controller must let go', () => {
  it('cleans the finalizer of orphans and of pods whose Job is finished or gone', () => {
    const jobs = lister([running, finished]);
    const orphan = jobPod(running, 'o');
    orphan.metadata!.ownerReferences = [];
    expect(orphanNeedsCleanup(jobs, orphan)).toBe(true);
    expect(orphanNeedsCleanup(jobs, jobPod(finished, 'f'))).toBe(true);
    expect(orphanNeedsCleanup(jobs, jobPod(newJob('deleted'), 'd'))).toBe(true);
    expect(orphanNeedsCleanup(jobs, jobPod(running, 'r'))).toBe(false);
    expect(orphanNeedsCleanup(jobs, jobPod(finished, 'untracked', { tracked: false }))).toBe(false);
    const foreign = jobPod(running, 'x');
    foreign.metadata!.ownerReferences = [{ apiVersion: 'apps/v1', kind: 'ReplicaSet', name: 'rs', uid: 'u', controller: true }];
    expect(orphanNeedsCleanup(jobs, foreign)).toBe(false);
  });

  it('finds the tracked pods a finished or deleted Job leaves behind', () => {
    const pods = [jobPod(finished, 'a'), jobPod(finished, 'b', { tracked: false })];
    expect(leftoverPodKeys(lister([finished]), () => pods, finished)).toEqual(['default/a']);
    expect(leftoverPodKeys(lister([]), () => pods, finished)).toEqual(['default/a']);
    expect(leftoverPodKeys(lister([running]), () => [jobPod(running, 'c')], running)).toEqual([]);
  });

  it('syncs the controlling Job of a pod, or every Job whose selector matches an orphan', () => {
    const jobs = lister([running, finished]);
    expect(jobKeysForPod(jobs, jobPod(running, 'r'))).toEqual(['default/run']);
    const orphan = jobPod(running, 'o');
    orphan.metadata!.ownerReferences = [];
    expect(jobKeysForPod(jobs, orphan)).toEqual(['default/run']);
    expect(jobKeysForPod(jobs, jobPod(newJob('deleted'), 'd'))).toEqual([]);
  });
});
