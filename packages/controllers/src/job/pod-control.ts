/**
 * The Job controller's writes (upstream RealPodControl and the Job's
 * UpdateStatus): creating and deleting pods with their events, removing the
 * tracking finalizer, adopting and releasing pods, and writing the status.
 */
import type { Job } from 'kubernetes-types/batch/v1';
import type { Pod } from 'kubernetes-types/core/v1';
import type { OwnerReference } from 'kubernetes-types/meta/v1';
import { isInvalid, isNotFound, type ApiClient } from '@mk/client';
import { refTo } from '../framework/events';
import type { EventSink } from '../framework/types';
import { STRATEGIC_MERGE_PATCH } from '../framework/writes';
import { JOB_API_VERSION, JOB_KIND, JOB_TRACKING_FINALIZER } from './constants';
import { jobStatusForApi } from './status-json';

/** What a Job sync writes; an interface so the sync can run against a fake in tests. */
export interface PodControl {
  /** Creates the pod; records SuccessfulCreate or FailedCreate on the Job. */
  createPod(job: Readonly<Job>, pod: Pod): Promise<Pod>;
  /** Deletes the pod; records SuccessfulDelete, or FailedDelete for errors other than NotFound (which is thrown as is). */
  deletePod(job: Readonly<Job>, pod: Readonly<Pod>): Promise<void>;
  /** Removes the job-tracking finalizer from the pod. */
  removeTrackingFinalizer(pod: Readonly<Pod>): Promise<void>;
  /** Adopts an orphan: controller reference and tracking finalizer in one patch with a uid precondition; false if it is gone. */
  adoptPod(pod: Readonly<Pod>, ref: OwnerReference): Promise<boolean>;
  /** Releases a pod no longer matching: drops the reference and the tracking finalizer. */
  releasePod(pod: Readonly<Pod>, ownerUid: string): Promise<void>;
  /** PUT /status; returns the stored Job. */
  updateStatus(job: Readonly<Job>): Promise<Job>;
  /** A fresh (uncached) read of the Job, to recheck it before adopting. */
  getJob(namespace: string, name: string): Promise<Job | undefined>;
}

const PODS = { group: '', version: 'v1', plural: 'pods' };
const JOBS = { group: 'batch', version: 'v1', plural: 'jobs' };

/** The API-backed PodControl; events go to `events` (source job-controller). */
export function createPodControl(client: ApiClient, events: EventSink): PodControl {
  const podPath = (pod: Readonly<Pod>) => client.path({ ...PODS, namespace: pod.metadata!.namespace, name: pod.metadata!.name });
  const event = (job: Readonly<Job>, type: 'Normal' | 'Warning', reason: string, message: string) => events({ regarding: refTo(job, JOB_API_VERSION, JOB_KIND), type, reason, message });
  const errorText = (err: unknown) => (err instanceof Error ? err.message : String(err));
  const patch = (pod: Readonly<Pod>, body: unknown) => client.request('PATCH', podPath(pod), { contentType: STRATEGIC_MERGE_PATCH, body });

  return {
    async createPod(job, pod) {
      try {
        const created = await client.request<Pod>('POST', client.path({ ...PODS, namespace: pod.metadata!.namespace }), { body: pod });
        event(job, 'Normal', 'SuccessfulCreate', `Created pod: ${created.metadata?.name}`);
        return created;
      } catch (err) {
        event(job, 'Warning', 'FailedCreate', `Error creating: ${errorText(err)}`);
        throw err;
      }
    },
    async deletePod(job, pod) {
      try {
        await client.request('DELETE', podPath(pod));
      } catch (err) {
        if (!isNotFound(err)) event(job, 'Warning', 'FailedDelete', `Error deleting: ${errorText(err)}`);
        throw err;
      }
      event(job, 'Normal', 'SuccessfulDelete', `Deleted pod: ${pod.metadata?.name}`);
    },
    async removeTrackingFinalizer(pod) {
      await patch(pod, { metadata: { [`$deleteFromPrimitiveList/finalizers`]: [JOB_TRACKING_FINALIZER] } });
    },
    async adoptPod(pod, ref) {
      try {
        await patch(pod, { metadata: { ownerReferences: [ref], uid: pod.metadata!.uid, finalizers: [JOB_TRACKING_FINALIZER] } });
        return true;
      } catch (err) {
        if (isNotFound(err)) return false;
        throw err;
      }
    },
    async releasePod(pod, ownerUid) {
      const body = { metadata: { ownerReferences: [{ $patch: 'delete', uid: ownerUid }], uid: pod.metadata!.uid, [`$deleteFromPrimitiveList/finalizers`]: [JOB_TRACKING_FINALIZER] } };
      try {
        await patch(pod, body);
      } catch (err) {
        // Gone, or changed so that the patch no longer applies: nothing left to release (as upstream).
        if (!isNotFound(err) && !isInvalid(err)) throw err;
      }
    },
    async updateStatus(job) {
      const path = `${client.path({ ...JOBS, namespace: job.metadata!.namespace, name: job.metadata!.name })}/status`;
      return client.request<Job>('PUT', path, { body: { ...job, apiVersion: JOB_API_VERSION, kind: JOB_KIND, status: jobStatusForApi(job.status ?? {}) } });
    },
    async getJob(namespace, name) {
      try {
        return await client.request<Job>('GET', client.path({ ...JOBS, namespace, name }));
      } catch (err) {
        if (isNotFound(err)) return undefined;
        throw err;
      }
    },
  };
}
