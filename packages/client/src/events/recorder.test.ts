import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FakeClock, type KObject } from '@mk/api';
import { createClient } from '../rest-client';
import type { ApiClient } from '../types';
import { podManifest, startLiveServer, type LiveServer } from '../informer/test-support';
import { createEventRecorder } from './recorder';
import type { CoreEvent, EventRecorder } from './types';

let server: LiveServer;
let clock: FakeClock;
let logs: string[];
let recorder: EventRecorder | undefined;

beforeEach(async () => {
  server = await startLiveServer();
  clock = new FakeClock('2026-01-01T00:00:00Z');
  logs = [];
});

afterEach(async () => {
  recorder?.stop();
  await server.close();
});

const events = async (ns = 'default') => (await server.client.request<{ items: CoreEvent[] }>('GET', `/api/v1/namespaces/${ns}/events`)).items;

/** Resolves once the recorder waits on the clock before its next attempt. */
async function retryScheduled(): Promise<void> {
  while (clock.pending === 0) await new Promise((r) => setImmediate(r));
}

async function createdPod(): Promise<KObject> {
  return server.client.request<KObject>('POST', '/api/v1/namespaces/default/pods', { body: podManifest('web') });
}

describe('createEventRecorder', () => {
  it('reports dropped events once per backlog, not once per event', async () => {
    const pod = await createdPod();
    recorder = createEventRecorder(server.client, { component: 'kubelet', clock, log: (m) => logs.push(m), maxPending: 2 });
    for (let i = 0; i < 6; i++) recorder.event(pod, 'Normal', 'Pulled', `image pulled ${i}`);
    await recorder.flush();
    expect(logs).toEqual([
      'dropping events (first: Pulled about Pod default/web): too many events waiting to be written',
      'dropped 4 event(s) while too many were waiting to be written',
    ]);
    expect((await events()).map((e) => e.message).sort()).toEqual(['image pulled 0', 'image pulled 1']);
  });

  it('creates a core/v1 Event about the object', async () => {
    const pod = await createdPod();
    recorder = createEventRecorder(server.client, { component: 'default-scheduler', clock, log: (m) => logs.push(m) });
    recorder.event(pod, 'Normal', 'Scheduled', 'Successfully assigned default/web to n1');
    await recorder.flush();
    const [e, ...rest] = await events();
    expect(rest).toEqual([]);
    expect(e!.metadata.name).toMatch(/^web\.[0-9a-f]+$/);
    expect(e).toMatchObject({
      involvedObject: { kind: 'Pod', namespace: 'default', name: 'web', uid: pod.metadata!.uid, apiVersion: 'v1', resourceVersion: pod.metadata!.resourceVersion },
      reason: 'Scheduled',
      message: 'Successfully assigned default/web to n1',
      source: { component: 'default-scheduler' },
      reportingComponent: 'default-scheduler',
      reportingInstance: '',
      firstTimestamp: '2026-01-01T00:00:00Z',
      lastTimestamp: '2026-01-01T00:00:00Z',
      count: 1,
      type: 'Normal',
    });
    expect(logs).toEqual([]);
  });

  it('aggregates identical events into one Event with a rising count and lastTimestamp', async () => {
    const pod = await createdPod();
    recorder = createEventRecorder(server.client, { component: 'kubelet', host: 'n1', clock, log: (m) => logs.push(m) });
    recorder.event(pod, 'Warning', 'BackOff', 'Back-off restarting failed container');
    await clock.advance(10_000);
    recorder.event(pod, 'Warning', 'BackOff', 'Back-off restarting failed container');
    await clock.advance(20_000);
    recorder.event(pod, 'Warning', 'BackOff', 'Back-off restarting failed container');
    recorder.event(pod, 'Normal', 'Pulled', 'Container image "nginx:1.27" already present on machine');
    await recorder.flush();
    const all = await events();
    expect(all).toHaveLength(2);
    const backoff = all.find((e) => e.reason === 'BackOff')!;
    expect(backoff).toMatchObject({
      count: 3,
      firstTimestamp: '2026-01-01T00:00:00Z',
      lastTimestamp: '2026-01-01T00:00:30Z',
      source: { component: 'kubelet', host: 'n1' },
      reportingInstance: 'n1',
      type: 'Warning',
    });
  });

  it('puts events about cluster-scoped objects in default and takes references with a fieldPath', async () => {
    recorder = createEventRecorder(server.client, { component: 'kubelet', host: 'n1', clock });
    recorder.event({ kind: 'Node', name: 'n1', uid: 'n1' }, 'Normal', 'Starting', 'Starting kubelet.');
    recorder.event({ kind: 'Pod', apiVersion: 'v1', namespace: 'default', name: 'web', fieldPath: 'spec.containers{c}' }, 'Normal', 'Started', 'Started container c');
    await recorder.flush();
    const all = await events();
    expect(all.map((e) => [e.reason, e.involvedObject.fieldPath ?? '', e.involvedObject.namespace ?? ''])).toEqual(
      expect.arrayContaining([['Starting', '', ''], ['Started', 'spec.containers{c}', 'default']]),
    );
  });

  it('creates the Event again when the one it would patch is gone', async () => {
    const pod = await createdPod();
    recorder = createEventRecorder(server.client, { component: 'kubelet', clock });
    recorder.event(pod, 'Warning', 'Unhealthy', 'Readiness probe failed');
    await recorder.flush();
    const [first] = await events();
    await server.client.request('DELETE', `/api/v1/namespaces/default/events/${first!.metadata.name}`);
    recorder.event(pod, 'Warning', 'Unhealthy', 'Readiness probe failed');
    await recorder.flush();
    const [again, ...rest] = await events();
    expect(rest).toEqual([]);
    expect(again!.metadata.name).toBe(first!.metadata.name);
    expect(again!.count).toBe(2);
  });

  it('never throws into the caller: rejected events are logged once and dropped, bad input is logged', async () => {
    recorder = createEventRecorder(server.client, { component: 'kubelet', clock, log: (m) => logs.push(m) });
    recorder.event({ kind: 'Pod', namespace: 'no-such-namespace', name: 'p' }, 'Normal', 'A', 'a');
    recorder.event({ kind: 'Pod', namespace: 'no-such-namespace', name: 'q' }, 'Normal', 'B', 'b');
    recorder.event({ metadata: { name: 'no-kind' } }, 'Normal', 'C', 'c');
    recorder.event({ kind: 'Pod', name: 'p' }, 'Bogus' as 'Normal', 'D', 'd');
    await recorder.flush();
    expect(logs.filter((l) => l.startsWith('server rejected event'))).toHaveLength(1);
    expect(logs.some((l) => l.includes('could not construct reference'))).toBe(true);
    expect(logs).toContain("unsupported event type: 'Bogus'");
  });

  it('retries while the API server is unreachable and writes the event once it is back', async () => {
    const pod = await createdPod();
    const dead = createClient({ server: 'http://127.0.0.1:1', namespace: 'default' });
    let calls = 0;
    const live = server.client;
    const flaky: ApiClient = {
      config: live.config,
      request: ((...args: Parameters<ApiClient['request']>) => (++calls <= 2 ? dead.request(...args) : live.request(...args))) as ApiClient['request'],
      requestRaw: (...args) => live.requestRaw(...args),
      watch: (...args) => live.watch(...args),
      path: (p) => live.path(p),
      discover: () => live.discover(),
    };
    recorder = createEventRecorder(flaky, { component: 'kubelet', clock, log: (m) => logs.push(m), retryDelayMs: 1000 });
    recorder.event(pod, 'Normal', 'Pulling', 'Pulling image "nginx:1.27"');
    await retryScheduled();
    await clock.advance(1000); // the first wait is a random part of the delay
    await retryScheduled();
    expect(calls).toBe(2);
    await clock.advance(1000);
    await recorder.flush();
    expect(calls).toBe(3);
    expect((await events()).map((e) => e.reason)).toEqual(['Pulling']);
    expect(logs).toHaveLength(1);
    expect(logs[0]).toMatch(/^unable to write event web\.[0-9a-f]+ \(may retry after sleeping\)/);
  });
});
