/**
 * Pods that keep the job-tracking finalizer with no Job left to count them
 * (upstream syncOrphanPod and cleanupPodFinalizers): orphans, and pods of a
 * finished or deleted Job. Their finalizer is removed so they can go.
 */
import type { Job } from 'kubernetes-types/batch/v1';
import type { Pod } from 'kubernetes-types/core/v1';
import type { Lister } from '@mk/client';
import { getControllerOf } from '../framework/controller-ref';
import type { Typed } from '../framework/types';
import { JOB_API_VERSION, JOB_KIND } from './constants';
import { isJobFinished, managedByExternalController } from './job-facts';
import { resolveJobOf } from './pod-events';
import { hasTrackingFinalizer } from './pod-facts';

/** Whether the pod's tracking finalizer should be removed now. */
export function orphanNeedsCleanup(jobs: Lister<Typed<Job>>, pod: Readonly<Pod>): boolean {
  if (!hasTrackingFinalizer(pod)) return false;
  const ref = getControllerOf(pod);
  if (!ref) return true;
  // Someone else's pod (not a batch/v1 Job): not ours to touch.
  if (ref.kind !== JOB_KIND || ref.apiVersion !== JOB_API_VERSION) return false;
  const job = resolveJobOf(jobs, pod);
  if (job && managedByExternalController(job)) return false;
  // A live Job counts the pod itself (and may just have adopted it).
  return !job || isJobFinished(job);
}

/** Keys of the pods a finished or deleted Job leaves with the tracking finalizer. */
export function leftoverPodKeys(jobs: Lister<Typed<Job>>, podsOfJob: (uid: string) => readonly Readonly<Pod>[], job: Readonly<Job>): string[] {
  const current = jobs.get(`${job.metadata?.namespace}/${job.metadata?.name}`);
  const gone = !current || current.metadata?.uid !== job.metadata?.uid;
  if (!gone && !isJobFinished(current)) return [];
  return podsOfJob(job.metadata?.uid ?? '')
    .filter(hasTrackingFinalizer)
    .map((p) => `${p.metadata?.namespace}/${p.metadata?.name}`);
}
