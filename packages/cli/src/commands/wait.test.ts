import { FakeClock, type KObject } from '@mk/api';
import { describe, expect, it } from 'vitest';
import { formatCliError } from '../error-boundary';
import { notFoundFor } from '../mutate/testing/fake-client';
import { fakeCli } from '../mutate/testing/fake-context';
import { registerWait } from './wait';

const PODS = '/api/v1/namespaces/default/pods';
const DEPLOYS = '/apis/apps/v1/namespaces/default/deployments';

function pod(name: string, rv: number, phase: string, ready = 'False'): KObject {
  return { apiVersion: 'v1', kind: 'Pod', metadata: { name, namespace: 'default', resourceVersion: String(rv) }, status: { phase, conditions: [{ type: 'Ready', status: ready }] } };
}

function setup() {
  const clock = new FakeClock();
  const cli = fakeCli([(program, ctx) => registerWait(program, ctx, clock)]);
  return { cli, clock };
}

async function failure(run: Promise<void>): Promise<string> {
  return formatCliError(await run.then(() => undefined, (e: unknown) => e)).message;
}

/** Lets the command reach its next timer, then moves the clock on. */
async function advanceWhenWaiting(clock: FakeClock, ms: number): Promise<void> {
  while (clock.pending === 0) await new Promise((r) => setImmediate(r));
  await clock.advance(ms);
}

describe('mk wait', () => {
  it('watches a deployment until its Available condition holds, matching the name case-insensitively', async () => {
    const { cli } = setup();
    const web = (rv: number, status: string) => ({ apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'web', namespace: 'default', resourceVersion: String(rv), generation: 2 }, status: { observedGeneration: 2, conditions: [{ type: 'Available', status }] } });
    cli.client.on('GET', `${DEPLOYS}/web`, web(10, 'False'));
    cli.client.on('GET', DEPLOYS, { kind: 'DeploymentList', metadata: { resourceVersion: '10' }, items: [web(10, 'False')] });
    cli.client.watchEvents.set(DEPLOYS, [{ type: 'MODIFIED', object: web(11, 'True') }]);
    await cli.run('wait', '--for=condition=available', 'deployment/web');
    expect(cli.stdout()).toBe('deployment.apps/web condition met\n');
    expect(cli.client.requests.find((r) => r.method === 'WATCH')?.query).toMatchObject({ fieldSelector: 'metadata.name=web' });
  });

  it('waits for a JSONPath value', async () => {
    const { cli } = setup();
    cli.client.on('GET', `${PODS}/p1`, pod('p1', 10, 'Pending'));
    cli.client.on('GET', PODS, { kind: 'PodList', metadata: { resourceVersion: '10' }, items: [pod('p1', 10, 'Pending')] });
    cli.client.watchEvents.set(PODS, [{ type: 'MODIFIED', object: pod('p1', 11, 'Running') }]);
    await cli.run('wait', "--for=jsonpath={.status.phase}=Running", 'pod/p1');
    expect(cli.stdout()).toBe('pod/p1 condition met\n');
  });

  it('times out with the object in the message and exit 1', async () => {
    const { cli, clock } = setup();
    cli.client.on('GET', `${PODS}/p1`, pod('p1', 10, 'Pending'));
    cli.client.on('GET', PODS, { kind: 'PodList', metadata: { resourceVersion: '10' }, items: [pod('p1', 10, 'Pending')] });
    const outcome = failure(cli.run('wait', '--for=condition=Ready', 'pod/p1', '--timeout=5s'));
    await advanceWhenWaiting(clock, 5000);
    expect(await outcome).toBe('error: timed out waiting for the condition on pods/p1\n');
    expect(cli.stdout()).toBe('');
  });

  it('reports a missing object as the server does, except for --for=delete', async () => {
    const { cli } = setup();
    expect(await failure(cli.run('wait', '--for=condition=Ready', 'pod/nope'))).toBe('Error from server (NotFound): pods "nope" not found\n');
    await cli.run('wait', '--for=delete', 'pod/nope');
    expect(cli.stdout()).toBe('');
  });

  it('prints "condition met" when an object is deleted', async () => {
    const { cli } = setup();
    cli.client.on('GET', `${PODS}/p1`, pod('p1', 10, 'Running'), pod('p1', 10, 'Running'));
    cli.client.on('GET', PODS, { kind: 'PodList', metadata: { resourceVersion: '10' }, items: [pod('p1', 10, 'Running')] });
    cli.client.watchEvents.set(PODS, [{ type: 'DELETED', object: pod('p1', 11, 'Running') }]);
    await cli.run('wait', '--for=delete', 'pod/p1', '--timeout=60s');
    expect(cli.stdout()).toBe('pod/p1 condition met\n');
  });

  it('shares one deadline: objects after it fail as kubectl reports them', async () => {
    const { cli, clock } = setup();
    for (const name of ['a', 'b']) cli.client.on('GET', `${PODS}/${name}`, pod(name, 10, 'Pending'));
    cli.client.on('GET', PODS, { kind: 'PodList', metadata: { resourceVersion: '10' }, items: [pod('a', 10, 'Pending')] });
    // A watch that stays open until it is closed, as a real one does while nothing happens.
    cli.client.watch = async () => {
      let close = (): void => undefined;
      const done = new Promise<void>((resolve) => (close = resolve));
      return { done, close: () => close() };
    };
    const outcome = cli.run('wait', '--for=delete', 'pod/a', 'pod/b', '--timeout=2s').then(() => undefined, (e: unknown) => e);
    await advanceWhenWaiting(clock, 2000);
    expect(formatCliError(await outcome)).toEqual({ message: '', exitCode: 1 });
    expect(cli.stderr()).toBe('timed out waiting for the condition on pods/a\nclient rate limiter Wait returned an error: context deadline exceeded\n');
  });

  it('checks once with --timeout=0', async () => {
    const { cli } = setup();
    cli.client.on('GET', `${PODS}/p1`, pod('p1', 10, 'Running', 'True'));
    cli.client.on('GET', `${PODS}/p2`, pod('p2', 10, 'Pending'));
    await cli.run('wait', '--for=condition=Ready', 'pod/p1', '--timeout=0');
    expect(cli.stdout()).toBe('pod/p1 condition met\n');
    expect(await failure(cli.run('wait', '--for=condition=Ready', 'pod/p2', '--timeout=0'))).toBe('error: condition not met for pods/p2\n');
    expect(await failure(cli.run('wait', '--for=delete', 'pod/p2', '--timeout=0'))).toBe('error: condition not met for pods/p2\n');
    expect(cli.client.calls().filter((c) => c.startsWith('WATCH'))).toEqual([]);
  });

  it('waits for every object a selector lists, and needs at least one', async () => {
    const { cli } = setup();
    cli.client.on('GET', PODS, { kind: 'PodList', metadata: { resourceVersion: '10' }, items: [pod('a', 10, 'Running', 'True'), pod('b', 10, 'Running', 'True')] });
    await cli.run('wait', '--for=condition=Ready', 'pods', '-l', 'app=web');
    expect(cli.stdout()).toBe('pod/a condition met\npod/b condition met\n');
    const empty = setup();
    expect(await failure(empty.cli.run('wait', '--for=condition=Ready', 'pods', '--all'))).toBe('error: no matching resources found\n');
    await empty.cli.run('wait', '--for=delete', 'pods', '--all');
  });

  it('polls every half second for --for=create', async () => {
    const { cli, clock } = setup();
    const missing = (): never => {
      throw notFoundFor('GET', `${PODS}/p1`);
    };
    cli.client.on('GET', `${PODS}/p1`, missing, pod('p1', 10, 'Pending'));
    const done = cli.run('wait', '--for=create', 'pod/p1');
    await advanceWhenWaiting(clock, 500);
    await done;
    expect(cli.stdout()).toBe('pod/p1 condition met\n');
  });

  it('times out --for=create without naming the object', async () => {
    const { cli, clock } = setup();
    const outcome = failure(cli.run('wait', '--for=create', 'pod/p1', '--timeout=1s'));
    await advanceWhenWaiting(clock, 500);
    await advanceWhenWaiting(clock, 500);
    expect(await outcome).toBe('error: timed out waiting for the condition\n');
  });

  it("rejects a bad --for before reading anything, and a missing resource with the builder's message", async () => {
    const { cli } = setup();
    expect(await failure(cli.run('wait', 'pod/p1'))).toBe('error: unrecognized condition: ""\n');
    expect(await failure(cli.run('wait', '--for=foo', 'pod/p1'))).toBe('error: unrecognized condition: "foo"\n');
    expect(await failure(cli.run('wait', '--for=condition=Ready', 'pods'))).toBe('error: resource(s) were provided, but no name was specified\n');
    expect(cli.client.calls()).toEqual([]);
  });
});
