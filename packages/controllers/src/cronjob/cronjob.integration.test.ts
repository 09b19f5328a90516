/**
 * The CronJob controller end to end against a real API server, time driven
 * by a FakeClock: an every-minute CronJob starts its Job at the minute, lists
 * it as active, forgets it once it completes and keeps only the newest
 * succeeded Jobs.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { defaultTimings } from '@mk/api';
import type { CronJob, Job } from 'kubernetes-types/batch/v1';
import { createControllerManager, type ControllerManager } from '../manager';
import { eventually, startTestCluster, type TestCluster } from '../testing/cluster';
import { cronJobController } from './controller';

let cluster: TestCluster;
let manager: ControllerManager | undefined;

beforeEach(async () => {
  cluster = await startTestCluster('2026-01-01T00:00:00Z');
});

afterEach(async () => {
  await manager?.stop();
  manager = undefined;
  await cluster.close();
});

const CRONJOBS = '/apis/batch/v1/namespaces/default/cronjobs';
const JOBS = '/apis/batch/v1/namespaces/default/jobs';
const minutes = (iso: string) => Date.parse(iso) / 60_000;
/** Gives reconciles started by the last clock step a moment of real time, before checking that something did NOT happen. */
const letInFlightWorkFinish = () => new Promise((resolve) => setTimeout(resolve, 200));

async function completeJob(name: string, start: string, end: string): Promise<void> {
  const conditions = [
    { type: 'SuccessCriteriaMet', status: 'True', lastProbeTime: end, lastTransitionTime: end },
    { type: 'Complete', status: 'True', lastProbeTime: end, lastTransitionTime: end },
  ];
  await cluster.client.request('PATCH', `${JOBS}/${name}/status`, {
    contentType: 'application/merge-patch+json',
    body: { status: { startTime: start, completionTime: end, succeeded: 1, conditions } },
  });
}

async function eventMessages(): Promise<string[]> {
  const list = await cluster.client.request<{ items: { reason: string; message: string; involvedObject: { kind: string; name: string } }[] }>('GET', '/api/v1/namespaces/default/events');
  return list.items.filter((e) => e.involvedObject.kind === 'CronJob').map((e) => `${e.reason}: ${e.message}`);
}

describe('cronjob controller', () => {
  it('starts a Job each minute, tracks it in status and keeps the history limit', async () => {
    const { client, clock } = cluster;
    await client.request('POST', CRONJOBS, {
      body: {
        apiVersion: 'batch/v1',
        kind: 'CronJob',
        metadata: { name: 'tick' },
        spec: {
          schedule: '*/1 * * * *',
          successfulJobsHistoryLimit: 1,
          jobTemplate: {
            metadata: { labels: { app: 'tick' }, annotations: { team: 'infra' } },
            spec: { template: { spec: { restartPolicy: 'OnFailure', containers: [{ name: 'c', image: 'busybox' }] } } },
          },
        },
      },
    });
    manager = createControllerManager({ client, timings: defaultTimings, clock, log: () => undefined, available: [cronJobController] });
    await manager.start();

    // Nothing is due before the first minute.
    const first = `tick-${minutes('2026-01-01T00:01:00Z')}`;
    await clock.advance(59_000);
    await letInFlightWorkFinish();
    expect((await client.request<{ items: Job[] }>('GET', JOBS)).items).toEqual([]);

    await clock.advance(1_200);
    const job = await eventually(async () => (await cluster.get<Job>(`${JOBS}/${first}`))!);
    expect(job.metadata?.labels).toMatchObject({ app: 'tick' });
    expect(job.metadata?.annotations).toEqual({ team: 'infra', 'batch.kubernetes.io/cronjob-scheduled-timestamp': '2026-01-01T00:01:00Z' });
    expect(job.metadata?.ownerReferences).toEqual([expect.objectContaining({ apiVersion: 'batch/v1', kind: 'CronJob', name: 'tick', controller: true, blockOwnerDeletion: true })]);

    const active = await eventually(async () => {
      const cj = (await cluster.get<CronJob>(`${CRONJOBS}/tick`))!;
      expect(cj.status?.lastScheduleTime).toBe('2026-01-01T00:01:00Z');
      expect(cj.status?.active).toHaveLength(1);
      return cj.status!.active![0]!;
    });
    expect(active).toMatchObject({ kind: 'Job', apiVersion: 'batch/v1', namespace: 'default', name: first, uid: job.metadata?.uid });

    await completeJob(first, '2026-01-01T00:01:00Z', '2026-01-01T00:01:30Z');
    await eventually(async () => {
      const cj = (await cluster.get<CronJob>(`${CRONJOBS}/tick`))!;
      expect(cj.status?.active).toBeUndefined();
      expect(cj.status?.lastSuccessfulTime).toBe('2026-01-01T00:01:30Z');
    });

    // The next minute brings the next Job; once it too succeeds, only it is kept.
    const second = `tick-${minutes('2026-01-01T00:02:00Z')}`;
    await clock.advance(60_000);
    await eventually(async () => expect(await cluster.get<Job>(`${JOBS}/${second}`)).toBeDefined());
    await completeJob(second, '2026-01-01T00:02:00Z', '2026-01-01T00:02:20Z');
    await eventually(async () => {
      expect(await cluster.get<Job>(`${JOBS}/${first}`)).toBeUndefined();
      const cj = (await cluster.get<CronJob>(`${CRONJOBS}/tick`))!;
      expect(cj.status?.lastSuccessfulTime).toBe('2026-01-01T00:02:20Z');
    });
    expect(await cluster.get<Job>(`${JOBS}/${second}`)).toBeDefined();

    const messages = await eventually(async () => {
      const all = await eventMessages();
      expect(all).toContain(`SuccessfulDelete: Deleted job ${first}`);
      return all;
    });
    expect(messages).toEqual(
      expect.arrayContaining([
        `SuccessfulCreate: Created job ${first}`,
        `SawCompletedJob: Saw completed job: ${first}, condition: Complete`,
        `SuccessfulCreate: Created job ${second}`,
      ]),
    );
  });
});
