import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { findKind } from '@mk/api';
import { openSqliteStore, type SqliteStore, type Store, type WatchTrigger } from '@mk/store';
import type { FastifyInstance } from 'fastify';
import { createContext } from '../context';
import type { RestRequest } from '../rest/request';
import { createApiServer } from '../server';
import { encodeObject } from '../storage/codec';
import { pod } from '../testing/test-server';
import { serveWatch } from './watch-stream';
import { podNodeNameTrigger } from './watch-trigger';

/** An open watch stream whose events accumulate as they arrive. */
interface OpenWatch {
  events: { type: string; object: { metadata: { name?: string; resourceVersion: string } } }[];
  /** Resolves once the stream holds an event satisfying ready (the test's timeout bounds the wait). */
  until(ready: (events: OpenWatch['events']) => boolean): Promise<void>;
  close(): void;
}

const opened: OpenWatch[] = [];

/** Opens a watch; resolves once the response headers arrived, by when the server has subscribed to the store. */
async function openWatch(url: string): Promise<OpenWatch> {
  const ac = new AbortController();
  const res = await fetch(url, { signal: ac.signal });
  const events: OpenWatch['events'] = [];
  let wake = () => {};
  void (async () => {
    const reader = res.body!.getReader();
    let buf = '';
    try {
      for (;;) {
        const { value, done } = await reader.read();
        if (done) return;
        buf += Buffer.from(value).toString('utf8');
        let i;
        while ((i = buf.indexOf('\n')) >= 0) {
          events.push(JSON.parse(buf.slice(0, i)));
          buf = buf.slice(i + 1);
        }
        wake();
      }
    } catch {
      // aborted by close()
    }
  })();
  const watch: OpenWatch = {
    events,
    async until(ready) {
      while (!ready(events)) await new Promise<void>((resolve) => (wake = resolve));
    },
    close: () => ac.abort(),
  };
  opened.push(watch);
  return watch;
}

const summary = (w: OpenWatch) => w.events.filter((e) => e.type !== 'BOOKMARK').map((e) => `${e.type} ${e.object.metadata.name}`);

let cleanup: (() => Promise<void>) | undefined;
afterEach(async () => {
  for (const w of opened.splice(0)) w.close();
  await cleanup?.();
  cleanup = undefined;
});

describe('watches of pods narrowed to one node', () => {
  it('send each node watcher its pods as they are bound, changed and deleted, as an unfiltered watcher sees them all', async () => {
    const store = openSqliteStore(':memory:');
    const triggers = new Map<string, WatchTrigger | undefined>();
    // Records the trigger each watch asks the store for.
    const spy = new Proxy(store, {
      get(target, prop) {
        if (prop === 'watch') {
          return (prefix: string, opts: Parameters<Store['watch']>[1]) => {
            triggers.set(opts.trigger?.value ?? '(none)', opts.trigger);
            return target.watch(prefix, opts);
          };
        }
        const value = Reflect.get(target, prop, target);
        return typeof value === 'function' ? value.bind(target) : value;
      },
    });
    const app: FastifyInstance = await createApiServer({ store: spy, now: () => new Date('2026-01-01T00:00:00Z') });
    cleanup = async () => {
      await app.close();
      await store.close();
    };
    await app.listen({ host: '127.0.0.1', port: 0 });
    const base = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}/api/v1`;
    const call = async (method: string, path: string, body?: unknown) => {
      const res = await app.inject({ method: method as 'GET', url: `/api/v1${path}`, payload: body === undefined ? undefined : JSON.stringify(body), headers: body === undefined ? {} : { 'content-type': 'application/json' } });
      expect(res.statusCode, res.body).toBeLessThan(300);
      return JSON.parse(res.body);
    };
    const bind = (name: string, node: string) =>
      call('POST', `/namespaces/default/pods/${name}/binding`, { apiVersion: 'v1', kind: 'Binding', metadata: { name }, target: { kind: 'Node', name: node } });

    const rv = (await call('GET', '/pods')).metadata.resourceVersion;
    const watch = (selector?: string) => openWatch(`${base}/pods?watch=1&resourceVersion=${rv}${selector ? `&fieldSelector=${encodeURIComponent(selector)}` : ''}`);
    const onN1 = await watch('spec.nodeName=n1');
    // Another requirement besides the node's: the watch's own filter still applies it.
    const onN2 = await watch('status.phase!=Failed,spec.nodeName=n2');
    const unassigned = await watch('spec.nodeName=');
    const all = await watch();
    expect([...triggers.keys()].sort()).toEqual(['', '(none)', 'n1', 'n2']);
    expect(triggers.get('n1')).toEqual({ fn: podNodeNameTrigger, value: 'n1' });

    await call('POST', '/namespaces/default/pods', pod('a'));
    await call('POST', '/namespaces/default/pods', pod('b'));
    await bind('a', 'n1');
    await bind('b', 'n2');
    await call('POST', '/namespaces/default/pods', pod('c', { spec: { nodeName: 'n1', containers: [{ name: 'c', image: 'nginx:1.27' }] } }));
    const c = await call('GET', '/namespaces/default/pods/c');
    await call('PUT', '/namespaces/default/pods/c/status', { ...c, status: { ...c.status, phase: 'Running' } });
    await call('PUT', '/namespaces/default/pods/b/status', { ...(await call('GET', '/namespaces/default/pods/b')), status: { phase: 'Failed' } });
    for (const name of ['a', 'b', 'c']) await call('DELETE', `/namespaces/default/pods/${name}?gracePeriodSeconds=0`);

    const deletedC = (events: OpenWatch['events']) => events.some((e) => e.type === 'DELETED' && e.object.metadata.name === 'c');
    await Promise.all([onN1.until(deletedC), all.until(deletedC), onN2.until((es) => es.length >= 2), unassigned.until((es) => es.length >= 4)]);
    expect(summary(onN1)).toEqual(['ADDED a', 'ADDED c', 'MODIFIED c', 'DELETED a', 'DELETED c']);
    // b's Failed status leaves the selection: DELETED then, nothing on its actual deletion.
    expect(summary(onN2)).toEqual(['ADDED b', 'DELETED b']);
    expect(summary(unassigned)).toEqual(['ADDED a', 'ADDED b', 'DELETED a', 'DELETED b']);
    expect(summary(all)).toEqual(['ADDED a', 'ADDED b', 'MODIFIED a', 'MODIFIED b', 'ADDED c', 'MODIFIED c', 'MODIFIED b', 'DELETED a', 'DELETED b', 'DELETED c']);
  });
});

describe('bookmarks of a watch narrowed to one node', () => {
  it('advance past writes the watch was never offered', async () => {
    const store: SqliteStore = openSqliteStore(':memory:');
    const ctx = { ...createContext({ store }), bookmarkIntervalMs: 10 };
    const info = findKind('', 'v1', 'pods')!;
    const server: Server = createServer((_, res) => {
      const req: RestRequest = {
        ctx,
        info,
        query: { watch: '1', resourceVersion: '0', allowWatchBookmarks: 'true', fieldSelector: 'spec.nodeName=n1' },
        dryRun: false,
        fieldValidation: 'Strict',
        warnings: [],
      };
      void serveWatch(req, 'object', res);
    });
    cleanup = async () => {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await store.close();
    };
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const w = await openWatch(`http://127.0.0.1:${(server.address() as AddressInfo).port}/`);
    const put = (name: string, nodeName: string) =>
      store.create(`/registry/core/pods/default/${name}`, encodeObject({ ...pod(name), metadata: { name, namespace: 'default' }, spec: { nodeName, containers: [] } }));
    const mine = await put('mine', 'n1');
    const other = await put('other', 'n2');
    await w.until((es) => es.some((e) => e.type === 'BOOKMARK' && Number(e.object.metadata.resourceVersion) >= other.modRevision));
    expect(summary(w)).toEqual(['ADDED mine']);
    expect(w.events.find((e) => e.type === 'ADDED')!.object.metadata.resourceVersion).toBe(String(mine.modRevision));
    // Bookmarks never go back.
    const bookmarks = w.events.filter((e) => e.type === 'BOOKMARK').map((e) => Number(e.object.metadata.resourceVersion));
    expect(bookmarks).toEqual([...bookmarks].sort((x, y) => x - y));
  });
});
