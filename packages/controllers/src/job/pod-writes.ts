/**
 * Issuing a sync's pod creations and deletions (upstream manageJob's I/O,
 * deleteJobPods, deleteActivePods), keeping the expectations honest: a write
 * that failed will never be observed, so it is marked observed at once.
 */
import type { Job } from 'kubernetes-types/batch/v1';
import type { Pod } from 'kubernetes-types/core/v1';
import { isNamespaceTerminating, isNotFound } from '@mk/client';
import type { Expectations } from '../framework/expectations';
import { isPodReady } from '../framework/pods';
import { SLOW_START_INITIAL_BATCH_SIZE } from './constants';
import type { PodControl } from './pod-control';
import { hasTrackingFinalizer, podKey } from './pod-facts';

export interface DeleteOutcome {
  deleted: number;
  deletedReady: number;
  error?: unknown;
}

/**
 * deleteActivePods for a Job that met a terminal criterion: plain DELETEs —
 * finalizers stay so the pods are still counted (as failed) before they go.
 */
export async function deleteActivePods(control: PodControl, job: Readonly<Job>, pods: readonly Readonly<Pod>[]): Promise<DeleteOutcome> {
  const out: DeleteOutcome = { deleted: pods.length, deletedReady: 0 };
  await Promise.all(
    pods.map(async (pod) => {
      try {
        await control.deletePod(job, pod);
      } catch (err) {
        if (!isNotFound(err)) {
          out.deleted--;
          out.error ??= err;
        }
      }
      if (isPodReady(pod)) out.deletedReady++;
    }),
  );
  return out;
}

/**
 * deleteJobPods for suspension and surplus pods: the finalizer goes first, so
 * these deletions are not counted as failures.
 */
export async function deleteJobPods(control: PodControl, expectations: Expectations, jobKey: string, job: Readonly<Job>, pods: readonly Readonly<Pod>[]): Promise<DeleteOutcome> {
  const out: DeleteOutcome = { deleted: pods.length, deletedReady: 0 };
  expectations.expect(jobKey, 0, pods.map(podKey));
  const failDelete = (pod: Readonly<Pod>, err: unknown) => {
    expectations.deletionObserved(jobKey, podKey(pod));
    if (isNotFound(err)) return;
    out.deleted--;
    out.error ??= err;
  };
  await Promise.all(
    pods.map(async (pod) => {
      if (hasTrackingFinalizer(pod)) {
        try {
          await control.removeTrackingFinalizer(pod);
        } catch (err) {
          return failDelete(pod, err);
        }
      }
      try {
        await control.deletePod(job, pod);
      } catch (err) {
        failDelete(pod, err);
      }
      if (isPodReady(pod)) out.deletedReady++;
    }),
  );
  return out;
}

export interface CreateOutcome {
  /** Pods created, or counted as created (skipped for a terminating namespace). */
  created: number;
  error?: unknown;
}

/**
 * Creates the pods in slow-start batches (1, 2, 4, …): after a batch with a
 * failure the rest are skipped, so a quota or admission error costs one
 * request rather than hundreds.
 */
export async function createJobPods(control: PodControl, expectations: Expectations, jobKey: string, job: Readonly<Job>, pods: readonly Pod[]): Promise<CreateOutcome> {
  expectations.expect(jobKey, pods.length);
  const out: CreateOutcome = { created: pods.length };
  let next = 0;
  for (let batch = Math.min(pods.length, SLOW_START_INITIAL_BATCH_SIZE); next < pods.length; batch = Math.min(2 * batch, pods.length - next)) {
    let failed = false;
    await Promise.all(
      pods.slice(next, next + batch).map(async (pod) => {
        try {
          await control.createPod(job, pod);
        } catch (err) {
          // Creating in a namespace being deleted fails for every pod; upstream ignores it.
          if (isNamespaceTerminating(err)) return;
          expectations.creationObserved(jobKey);
          out.created--;
          out.error ??= err;
          failed = true;
        }
      }),
    );
    next += batch;
    if (failed && next < pods.length) {
      // Skipped pods will not be observed either; the next sync retries them.
      for (let i = next; i < pods.length; i++) expectations.creationObserved(jobKey);
      out.created -= pods.length - next;
      break;
    }
  }
  return out;
}
