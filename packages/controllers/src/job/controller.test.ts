/**
 * The Job controller end to end against a real API server, time driven by a
 * FakeClock. No kubelet runs: the test finishes pods by writing their phase
 * through /status, as a kubelet would.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { defaultTimings } from '@mk/api';
import type { Job } from 'kubernetes-types/batch/v1';
import type { Pod } from 'kubernetes-types/core/v1';
import { createControllerManager, type ControllerManager } from '../manager';
import { eventually, startTestCluster, type TestCluster } from '../testing/cluster';
import { jobController } from './controller';

let cluster: TestCluster;
let manager: ControllerManager;

beforeEach(async () => {
  cluster = await startTestCluster();
  manager = createControllerManager({ client: cluster.client, timings: defaultTimings, clock: cluster.clock, available: [jobController], log: () => undefined });
  await manager.start();
});

afterEach(async () => {
  await manager.stop();
  await cluster.close();
});

const jobsPath = '/apis/batch/v1/namespaces/default/jobs';
const template = { spec: { restartPolicy: 'Never', containers: [{ name: 'main', image: 'busybox' }] } };

async function createJob(name: string, spec: Record<string, unknown>): Promise<Job> {
  return cluster.client.request<Job>('POST', jobsPath, { body: { apiVersion: 'batch/v1', kind: 'Job', metadata: { name }, spec: { template, ...spec } } });
}

async function podsOf(job: string): Promise<Pod[]> {
  const list = await cluster.client.request<{ items: Pod[] }>('GET', `/api/v1/namespaces/default/pods?labelSelector=batch.kubernetes.io/job-name=${job}`);
  return list.items;
}

/** What the kubelet would report for a finished pod. */
async function finishPod(pod: Pod, phase: 'Succeeded' | 'Failed'): Promise<void> {
  await cluster.client.request('PATCH', `/api/v1/namespaces/default/pods/${pod.metadata!.name}/status`, { contentType: 'application/merge-patch+json', body: { status: { phase } } });
}

/**
 * eventually, nudging fake time forward a little on every poll: a status write
 * that raced the controller's own cache is retried after a (fake-time) backoff.
 */
const settle = <T>(check: () => Promise<T>) =>
  eventually(async () => {
    await cluster.clock.advance(50);
    return check();
  });

const conditions = (job: Job) => (job.status?.conditions ?? []).map((c) => `${c.type}=${c.status} ${c.reason ?? ''}`);

async function jobEvents(name: string): Promise<string[]> {
  const list = await cluster.client.request<{ items: { reason: string; message: string; source: { component: string }; involvedObject: { kind: string; name: string } }[] }>('GET', '/api/v1/namespaces/default/events');
  return list.items.filter((e) => e.involvedObject.kind === 'Job' && e.involvedObject.name === name).map((e) => `${e.source.component} ${e.reason}: ${e.message}`);
}

describe('job controller', () => {
  it('runs completions 3 with parallelism 2 to Complete', async () => {
    await createJob('pi', { completions: 3, parallelism: 2 });
    const first = await settle(async () => {
      const pods = await podsOf('pi');
      expect(pods).toHaveLength(2);
      return pods;
    });
    for (const pod of first) {
      expect(pod.metadata?.generateName).toBe('pi-');
      expect(pod.metadata?.finalizers).toEqual(['batch.kubernetes.io/job-tracking']);
      expect(pod.metadata?.ownerReferences?.[0]).toMatchObject({ kind: 'Job', name: 'pi', controller: true });
    }
    await settle(async () => expect((await cluster.get<Job>(`${jobsPath}/pi`))?.status).toMatchObject({ active: 2, ready: 0, terminating: 0 }));

    await finishPod(first[0], 'Succeeded');
    const third = await settle(async () => {
      const pods = await podsOf('pi');
      expect(pods).toHaveLength(3);
      return pods.find((p) => !first.some((f) => f.metadata?.name === p.metadata?.name))!;
    });
    await settle(async () => {
      const counted = (await podsOf('pi')).find((p) => p.metadata?.name === first[0].metadata?.name)!;
      expect(counted.metadata?.finalizers ?? []).toEqual([]);
      expect((await cluster.get<Job>(`${jobsPath}/pi`))?.status).toMatchObject({ succeeded: 1, active: 2 });
    });

    await finishPod(first[1], 'Succeeded');
    await finishPod(third, 'Succeeded');
    const done = await settle(async () => {
      const job = (await cluster.get<Job>(`${jobsPath}/pi`))!;
      expect(conditions(job)).toEqual(['SuccessCriteriaMet=True CompletionsReached', 'Complete=True CompletionsReached']);
      return job;
    });
    expect(done.status).toMatchObject({ succeeded: 3, ready: 0, terminating: 0, uncountedTerminatedPods: {} });
    expect(done.status?.active).toBeUndefined();
    expect(done.status?.completionTime).toBe(done.status?.conditions?.[1].lastTransitionTime);
    await settle(async () => {
      const events = await jobEvents('pi');
      expect(events.filter((e) => e.startsWith('job-controller SuccessfulCreate: Created pod: pi-'))).toHaveLength(3);
      expect(events).toContain('job-controller Completed: Job completed');
    });
  }, 30_000);

  it('fails a Job past its backoffLimit once the backoff has let it retry', async () => {
    await createJob('flaky', { backoffLimit: 1 });
    const [first] = await settle(async () => {
      const pods = await podsOf('flaky');
      expect(pods).toHaveLength(1);
      return pods;
    });
    await finishPod(first, 'Failed');
    await settle(async () => expect((await cluster.get<Job>(`${jobsPath}/flaky`))?.status?.failed).toBe(1));

    // The replacement waits out the 10 s backoff; advancing fake time a second per poll gets there.
    const second = await eventually(async () => {
      await cluster.clock.advance(1_000);
      const pods = await podsOf('flaky');
      expect(pods).toHaveLength(2);
      return pods.find((p) => p.metadata?.name !== first.metadata?.name)!;
    });
    await finishPod(second, 'Failed');
    const failed = await settle(async () => {
      const job = (await cluster.get<Job>(`${jobsPath}/flaky`))!;
      expect(conditions(job)).toEqual(['FailureTarget=True BackoffLimitExceeded', 'Failed=True BackoffLimitExceeded']);
      return job;
    });
    expect(failed.status?.conditions?.[1].message).toBe('Job has reached the specified backoff limit');
    expect(failed.status).toMatchObject({ failed: 2, terminating: 0 });
    expect(failed.status?.completionTime).toBeUndefined();
    await settle(async () => expect(await jobEvents('flaky')).toContain('job-controller BackoffLimitExceeded: Job has reached the specified backoff limit'));
  }, 30_000);
});
