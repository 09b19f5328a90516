/**
 * Carries out a CronJob sync plan in upstream's order: history deletions,
 * the decision events, Replace's deletions, the Job creation, then one status
 * update (PUT /status, so a stale CronJob conflicts and is retried). The
 * Job's name is the lock against starting one scheduled time twice: an
 * AlreadyExists for our own Job only puts it (back) into status.active.
 */
import type { CronJob, CronJobStatus, Job } from 'kubernetes-types/batch/v1';
import type { ObjectReference } from 'kubernetes-types/core/v1';
import { isAlreadyExists, isNamespaceTerminating, type ApiClient } from '@mk/client';
import { getControllerOf } from '../framework/controller-ref';
import type { EventSink } from '../framework/types';
import type { CronJobSyncPlan, PlannedCreate } from './plan';
import { cronJobRef, jobReference } from './status';

const BACKGROUND = { apiVersion: 'v1', kind: 'DeleteOptions', propagationPolicy: 'Background' };

const jobPath = (client: ApiClient, namespace: string | undefined, name?: string) => client.path({ group: 'batch', version: 'v1', plural: 'jobs', namespace, name });

/** What the applier needs besides the plan. */
export interface ApplyDeps {
  client: ApiClient;
  events: EventSink;
  log(message: string): void;
}

interface Progress {
  status: CronJobStatus;
  changed: boolean;
}

/** Applies the plan; resolves the requeue delay (undefined: none), throws to retry with backoff. */
export async function applyCronJobSync(deps: ApplyDeps, cronJob: Readonly<CronJob>, plan: CronJobSyncPlan): Promise<number | undefined> {
  const regarding = cronJobRef(cronJob);
  const event = (type: 'Normal' | 'Warning', reason: string, message: string) => deps.events({ regarding, type, reason, message });
  const progress: Progress = { status: structuredClone(plan.status), changed: plan.statusChanged };

  for (const job of plan.historyDeletes) await deleteJob(deps, event, job.metadata!.namespace, job.metadata!.name!);
  plan.events.forEach((e) => deps.events(e));

  let requeueAfterMs = plan.requeueAfterMs;
  try {
    for (const ref of plan.replace) await replaceJob(deps, event, ref, progress);
    if (plan.create) requeueAfterMs = await createJob(deps, event, cronJob, plan.create, progress);
  } finally {
    // Upstream writes what it learned even when the sync then fails.
    if (progress.changed) await updateStatus(deps.client, cronJob, progress.status);
  }
  return requeueAfterMs;
}

/** deleteJob: background propagation, so the Job's pods go with it through the garbage collector. */
async function deleteJob(deps: ApplyDeps, event: (t: 'Normal' | 'Warning', r: string, m: string) => void, namespace: string | undefined, name: string): Promise<boolean> {
  try {
    await deps.client.request('DELETE', jobPath(deps.client, namespace, name), { body: BACKGROUND });
  } catch (err) {
    event('Warning', 'FailedDelete', `Deleted job: ${(err as Error).message}`);
    deps.log(`cronjob-controller: error deleting job ${namespace}/${name}: ${(err as Error).message}`);
    return false;
  }
  event('Normal', 'SuccessfulDelete', `Deleted job ${name}`);
  return true;
}

async function replaceJob(deps: ApplyDeps, event: (t: 'Normal' | 'Warning', r: string, m: string) => void, ref: ObjectReference, progress: Progress): Promise<void> {
  try {
    await deps.client.request<Job>('GET', jobPath(deps.client, ref.namespace, ref.name));
  } catch (err) {
    event('Warning', 'FailedGet', `Get job: ${(err as Error).message}`);
    throw err;
  }
  if (!(await deleteJob(deps, event, ref.namespace, ref.name!))) throw new Error(`could not replace job ${ref.namespace}/${ref.name}`);
  progress.status.active = (progress.status.active ?? []).filter((r) => r.uid !== ref.uid);
  if (progress.status.active.length === 0) delete progress.status.active;
  progress.changed = true;
}

/** Creates the Job; resolves the requeue delay, or undefined where upstream leaves the CronJob until its next change. */
async function createJob(deps: ApplyDeps, event: (t: 'Normal' | 'Warning', r: string, m: string) => void, cronJob: Readonly<CronJob>, create: PlannedCreate, progress: Progress): Promise<number | undefined> {
  const { namespace, name } = create.job.metadata!;
  let job: Job;
  try {
    job = await deps.client.request<Job>('POST', jobPath(deps.client, namespace), { body: create.job });
    event('Normal', 'SuccessfulCreate', `Created job ${job.metadata?.name}`);
  } catch (err) {
    if (isNamespaceTerminating(err)) throw err;
    if (!isAlreadyExists(err)) {
      event('Warning', 'FailedCreate', `Error creating job: ${(err as Error).message}`);
      throw err;
    }
    // Someone else's Job by that name: assume its owner keeps its own books.
    job = await deps.client.request<Job>('GET', jobPath(deps.client, namespace, name));
    if (getControllerOf(job)?.uid !== cronJob.metadata?.uid) return undefined;
    if ((progress.status.active ?? []).some((r) => r.uid === job.metadata?.uid)) return undefined;
    deps.log(`cronjob-controller: job ${namespace}/${name} already exists for cronjob ${namespace}/${cronJob.metadata?.name}`);
  }
  progress.status.active = [...(progress.status.active ?? []), jobReference(job)];
  progress.status.lastScheduleTime = create.scheduledTime;
  progress.changed = true;
  return create.requeueAfterMs;
}

/** UpdateStatus: the whole CronJob at the resourceVersion it was read at. */
async function updateStatus(client: ApiClient, cronJob: Readonly<CronJob>, status: CronJobStatus): Promise<void> {
  const { namespace, name } = cronJob.metadata!;
  const path = client.path({ group: 'batch', version: 'v1', plural: 'cronjobs', namespace, name, subresource: 'status' });
  await client.request('PUT', path, { body: { ...cronJob, apiVersion: 'batch/v1', kind: 'CronJob', status } });
}
