/**
 * What pod events mean to the Job controller (upstream addPod, updatePod,
 * deletePod): which Jobs to sync, and which expectations they fulfil — a
 * created pod showing up, a deleted pod going, a removed finalizer seen.
 */
import type { Job } from 'kubernetes-types/batch/v1';
import type { Pod } from 'kubernetes-types/core/v1';
import { labelSelectorFromSpec, matchesLabels, isEverythingSelector } from '@mk/api';
import type { EventHandlers, Lister } from '@mk/client';
import { controllerKey, getControllerOf } from '../framework/controller-ref';
import type { Expectations } from '../framework/expectations';
import type { Typed } from '../framework/types';
import { JOB_API_VERSION, JOB_KIND } from './constants';
import type { FinalizerExpectations } from './finalizer-expectations';
import { isJobFinished } from './job-facts';
import { hasTrackingFinalizer, podKey } from './pod-facts';

type JobLister = Lister<Typed<Job>>;

/** The Job a pod's controller reference points to, if it exists with that uid (upstream resolveControllerRef). */
export function resolveJobOf(jobs: JobLister, pod: Readonly<Pod>): Readonly<Job> | undefined {
  const key = controllerKey(pod, 'batch', JOB_KIND);
  const job = key ? jobs.get(key) : undefined;
  return job && job.metadata?.uid === getControllerOf(pod)?.uid ? job : undefined;
}

const keyOf = (job: Readonly<Job>) => `${job.metadata?.namespace}/${job.metadata?.name}`;

/**
 * Jobs to sync for a pod event: its controlling Job, or for an orphan every
 * Job of its namespace whose selector matches it (a candidate adopter).
 */
export function jobKeysForPod(jobs: JobLister, pod: Readonly<Pod>): string[] {
  if (getControllerOf(pod)) {
    const job = resolveJobOf(jobs, pod);
    return job ? [keyOf(job)] : [];
  }
  return jobs
    .byNamespace(pod.metadata?.namespace ?? '')
    .filter((job) => {
      try {
        const selector = labelSelectorFromSpec(job.spec?.selector);
        return !isEverythingSelector(selector) && matchesLabels(selector, pod.metadata?.labels);
      } catch {
        return false; // an invalid selector selects nothing
      }
    })
    .map(keyOf);
}

export interface PodExpectationDeps {
  jobs: JobLister;
  expectations: Expectations;
  finalizerExpectations: FinalizerExpectations;
}

/** Informer handlers that record observed creations, deletions and finalizer removals. */
export function podExpectationHandlers(deps: PodExpectationDeps): EventHandlers<Typed<Pod>> {
  const { jobs, expectations, finalizerExpectations } = deps;
  /** A pod going away (final) or getting its deletionTimestamp. */
  const deleted = (pod: Readonly<Pod>, final: boolean) => {
    const job = resolveJobOf(jobs, pod);
    if (!job || isJobFinished(job)) return;
    expectations.deletionObserved(keyOf(job), podKey(pod));
    if (final || !hasTrackingFinalizer(pod)) finalizerExpectations.removalObserved(keyOf(job), pod.metadata!.uid!);
  };
  return {
    onAdd(pod) {
      // A pod first seen already being deleted (e.g. after a restart) is no creation.
      if (pod.metadata?.deletionTimestamp) return deleted(pod, false);
      const job = resolveJobOf(jobs, pod);
      if (job) expectations.creationObserved(keyOf(job));
    },
    onUpdate(oldPod, pod) {
      if (oldPod.metadata?.resourceVersion === pod.metadata?.resourceVersion) return;
      if (pod.metadata?.deletionTimestamp) return deleted(pod, false);
      if (hasTrackingFinalizer(pod)) return;
      // Ownership may have moved in the same update: the old Job may be waiting for this removal too.
      for (const p of [oldPod, pod]) {
        const job = resolveJobOf(jobs, p);
        if (job) finalizerExpectations.removalObserved(keyOf(job), pod.metadata!.uid!);
      }
    },
    onDelete(pod) {
      deleted(pod, true);
    },
  };
}

/** Index of pods by the uid of their controlling Job, to find a finished or deleted Job's pods. */
export const POD_JOB_UID_INDEX = 'job-controller/controller-uid';

/** Index function for POD_JOB_UID_INDEX. */
export function podJobUidIndex(pod: Readonly<Pod>): string[] {
  const ref = getControllerOf(pod);
  return ref && ref.kind === JOB_KIND && ref.apiVersion === JOB_API_VERSION ? [ref.uid] : [];
}
