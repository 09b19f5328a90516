/**
 * cronjob-controller (upstream pkg/controller/cronjob, ControllerV2): starts a
 * Job for each scheduled time of a CronJob, honouring suspend, the starting
 * deadline and the concurrency policy, keeps status.active,
 * lastScheduleTime and lastSuccessfulTime, and deletes finished Jobs beyond
 * the history limits. Keys are CronJobs; each sync requeues the key for the
 * next scheduled time, so the clock, not a timer per CronJob, drives it.
 */
import type { CronJob, Job } from 'kubernetes-types/batch/v1';
import { isNotFound, splitKey, type ApiClient } from '@mk/client';
import { controllerKey, getControllerOf } from '../framework/controller-ref';
import { CRON_JOBS, JOBS } from '../framework/resources';
import type { ControllerContext, ControllerDefinition, Reconciler, Typed } from '../framework/types';
import { ignoreNotFound } from '../framework/writes';
import { applyCronJobSync } from './apply';
import { isJobFinished } from './history';
import { planCronJobSync } from './plan';
import { unconfirmedActive } from './status';

export const CRON_JOB_CONTROLLER = 'cronjob-controller';
/** kube-controller-manager's --concurrent-cron-job-syncs default. */
const WORKERS = 5;

/** upstream getJobsToBeReconciled, narrowed to controller references of kind CronJob. */
function ownedJobs(jobs: readonly Readonly<Job>[], cronJobName: string): Readonly<Job>[] {
  return jobs.filter((j) => {
    const ref = getControllerOf(j);
    return ref?.kind === 'CronJob' && ref.name === cronJobName;
  });
}

/**
 * Unfinished Jobs the cached CronJob does not list are usually our own, seen
 * before our status write reached the cache: read the CronJob from the API
 * server then, as upstream does before calling a Job unexpected.
 */
async function freshestCronJob(client: ApiClient, cached: Readonly<CronJob>, jobs: readonly Readonly<Job>[]): Promise<Readonly<CronJob> | undefined> {
  const listed = new Set((cached.status?.active ?? []).map((r) => r.uid));
  if (!jobs.some((j) => !isJobFinished(j) && !listed.has(j.metadata?.uid))) return cached;
  const { namespace, name } = cached.metadata!;
  return ignoreNotFound(client.request<CronJob>('GET', client.path({ group: 'batch', version: 'v1', plural: 'cronjobs', namespace, name })));
}

/** uids of listed active Jobs the cache lacks and the API server no longer has (the cache may just be slow). */
async function missingActiveJobs(client: ApiClient, cj: Readonly<CronJob>, jobs: readonly Readonly<Job>[]): Promise<Set<string>> {
  const missing = new Set<string>();
  for (const ref of unconfirmedActive(cj, jobs)) {
    try {
      await client.request('GET', client.path({ group: 'batch', version: 'v1', plural: 'jobs', namespace: ref.namespace, name: ref.name }));
    } catch (err) {
      if (!isNotFound(err)) throw err;
      missing.add(ref.uid ?? '');
    }
  }
  return missing;
}

const scheduleOf = (cj: Readonly<CronJob>) => `${cj.metadata?.uid}\n${cj.spec?.schedule}\n${cj.spec?.timeZone ?? ''}`;

function create(ctx: ControllerContext): Reconciler {
  const cronJobs = ctx.informers.informerFor<Typed<CronJob>>(CRON_JOBS);
  const jobs = ctx.informers.informerFor<Typed<Job>>(JOBS);
  const events = ctx.events(CRON_JOB_CONTROLLER);
  /** The schedule (with uid and time zone) each CronJob was last synced with, to notice schedule edits. */
  const syncedSchedules = new Map<string, string>();

  return {
    name: CRON_JOB_CONTROLLER,
    workers: WORKERS,
    watches: [
      { informer: cronJobs, keys: (cj) => [`${cj.metadata!.namespace}/${cj.metadata!.name}`] },
      {
        informer: jobs,
        keys: (job) => {
          const key = controllerKey(job, 'batch', 'CronJob');
          return key ? [key] : [];
        },
        // Periodic relists repeat objects at the same resourceVersion: nothing changed.
        changed: (a, b) => a.metadata?.resourceVersion !== b.metadata?.resourceVersion,
      },
    ],
    async reconcile(key) {
      const cached = cronJobs.lister.get(key);
      if (!cached) {
        syncedSchedules.delete(key);
        return;
      }
      const { namespace, name } = splitKey(key);
      const owned = ownedJobs(jobs.lister.byNamespace(namespace ?? ''), name);
      const cronJob = await freshestCronJob(ctx.client, cached, owned);
      if (!cronJob) return;
      const missingActive = await missingActiveJobs(ctx.client, cronJob, owned);

      const previous = syncedSchedules.get(key);
      const current = scheduleOf(cronJob);
      const scheduleChanged = previous !== undefined && previous !== current && previous.split('\n')[0] === cronJob.metadata?.uid;
      const plan = planCronJobSync({ cronJob, jobs: owned, missingActive, now: ctx.clock.now(), scheduleChanged });
      const requeueAfterMs = await applyCronJobSync({ client: ctx.client, events, log: ctx.log }, cronJob, plan);
      // Remembered only once applied, so a retried sync still treats the edit as one.
      syncedSchedules.set(key, current);
      return requeueAfterMs === undefined ? undefined : { requeueAfterMs: Math.max(0, requeueAfterMs) };
    },
  };
}

/** The CronJob controller's definition for the manager. */
export const cronJobController: ControllerDefinition = { name: CRON_JOB_CONTROLLER, create };
