/**
 * TTL after finished end to end: a Job run to Complete by the Job controller
 * is deleted (foreground, so with the foregroundDeletion finalizer while its
 * dependents would go — no garbage collector runs here) once its TTL passed.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { defaultTimings } from '@mk/api';
import type { Job } from 'kubernetes-types/batch/v1';
import type { Pod } from 'kubernetes-types/core/v1';
import { createControllerManager, type ControllerManager } from '../manager';
import { eventually, startTestCluster, type TestCluster } from '../testing/cluster';
import { jobController } from '../job/controller';
import { ttlAfterFinishedController } from './controller';

let cluster: TestCluster;
let manager: ControllerManager;

beforeEach(async () => {
  cluster = await startTestCluster();
  manager = createControllerManager({ client: cluster.client, timings: defaultTimings, clock: cluster.clock, available: [jobController, ttlAfterFinishedController], log: () => undefined });
  await manager.start();
});

afterEach(async () => {
  await manager.stop();
  await cluster.close();
});

const jobPath = '/apis/batch/v1/namespaces/default/jobs/short';
/** Gives reconciles started by the last clock step a moment of real time, before checking that something did NOT happen. */
const letInFlightWorkFinish = () => new Promise((resolve) => setTimeout(resolve, 200));

describe('ttl-after-finished controller', () => {
  it('deletes a finished Job once ttlSecondsAfterFinished has passed', async () => {
    const { client, clock } = cluster;
    await client.request('POST', '/apis/batch/v1/namespaces/default/jobs', {
      body: { apiVersion: 'batch/v1', kind: 'Job', metadata: { name: 'short' }, spec: { ttlSecondsAfterFinished: 60, template: { spec: { restartPolicy: 'Never', containers: [{ name: 'main', image: 'busybox' }] } } } },
    });
    const pod = await eventually(async () => {
      await clock.advance(50);
      const list = await client.request<{ items: Pod[] }>('GET', '/api/v1/namespaces/default/pods?labelSelector=job-name=short');
      expect(list.items).toHaveLength(1);
      return list.items[0];
    });
    await client.request('PATCH', `/api/v1/namespaces/default/pods/${pod.metadata!.name}/status`, { contentType: 'application/merge-patch+json', body: { status: { phase: 'Succeeded' } } });
    const finished = await eventually(async () => {
      await clock.advance(50);
      const job = (await cluster.get<Job>(jobPath))!;
      const complete = job.status?.conditions?.find((c) => c.type === 'Complete');
      expect(complete?.status).toBe('True');
      return Date.parse(complete!.lastTransitionTime!);
    });

    // One second short of the TTL the Job is still there.
    await clock.advance(finished + 59_000 - clock.now().getTime());
    await letInFlightWorkFinish();
    expect((await cluster.get<Job>(jobPath))?.metadata?.deletionTimestamp).toBeUndefined();

    await clock.advance(1_000);
    const deleting = await eventually(async () => {
      const job = (await cluster.get<Job>(jobPath))!;
      expect(job.metadata?.deletionTimestamp).toBeDefined();
      return job;
    });
    expect(deleting.metadata?.finalizers).toContain('foregroundDeletion');
  }, 30_000);
});
