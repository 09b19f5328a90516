import { describe, expect, it } from 'vitest';
import type { CronJob, Job } from 'kubernetes-types/batch/v1';
import { ApiError, createClient, type ApiClient } from '@mk/client';
import type { EventSpec } from '../framework/events';
import { applyCronJobSync } from './apply';
import type { CronJobSyncPlan } from './plan';

const cronJob: CronJob = {
  metadata: { name: 'cj', namespace: 'default', uid: 'uid-cj', resourceVersion: '7' },
  spec: { schedule: '*/1 * * * *', jobTemplate: {} },
  status: { active: [{ kind: 'Job', apiVersion: 'batch/v1', namespace: 'default', name: 'cj-old', uid: 'uid-old' }] },
};

const newJob: Job = { apiVersion: 'batch/v1', kind: 'Job', metadata: { name: 'cj-29453761', namespace: 'default' }, spec: { template: {} } };

function basePlan(extra: Partial<CronJobSyncPlan> = {}): CronJobSyncPlan {
  return { historyDeletes: [], status: structuredClone(cronJob.status!), statusChanged: false, events: [], replace: [], ...extra };
}

const apiError = (code: number, reason: string, message: string) => new ApiError({ kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Failure', code, reason, message });

type Handler = (method: string, path: string, body: unknown) => unknown;

/** A client whose requests are answered by `handle` and recorded as `METHOD path`. */
function fakeClient(handle: Handler) {
  const real = createClient({ server: 'http://127.0.0.1:1', namespace: 'default' });
  const calls: { call: string; body: unknown }[] = [];
  const client = {
    path: real.path.bind(real),
    async request(method: string, path: string, opts?: { body?: unknown }) {
      calls.push({ call: `${method} ${path}`, body: opts?.body });
      return handle(method, path, opts?.body);
    },
  } as unknown as ApiClient;
  return { client, calls };
}

function run(handle: Handler, plan: CronJobSyncPlan) {
  const { client, calls } = fakeClient(handle);
  const events: string[] = [];
  const result = applyCronJobSync({ client, events: (e: EventSpec) => events.push(`${e.reason}: ${e.message}`), log: () => undefined }, cronJob, plan);
  return { result, calls, events };
}

const created = (body: unknown) => ({ ...(body as Job), metadata: { ...(body as Job).metadata, uid: 'uid-new', resourceVersion: '9' } });
const statusBody = (calls: { call: string; body: unknown }[]) => calls.find((c) => c.call.endsWith('/cronjobs/cj/status'))?.body as CronJob | undefined;

describe('applying a sync plan', () => {
  it('replaces the running job, creates the new one and records both in status', async () => {
    const plan = basePlan({ replace: [cronJob.status!.active![0]!], create: { job: newJob, scheduledTime: '2026-01-01T00:01:00Z', requeueAfterMs: 60_000 } });
    const { result, calls, events } = run((method, _path, body) => (method === 'POST' ? created(body) : {}), plan);
    expect(await result).toBe(60_000);
    expect(calls.map((c) => c.call)).toEqual([
      'GET /apis/batch/v1/namespaces/default/jobs/cj-old',
      'DELETE /apis/batch/v1/namespaces/default/jobs/cj-old',
      'POST /apis/batch/v1/namespaces/default/jobs',
      'PUT /apis/batch/v1/namespaces/default/cronjobs/cj/status',
    ]);
    expect(calls[1]!.body).toMatchObject({ propagationPolicy: 'Background' });
    expect(events).toEqual(['SuccessfulDelete: Deleted job cj-old', 'SuccessfulCreate: Created job cj-29453761']);
    expect(statusBody(calls)).toMatchObject({
      metadata: { resourceVersion: '7' },
      status: { lastScheduleTime: '2026-01-01T00:01:00Z', active: [{ kind: 'Job', name: 'cj-29453761', uid: 'uid-new', resourceVersion: '9' }] },
    });
  });

  it('deletes history first and reports a failed deletion', async () => {
    const old = (name: string): Job => ({ metadata: { name, namespace: 'default' } });
    const plan = basePlan({ historyDeletes: [old('cj-1'), old('cj-2')], events: [{ regarding: { apiVersion: 'batch/v1', kind: 'CronJob', name: 'cj' }, type: 'Normal', reason: 'SawCompletedJob', message: 'Saw completed job: cj-3, condition: Complete' }] });
    const { result, events } = run((method, path) => {
      if (method === 'DELETE' && path.endsWith('/cj-2')) throw apiError(404, 'NotFound', 'jobs.batch "cj-2" not found');
      return {};
    }, plan);
    expect(await result).toBeUndefined();
    expect(events).toEqual(['SuccessfulDelete: Deleted job cj-1', 'FailedDelete: Deleted job: jobs.batch "cj-2" not found', 'SawCompletedJob: Saw completed job: cj-3, condition: Complete']);
  });

  it('adopts its own job into status when it already exists', async () => {
    const existing = { ...newJob, metadata: { ...newJob.metadata, uid: 'uid-existing', ownerReferences: [{ apiVersion: 'batch/v1', kind: 'CronJob', name: 'cj', uid: 'uid-cj', controller: true }] } };
    const plan = basePlan({ create: { job: newJob, scheduledTime: '2026-01-01T00:01:00Z', requeueAfterMs: 60_000 } });
    const { result, calls, events } = run((method) => {
      if (method === 'POST') throw apiError(409, 'AlreadyExists', 'jobs.batch "cj-29453761" already exists');
      return existing;
    }, plan);
    expect(await result).toBe(60_000);
    expect(events).toEqual([]);
    expect(statusBody(calls)?.status?.active?.map((r) => r.uid)).toEqual(['uid-old', 'uid-existing']);
  });

  it('leaves someone else\'s job of that name alone, and waits for the next change', async () => {
    const foreign = { ...newJob, metadata: { ...newJob.metadata, uid: 'uid-foreign' } };
    const plan = basePlan({ create: { job: newJob, scheduledTime: '2026-01-01T00:01:00Z', requeueAfterMs: 60_000 } });
    const { result, calls } = run((method) => {
      if (method === 'POST') throw apiError(409, 'AlreadyExists', 'exists');
      return foreign;
    }, plan);
    expect(await result).toBeUndefined();
    expect(statusBody(calls)).toBeUndefined();
  });

  it('reports a failed creation, still writes what it learned, and fails for a retry', async () => {
    const plan = basePlan({ statusChanged: true, create: { job: newJob, scheduledTime: '2026-01-01T00:01:00Z', requeueAfterMs: 60_000 } });
    const { result, calls, events } = run((method) => {
      if (method === 'POST') throw apiError(422, 'Invalid', 'Job.batch "cj-29453761" is invalid');
      return {};
    }, plan);
    await expect(result).rejects.toThrow('is invalid');
    expect(events).toEqual(['FailedCreate: Error creating job: Job.batch "cj-29453761" is invalid']);
    expect(statusBody(calls)?.status?.lastScheduleTime).toBeUndefined();
  });

  it('stops before creating when a replaced job cannot be deleted', async () => {
    const plan = basePlan({ replace: [cronJob.status!.active![0]!], create: { job: newJob, scheduledTime: '2026-01-01T00:01:00Z', requeueAfterMs: 60_000 } });
    const { result, calls, events } = run((method) => {
      if (method === 'DELETE') throw apiError(500, 'InternalError', 'boom');
      return {};
    }, plan);
    await expect(result).rejects.toThrow('could not replace job default/cj-old');
    expect(events).toEqual(['FailedDelete: Deleted job: boom']);
    expect(calls.some((c) => c.call.startsWith('POST'))).toBe(false);
  });
});
