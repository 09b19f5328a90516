import { FakeClock, type KObject } from '@mk/api';
import type { WatchEventJSON } from '@mk/client';
import { describe, expect, it } from 'vitest';
import { formatCliError } from '../error-boundary';
import { FakeApiClient, STANDARD_RESOURCES } from '../mutate/testing/fake-client';
import type { Target } from '../mutate/targets';
import { watchUntil } from './watch-until';

const PODS = '/api/v1/namespaces/default/pods';
const target: Target = { resource: STANDARD_RESOURCES.find((r) => r.kind === 'Pod')!, namespace: 'default', name: 'p1' };

function pod(rv: number, phase: string): KObject {
  return { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p1', namespace: 'default', resourceVersion: String(rv) }, status: { phase } };
}

function setup(list: KObject[], events: WatchEventJSON[] = [], check = (o: KObject) => (o.status as { phase: string }).phase === 'Running') {
  const client = new FakeApiClient(STANDARD_RESOURCES);
  client.on('GET', PODS, { kind: 'PodList', metadata: { resourceVersion: '10' }, items: list });
  client.watchEvents.set(PODS, events);
  const clock = new FakeClock();
  const abort = new AbortController();
  const logs: string[] = [];
  const done = watchUntil({ client, target, check, signal: abort.signal, clock, log: (m) => void logs.push(m) });
  return { client, clock, abort, done, logs };
}

describe('watchUntil', () => {
  it('lists and watches the one object by name until a version passes the check', async () => {
    const s = setup([pod(10, 'Pending')], [{ type: 'MODIFIED', object: pod(11, 'Pending') }, { type: 'MODIFIED', object: pod(12, 'Running') }]);
    expect((await s.done).metadata?.resourceVersion).toBe('12');
    const [list, watch] = s.client.requests;
    expect(list).toMatchObject({ method: 'GET', path: PODS, query: { fieldSelector: 'metadata.name=p1' } });
    expect(watch).toMatchObject({ method: 'WATCH', path: PODS, query: { fieldSelector: 'metadata.name=p1', resourceVersion: '10' } });
  });

  it('is done at once when the listed object already passes', async () => {
    const s = setup([pod(10, 'Running')]);
    expect((await s.done).metadata?.resourceVersion).toBe('10');
    expect(s.client.calls()[0]).toBe(`GET ${PODS}`);
  });

  it('fails with NotFound when the first list does not have the object', async () => {
    const s = setup([]);
    const err = await s.done.catch((e: unknown) => e);
    expect(formatCliError(err).message).toBe('Error from server (NotFound): pods "p1" not found\n');
  });

  it('keeps waiting through a deletion and times out when the signal aborts', async () => {
    const s = setup([pod(10, 'Pending')], [{ type: 'DELETED', object: pod(11, 'Pending') }]);
    const outcome = s.done.catch((e: Error) => e.message);
    while (!s.client.calls().includes(`WATCH ${PODS}`)) await new Promise((r) => setImmediate(r));
    s.abort.abort();
    expect(await outcome).toBe('timed out waiting for the condition on pods/p1');
  });

  it('ends with the error the check throws', async () => {
    const s = setup([pod(10, 'Pending')], [], () => {
      throw new Error('given jsonpath expression matches more than one value');
    });
    await expect(s.done).rejects.toThrow('given jsonpath expression matches more than one value');
  });

  it('re-watches from the last version when a stream ends and re-lists when that version expired', async () => {
    const batches: WatchEventJSON[][] = [
      [{ type: 'MODIFIED', object: pod(11, 'Pending') }],
      [{ type: 'ERROR', object: { kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Failure', reason: 'Expired', code: 410 } as unknown as KObject }],
      [{ type: 'MODIFIED', object: pod(21, 'Running') }],
    ];
    const client = new FakeApiClient(STANDARD_RESOURCES);
    client.on('GET', PODS, { kind: 'PodList', metadata: { resourceVersion: '10' }, items: [pod(10, 'Pending')] }, { kind: 'PodList', metadata: { resourceVersion: '20' }, items: [pod(20, 'Pending')] });
    const watch = client.watch.bind(client);
    client.watch = (path, opts) => {
      client.watchEvents.set(path, batches.shift() ?? []);
      return watch(path, opts);
    };
    const done = watchUntil({ client, target, check: (o) => (o.status as { phase: string }).phase === 'Running', signal: new AbortController().signal, clock: new FakeClock(), log: () => undefined });
    expect((await done).metadata?.resourceVersion).toBe('21');
    const versions = client.requests.map((r) => `${r.method} ${String(r.query.resourceVersion ?? '')}`);
    expect(versions).toEqual(['GET ', 'WATCH 10', 'WATCH 11', 'GET ', 'WATCH 20']);
  });

  it('times out at once when the deadline has already passed', async () => {
    const client = new FakeApiClient(STANDARD_RESOURCES);
    const abort = new AbortController();
    abort.abort();
    await expect(watchUntil({ client, target, check: () => true, signal: abort.signal, clock: new FakeClock(), log: () => undefined })).rejects.toThrow('timed out waiting for the condition on pods/p1');
    expect(client.calls()).toEqual([]);
  });
});
