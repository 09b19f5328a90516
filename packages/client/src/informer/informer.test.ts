import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { KObject } from '@mk/api';
import { createInformer } from './informer';
import { HandlerLog, RecordingClient, podManifest, startLiveServer, type LiveServer } from './test-support';
import type { Informer } from './types';
import type { ApiClient } from '../types';

const pods = { group: '', version: 'v1', plural: 'pods' };
const podsPath = '/api/v1/namespaces/default/pods';

let server: LiveServer;
let client: RecordingClient;
let informer: Informer | undefined;

beforeEach(async () => {
  server = await startLiveServer();
  client = new RecordingClient(server.client);
});

afterEach(async () => {
  informer?.stop();
  informer = undefined;
  await server.close();
});

const createPod = (name: string, labels?: Record<string, string>, ns = 'default') =>
  server.client.request<KObject>('POST', `/api/v1/namespaces/${ns}/pods`, { body: podManifest(name, labels, ns) });
const labelPod = (name: string, labels: Record<string, string>) =>
  server.client.request<KObject>('PATCH', `${podsPath}/${name}`, { body: { metadata: { labels } }, contentType: 'application/merge-patch+json' });
const deletePod = (name: string) => server.client.request('DELETE', `${podsPath}/${name}`);

function start(opts: Parameters<typeof createInformer>[2] = {}): { informer: Informer; log: HandlerLog } {
  informer = createInformer(client, { ...pods, namespace: 'default' }, { relistBackoffMs: 5, log: () => {}, ...opts });
  const log = new HandlerLog();
  informer.addHandlers(log);
  informer.start();
  return { informer, log };
}

describe('createInformer', () => {
  it('lists in pages into the cache and resolves synced() after the handlers saw the list', async () => {
    for (const n of ['a', 'b', 'c']) await createPod(n);
    const { informer, log } = start({ pageSize: 2 });
    await informer.synced();
    expect(informer.hasSynced()).toBe(true);
    expect(log.entries).toEqual(['add default/a', 'add default/b', 'add default/c']);
    expect(client.lists.map((l) => [l.limit, l.continue === undefined])).toEqual([[2, true], [2, false]]);
    const a = informer.lister.get('default/a')!;
    // List items arrive without apiVersion/kind; the cache carries them like watch events do.
    expect([a.apiVersion, a.kind]).toEqual(['v1', 'Pod']);
    expect(informer.lister.list().map((p) => p.metadata!.name).sort()).toEqual(['a', 'b', 'c']);
  });

  it('watches from the list resourceVersion with bookmarks and a timeout, and applies adds, updates and deletes', async () => {
    await createPod('a');
    const { informer, log } = start();
    await informer.synced();
    const listRv = informer.lastSyncResourceVersion();
    const seenByHandlers: string[] = [];
    informer.addHandlers({
      // The cache already holds the new state when a handler runs.
      onUpdate: (_old, obj) => seenByHandlers.push(informer.lister.get('default/a') === obj ? 'cache updated' : 'stale cache'),
      onDelete: () => seenByHandlers.push(informer.lister.get('default/a') === undefined ? 'cache updated' : 'stale cache'),
    });
    await createPod('b');
    await labelPod('a', { app: 'db' });
    await deletePod('a');
    await log.seen('delete default/a');
    expect(log.entries).toEqual(['add default/a', 'add default/b', 'update default/a', 'delete default/a']);
    expect(seenByHandlers).toEqual(['cache updated', 'cache updated']);
    expect(client.watches[0]).toMatchObject({ resourceVersion: listRv, allowWatchBookmarks: true });
    expect(client.watches[0].timeoutSeconds).toBeGreaterThanOrEqual(300);
    expect(informer.lister.list().map((p) => p.metadata!.name)).toEqual(['b']);
  });

  it('hands onUpdate the previous and the new object', async () => {
    await createPod('a', { app: 'web' });
    const updates: [string, string][] = [];
    const { informer, log } = start();
    informer.addHandlers({ onUpdate: (o, n) => updates.push([o.metadata!.labels!.app!, n.metadata!.labels!.app!]) });
    await informer.synced();
    await labelPod('a', { app: 'db' });
    await log.seen('update default/a');
    expect(updates).toEqual([['web', 'db']]);
  });

  it('freezes cached objects deeply', async () => {
    await createPod('a');
    const { informer } = start();
    await informer.synced();
    const a = informer.lister.get('default/a')!;
    expect(() => {
      (a.metadata!.labels as Record<string, string>).app = 'mutated';
    }).toThrow(TypeError);
    expect(() => {
      ((a.spec as { containers: { image: string }[] }).containers[0]!).image = 'x';
    }).toThrow(TypeError);
    expect(informer.lister.get('default/a')!.metadata!.labels!.app).toBe('web');
  });

  it('gives handlers added after the sync synthetic adds for the cached objects', async () => {
    await createPod('a');
    await createPod('b');
    const { informer } = start();
    await informer.synced();
    const late = new HandlerLog();
    informer.addHandlers(late);
    expect(late.entries.sort()).toEqual(['add default/a', 'add default/b']);
  });

  it('keeps custom and namespace indexes current on every change', async () => {
    await server.client.request('POST', '/api/v1/namespaces', { body: { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'other' } } });
    await createPod('a', { app: 'web' });
    informer = createInformer(client, pods, { log: () => {} });
    const inf = informer;
    inf.addIndex('byApp', (o) => [o.metadata?.labels?.app ?? '']);
    const log = new HandlerLog();
    inf.addHandlers(log);
    inf.start();
    await inf.synced();
    await createPod('b', { app: 'web' });
    await createPod('c', { app: 'web' }, 'other');
    await labelPod('a', { app: 'db' });
    await log.seen('update default/a');
    const names = (objs: readonly KObject[]) => objs.map((o) => o.metadata!.name).sort();
    expect(names(inf.lister.byIndex('byApp', 'web'))).toEqual(['b', 'c']);
    expect(names(inf.lister.byIndex('byApp', 'db'))).toEqual(['a']);
    expect(names(inf.lister.byNamespace('other'))).toEqual(['c']);
    expect(names(inf.lister.byNamespace('default'))).toEqual(['a', 'b']);
    // An index added later is built from the cache.
    inf.addIndex('byName', (o) => [o.metadata!.name!]);
    expect(names(inf.lister.byIndex('byName', 'c'))).toEqual(['c']);
    await deletePod('b');
    await log.seen('delete default/b');
    expect(names(inf.lister.byIndex('byApp', 'web'))).toEqual(['c']);
    expect(() => inf.lister.byIndex('nope', 'x')).toThrow('Index with name nope does not exist');
  });

  it('narrows by label selector', async () => {
    await createPod('a', { app: 'web' });
    await createPod('b', { app: 'db' });
    informer = createInformer(client, { ...pods, namespace: 'default', labelSelector: 'app=web' }, { log: () => {} });
    const log = new HandlerLog();
    informer.addHandlers(log);
    informer.start();
    await informer.synced();
    // b starts matching: the filtered watch reports it as ADDED; a stops matching: DELETED.
    await labelPod('b', { app: 'web' });
    await labelPod('a', { app: 'db' });
    await log.seen('delete default/a');
    expect(log.entries).toEqual(['add default/a', 'add default/b', 'delete default/a']);
  });

  it('re-watches from the last seen resourceVersion when the stream ends, without re-listing', async () => {
    await createPod('a');
    const { informer, log } = start();
    await informer.synced();
    await createPod('b');
    await log.seen('add default/b');
    const rv = informer.lastSyncResourceVersion();
    await client.watchOpen();
    client.closeWatches();
    await createPod('c');
    await log.seen('add default/c');
    expect(client.lists).toHaveLength(1);
    expect(client.watches.map((w) => w.resourceVersion)).toEqual([expect.any(String), rv]);
  });

  it('resumes after the server goes away and comes back, delivering what changed meanwhile', async () => {
    await createPod('a');
    const { informer, log } = start();
    await informer.synced();
    await client.watchOpen();
    await server.restart();
    await createPod('b');
    await log.seen('add default/b');
    expect(client.lists).toHaveLength(1);
    expect(log.entries).toEqual(['add default/a', 'add default/b']);
  });

  it('re-lists after the watch resourceVersion was compacted and reports the differences', async () => {
    await createPod('keep');
    await createPod('change');
    await createPod('gone');
    const { informer, log } = start();
    await informer.synced();
    await client.watchOpen();
    // Changes happen while no watch is open, then history is compacted past them: the re-watch gets 410.
    client.hold();
    client.closeWatches();
    await labelPod('change', { app: 'db' });
    await deletePod('gone');
    await createPod('new');
    await server.store.compact(await server.store.revision());
    client.release();
    await log.seen('add default/new');
    expect(client.lists).toHaveLength(2);
    expect(log.entries.slice(3)).toEqual(['update default/change', 'add default/new', 'delete default/gone']);
    expect(informer.lister.list().map((p) => p.metadata!.name).sort()).toEqual(['change', 'keep', 'new']);
  });

  it('resyncs every resyncMs with onUpdate(obj, obj)', async () => {
    const { FakeClock } = await import('@mk/api');
    const clock = new FakeClock();
    await createPod('a');
    const { informer, log } = start({ clock, resyncMs: 30_000 });
    await informer.synced();
    await clock.advance(30_000);
    await clock.advance(30_000);
    expect(log.entries).toEqual(['add default/a', 'update default/a (resync)', 'update default/a (resync)']);
  });

  it('rejects synced() when stopped before the first list', async () => {
    // A server that never answers the list.
    const silent: ApiClient = { config: client.config, path: client.path, discover: client.discover, request: () => new Promise(() => {}), requestRaw: () => new Promise(() => {}), watch: () => new Promise(() => {}) };
    informer = createInformer(silent, pods, { log: () => {} });
    informer.start();
    informer.stop();
    await expect(informer.synced()).rejects.toThrow('informer stopped before it synced');
    expect(() => informer!.start()).toThrow('informer was stopped');
  });
});
