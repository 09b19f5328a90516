import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AddressInfo } from 'node:net';
import { startTestServer, pod, type TestServer } from './testing/test-server';

let s: TestServer;
let base: string;
beforeEach(async () => {
  s = await startTestServer();
  await s.app.listen({ host: '127.0.0.1', port: 0 });
  base = `http://127.0.0.1:${(s.app.server.address() as AddressInfo).port}`;
});
afterEach(async () => s.close());

/** Reads watch events until `count` arrived or the stream ended. */
async function collect(url: string, count: number, headers: Record<string, string> = {}, during?: () => Promise<void>) {
  const ac = new AbortController();
  const res = await fetch(base + url, { headers, signal: ac.signal });
  const events: any[] = [];
  const reader = res.body!.getReader();
  let buf = '';
  const pending = during?.();
  while (events.length < count) {
    const { value, done } = await reader.read();
    if (done) break;
    buf += Buffer.from(value).toString('utf8');
    let i;
    while ((i = buf.indexOf('\n')) >= 0) {
      events.push(JSON.parse(buf.slice(0, i)));
      buf = buf.slice(i + 1);
    }
  }
  ac.abort();
  await pending;
  return { status: res.status, events };
}

describe('watch', () => {
  it('sends synthetic ADDED events for resourceVersion 0, then changes', async () => {
    await s.call('POST', '/api/v1/namespaces/default/pods', pod('a'));
    const { events } = await collect('/api/v1/namespaces/default/pods?watch=true&resourceVersion=0', 3, {}, async () => {
      await s.call('POST', '/api/v1/namespaces/default/pods', pod('b'));
      await s.call('DELETE', '/api/v1/namespaces/default/pods/a');
    });
    expect(events.map((e) => `${e.type} ${e.object.metadata.name}`)).toEqual(['ADDED a', 'ADDED b', 'DELETED a']);
    expect(events[0].object.kind).toBe('Pod');
  });

  it('resumes after a resourceVersion without replaying older events', async () => {
    const a = await s.call('POST', '/api/v1/namespaces/default/pods', pod('a'));
    await s.call('POST', '/api/v1/namespaces/default/pods', pod('b'));
    const { events } = await collect(`/api/v1/namespaces/default/pods?watch=1&resourceVersion=${a.body.metadata.resourceVersion}`, 1);
    expect(events.map((e) => `${e.type} ${e.object.metadata.name}`)).toEqual(['ADDED b']);
  });

  it('turns selector transitions into ADDED and DELETED', async () => {
    const a = await s.call('POST', '/api/v1/namespaces/default/pods', pod('a'));
    const rv = a.body.metadata.resourceVersion;
    const merge = { 'content-type': 'application/merge-patch+json' };
    const { events } = await collect(`/api/v1/namespaces/default/pods?watch=1&resourceVersion=${rv}&labelSelector=tier%3Dfront`, 2, {}, async () => {
      await s.call('PATCH', '/api/v1/namespaces/default/pods/a', JSON.stringify({ metadata: { labels: { tier: 'front' } } }), merge);
      await s.call('PATCH', '/api/v1/namespaces/default/pods/a', JSON.stringify({ metadata: { labels: { tier: 'back' } } }), merge);
    });
    expect(events.map((e) => e.type)).toEqual(['ADDED', 'DELETED']);
  });

  it('filters a single-object watch by metadata.name and serves Tables', async () => {
    await s.call('POST', '/api/v1/namespaces/default/pods', pod('a'));
    await s.call('POST', '/api/v1/namespaces/default/pods', pod('b'));
    const { events } = await collect('/api/v1/namespaces/default/pods?watch=true&resourceVersion=0&fieldSelector=metadata.name%3Db', 1, {
      accept: 'application/json;as=Table;v=v1;g=meta.k8s.io,application/json',
    });
    expect(events[0].object.kind).toBe('Table');
    expect(events[0].object.rows[0].cells[0]).toBe('b');
  });

  it('reports 410 Expired for a compacted resourceVersion', async () => {
    await s.call('POST', '/api/v1/namespaces/default/pods', pod('a'));
    const b = await s.call('POST', '/api/v1/namespaces/default/pods', pod('b'));
    await s.store.compact(Number(b.body.metadata.resourceVersion));
    const { events } = await collect('/api/v1/namespaces/default/pods?watch=1&resourceVersion=1', 1);
    expect(events[0].type).toBe('ERROR');
    expect(events[0].object).toMatchObject({ kind: 'Status', code: 410, reason: 'Expired' });
  });

  it('ends the stream after timeoutSeconds', async () => {
    const { events, status } = await collect('/api/v1/namespaces/default/pods?watch=1&resourceVersion=0&timeoutSeconds=1', 10);
    expect(status).toBe(200);
    expect(events).toEqual([]);
  });
});
