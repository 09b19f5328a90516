import { FakeClock } from '@mk/api';
import { describe, expect, it } from 'vitest';
import { FakeApiClient, STANDARD_RESOURCES, statusError } from '../mutate/testing/fake-client';
import type { Target } from '../mutate/targets';
import { scaleOnce, scaleWithRetry, waitForReplicas } from './scaler';

const SCALE = '/apis/apps/v1/namespaces/default/deployments/web/scale';
const target: Target = { resource: STANDARD_RESOURCES.find((r) => r.kind === 'Deployment')!, namespace: 'default', name: 'web' };

function scaleObject(spec: number, status: number, rv = '41') {
  return { kind: 'Scale', apiVersion: 'autoscaling/v1', metadata: { name: 'web', namespace: 'default', resourceVersion: rv }, spec: { replicas: spec }, status: { replicas: status, selector: 'app=web' } };
}

const conflict = () => {
  throw statusError(409, 'Conflict', 'Operation cannot be fulfilled on deployments.apps "web": the object has been modified; please apply your changes to the latest version and try again');
};

/** Lets the code under test reach its next sleep, then moves the clock past it. */
async function advanceWhenSleeping(clock: FakeClock, ms: number): Promise<void> {
  while (clock.pending === 0) await new Promise((r) => setImmediate(r));
  await clock.advance(ms);
}

describe('scaleOnce', () => {
  it('sends a blind JSON merge patch of spec.replicas without preconditions', async () => {
    const client = new FakeApiClient(STANDARD_RESOURCES).on('PATCH', SCALE, scaleObject(3, 2, '42'));
    expect(await scaleOnce({ client, target, replicas: 3, serverDryRun: false })).toBe('42');
    expect(client.requests).toEqual([{ method: 'PATCH', path: SCALE, query: {}, body: { spec: { replicas: 3 } }, contentType: 'application/merge-patch+json', accept: undefined }]);
  });

  it('marks a server dry run with dryRun=All', async () => {
    const client = new FakeApiClient(STANDARD_RESOURCES).on('PATCH', SCALE, scaleObject(3, 2));
    await scaleOnce({ client, target, replicas: 3, serverDryRun: true });
    expect(client.requests[0]!.query).toEqual({ dryRun: 'All' });
  });

  it('GETs the Scale, checks the preconditions and PUTs it back with the new size', async () => {
    const client = new FakeApiClient(STANDARD_RESOURCES).on('GET', SCALE, scaleObject(2, 2)).on('PUT', SCALE, scaleObject(5, 2, '43'));
    expect(await scaleOnce({ client, target, replicas: 5, precondition: { size: 2, resourceVersion: '41' }, serverDryRun: false })).toBe('43');
    expect(client.calls()).toEqual([`GET ${SCALE}`, `PUT ${SCALE}`]);
    expect(client.requests[1]!.body).toEqual(scaleObject(5, 2));
  });

  it('sends nothing when a precondition fails', async () => {
    const client = new FakeApiClient(STANDARD_RESOURCES).on('GET', SCALE, scaleObject(3, 3));
    await expect(scaleOnce({ client, target, replicas: 5, precondition: { size: 2, resourceVersion: '' }, serverDryRun: false })).rejects.toThrow('Expected replicas to be 2, was 3');
    expect(client.calls()).toEqual([`GET ${SCALE}`]);
  });
});

describe('scaleWithRetry', () => {
  it('retries a conflict after a second', async () => {
    const client = new FakeApiClient(STANDARD_RESOURCES).on('GET', SCALE, scaleObject(2, 2)).on('PUT', SCALE, conflict, scaleObject(5, 2));
    const clock = new FakeClock();
    const done = scaleWithRetry({ client, target, replicas: 5, precondition: { size: 2, resourceVersion: '' }, serverDryRun: false }, clock);
    await advanceWhenSleeping(clock, 1000);
    await done;
    expect(client.calls()).toEqual([`GET ${SCALE}`, `PUT ${SCALE}`, `GET ${SCALE}`, `PUT ${SCALE}`]);
  });

  it('gives up on other errors at once', async () => {
    const client = new FakeApiClient(STANDARD_RESOURCES);
    await expect(scaleWithRetry({ client, target, replicas: 5, serverDryRun: false }, new FakeClock())).rejects.toThrow('deployments.apps "web" not found');
    expect(client.calls()).toEqual([`PATCH ${SCALE}`]);
  });

  it('stops retrying conflicts after five minutes', async () => {
    const client = new FakeApiClient(STANDARD_RESOURCES).on('PATCH', SCALE, conflict);
    const clock = new FakeClock();
    const done = scaleWithRetry({ client, target, replicas: 5, serverDryRun: false }, clock);
    const outcome = done.catch((e: Error) => e.message);
    for (let i = 0; i < 300; i++) await advanceWhenSleeping(clock, 1000);
    expect(await outcome).toBe('timed out waiting for the condition');
    expect(client.calls()).toHaveLength(301);
  });
});

describe('waitForReplicas', () => {
  it('polls every second until spec and status both have the new size', async () => {
    const client = new FakeApiClient(STANDARD_RESOURCES).on('GET', SCALE, scaleObject(3, 1), scaleObject(3, 3));
    const clock = new FakeClock();
    const done = waitForReplicas(client, target, 3, 10_000, clock);
    await advanceWhenSleeping(clock, 1000);
    await done;
    expect(client.calls()).toEqual([`GET ${SCALE}`, `GET ${SCALE}`]);
  });

  it('stops waiting when someone else changed the size', async () => {
    const client = new FakeApiClient(STANDARD_RESOURCES).on('GET', SCALE, scaleObject(7, 1));
    await waitForReplicas(client, target, 3, 10_000, new FakeClock());
    expect(client.calls()).toEqual([`GET ${SCALE}`]);
  });

  it('times out with kubectl\'s message', async () => {
    const client = new FakeApiClient(STANDARD_RESOURCES).on('GET', SCALE, scaleObject(3, 1));
    const clock = new FakeClock();
    const outcome = waitForReplicas(client, target, 3, 2_000, clock).catch((e: Error) => e.message);
    await advanceWhenSleeping(clock, 1000);
    await advanceWhenSleeping(clock, 1000);
    expect(await outcome).toBe('timed out waiting for "web" to be synced');
  });
});
