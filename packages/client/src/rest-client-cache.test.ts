import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FakeClock } from '@mk/api';
import { createApiServer } from '@mk/apiserver';
import { openSqliteStore, type Store } from '@mk/store';
import { discoveryCacheFile } from './discovery-cache';
import { createClient } from './rest-client';

/** A real API server that counts the discovery requests it answers. */
let app: FastifyInstance;
let store: Store;
let server: string;
let discoveryHits: string[];
let cacheDir: string;

beforeEach(async () => {
  store = openSqliteStore(':memory:');
  app = await createApiServer({ store });
  discoveryHits = [];
  app.addHook('onRequest', async (req) => {
    if (req.url === '/api' || req.url === '/apis') discoveryHits.push(req.url);
  });
  await app.listen({ host: '127.0.0.1', port: 0 });
  server = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
  cacheDir = mkdtempSync(join(tmpdir(), 'mk-client-cache-'));
});

afterEach(async () => {
  await app.close();
  await store.close();
  rmSync(cacheDir, { recursive: true, force: true });
});

const cachedClient = (clock?: FakeClock) => createClient({ server, namespace: 'default', discoveryCacheDir: cacheDir }, { clock });

describe('discovery through the disk cache', () => {
  it('lets a second client with the same cache dir skip discovery entirely', async () => {
    const first = await cachedClient().discover();
    expect(discoveryHits.sort()).toEqual(['/api', '/apis']);
    expect(first.some((r) => r.plural === 'pods')).toBe(true);

    discoveryHits = [];
    const second = cachedClient();
    expect(await second.discover()).toEqual(first);
    // The real request still goes out; only discovery is skipped.
    await second.request('GET', '/api/v1/namespaces/default/pods');
    expect(discoveryHits).toEqual([]);
  });

  it('always fetches live without a cache dir (in-process components)', async () => {
    await cachedClient().discover();
    discoveryHits = [];
    await createClient({ server, namespace: 'default' }).discover();
    expect(discoveryHits.sort()).toEqual(['/api', '/apis']);
  });

  it('refetches once kubectl\'s 6h TTL has passed', async () => {
    const clock = new FakeClock();
    await cachedClient(clock).discover();
    await clock.advance(6 * 60 * 60 * 1000);
    discoveryHits = [];
    await cachedClient(clock).discover();
    expect(discoveryHits).toEqual([]);
    await clock.advance(1);
    await cachedClient(clock).discover();
    expect(discoveryHits.sort()).toEqual(['/api', '/apis']);
  });

  it('fetches live on { fresh: true }, rewrites the cache, and does so once per client', async () => {
    const clock = new FakeClock('2026-01-01T00:00:00Z');
    await cachedClient(clock).discover();
    await clock.advance(60_000);
    discoveryHits = [];
    const client = cachedClient(clock);
    await client.discover();
    expect(discoveryHits).toEqual([]);
    await client.discover({ fresh: true });
    await client.discover({ fresh: true });
    await client.discover();
    expect(discoveryHits.sort()).toEqual(['/api', '/apis']);
    const entry = JSON.parse(readFileSync(discoveryCacheFile(cacheDir, server), 'utf8'));
    expect(entry.fetchedAt).toBe('2026-01-01T00:01:00.000Z');
  });

  it('ignores a corrupt cache file and replaces it', async () => {
    await cachedClient().discover();
    writeFileSync(discoveryCacheFile(cacheDir, server), '{"kind":');
    discoveryHits = [];
    await cachedClient().discover();
    expect(discoveryHits.sort()).toEqual(['/api', '/apis']);
    discoveryHits = [];
    await cachedClient().discover();
    expect(discoveryHits).toEqual([]);
  });
});
