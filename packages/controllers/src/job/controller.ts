/**
 * job-controller (upstream pkg/controller/job): runs a Job's pods to
 * completion — creating them from the template with the job-tracking
 * finalizer, counting finished ones exactly once, backing off after
 * failures, honouring completions, parallelism, Indexed mode, suspend,
 * activeDeadlineSeconds, backoffLimit(PerIndex), podFailurePolicy and
 * successPolicy, and writing the status and conditions.
 *
 * Two queues, as upstream: Job keys, and pod keys of pods whose tracking
 * finalizer no Job will remove (orphans, pods of finished or deleted Jobs).
 */
import type { Job } from 'kubernetes-types/batch/v1';
import type { Pod } from 'kubernetes-types/core/v1';
import { objectKey, splitKey } from '@mk/client';
import { createExpectations } from '../framework/expectations';
import { JOBS, PODS } from '../framework/resources';
import type { ControllerContext, ControllerDefinition, Reconciler, Typed } from '../framework/types';
import { ignoreNotFound } from '../framework/writes';
import type { BackoffRecord } from './backoff';
import { createFinalizerExpectations } from './finalizer-expectations';
import { leftoverPodKeys, orphanNeedsCleanup } from './orphans';
import { createPodControl } from './pod-control';
import { jobKeysForPod, podExpectationHandlers, podJobUidIndex, POD_JOB_UID_INDEX } from './pod-events';
import { syncJob, type JobSyncDeps } from './sync';

export const JOB_CONTROLLER = 'job-controller';
/** kube-controller-manager's --concurrent-job-syncs default. */
const JOB_WORKERS = 5;

function create(ctx: ControllerContext): Reconciler[] {
  const jobs = ctx.informers.informerFor<Typed<Job>>(JOBS);
  const pods = ctx.informers.informerFor<Typed<Pod>>(PODS);
  pods.addIndex(POD_JOB_UID_INDEX, podJobUidIndex);
  const events = ctx.events(JOB_CONTROLLER);
  const control = createPodControl(ctx.client, events);
  const deps: JobSyncDeps = {
    clock: ctx.clock,
    control,
    events,
    expectations: createExpectations(ctx.clock),
    finalizerExpectations: createFinalizerExpectations(),
    backoffs: new Map<string, BackoffRecord>(),
  };
  // Registered before the queues' own handlers, so expectations are current when a sync runs.
  pods.addHandlers(podExpectationHandlers({ jobs: jobs.lister, ...deps }));
  const podsOfJob = (uid: string) => pods.lister.byIndex(POD_JOB_UID_INDEX, uid);

  const syncs: Reconciler = {
    name: JOB_CONTROLLER,
    workers: JOB_WORKERS,
    watches: [
      { informer: jobs, keys: (job) => [objectKey(job)] },
      { informer: pods, keys: (pod) => jobKeysForPod(jobs.lister, pod) },
    ],
    async reconcile(key) {
      const job = jobs.lister.get(key);
      const candidates = job ? pods.lister.byNamespace(splitKey(key).namespace ?? '') : [];
      const requeueAfterMs = await syncJob(deps, key, job, candidates);
      return requeueAfterMs !== undefined ? { requeueAfterMs } : undefined;
    },
  };

  const orphans: Reconciler = {
    name: `${JOB_CONTROLLER}-orphan-pods`,
    watches: [
      { informer: pods, keys: (pod) => (orphanNeedsCleanup(jobs.lister, pod) ? [objectKey(pod)] : []) },
      { informer: jobs, keys: (job) => leftoverPodKeys(jobs.lister, podsOfJob, job) },
    ],
    async reconcile(key) {
      const pod = pods.lister.get(key);
      if (!pod || !orphanNeedsCleanup(jobs.lister, pod)) return;
      await ignoreNotFound(control.removeTrackingFinalizer(pod));
    },
  };
  return [syncs, orphans];
}

/** The Job controller's definition for the manager. */
export const jobController: ControllerDefinition = { name: JOB_CONTROLLER, create };
