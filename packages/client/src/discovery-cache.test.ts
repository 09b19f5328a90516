import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FakeClock } from '@mk/api';
import { DISCOVERY_CACHE_TTL_MS, createDiscoveryCache, decodeDiscoveryCache, discoveryCacheFile, discoveryCacheKey, encodeDiscoveryCache } from './discovery-cache';
import type { DiscoveredResource } from './types';

const PODS: DiscoveredResource = {
  group: '',
  version: 'v1',
  plural: 'pods',
  singular: 'pod',
  kind: 'Pod',
  namespaced: true,
  shortNames: ['po'],
  categories: ['all'],
  verbs: ['get', 'list'],
  subresources: ['status'],
};
const SERVER = 'https://127.0.0.1:6443';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'mk-discovery-cache-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('discoveryCacheKey (kubectl computeDiscoverCacheDir)', () => {
  it.each([
    ['https://127.0.0.1:6443', '127.0.0.1_6443'],
    ['http://localhost:8080', 'localhost_8080'],
    ['https://[::1]:6443', '___1__6443'],
    ['https://example.com/k8s/clusters/c-1', 'example.com/k8s/clusters/c_1'],
    ['https://h:1/../../etc', 'h_1/__/__/etc'],
  ])('%s → %s', (server, key) => {
    expect(discoveryCacheKey(server)).toBe(key);
  });

  it('puts one file per server under its folder', () => {
    expect(discoveryCacheFile('/c/discovery', SERVER)).toBe('/c/discovery/127.0.0.1_6443/mk-resources.json');
  });
});

describe('decodeDiscoveryCache', () => {
  const now = new Date('2026-01-01T00:00:00Z');
  const text = encodeDiscoveryCache(SERVER, [PODS], now);

  it('returns what was encoded until the TTL has passed', () => {
    expect(decodeDiscoveryCache(text, SERVER, now, DISCOVERY_CACHE_TTL_MS)).toEqual([PODS]);
    expect(decodeDiscoveryCache(text, SERVER, new Date(now.getTime() + DISCOVERY_CACHE_TTL_MS), DISCOVERY_CACHE_TTL_MS)).toEqual([PODS]);
    expect(decodeDiscoveryCache(text, SERVER, new Date(now.getTime() + DISCOVERY_CACHE_TTL_MS + 1), DISCOVERY_CACHE_TTL_MS)).toBeUndefined();
  });

  it('ignores entries of another server, format or shape', () => {
    expect(decodeDiscoveryCache(text, 'https://127.0.0.1:6444', now, DISCOVERY_CACHE_TTL_MS)).toBeUndefined();
    const entry = JSON.parse(text);
    const variants = [
      { ...entry, version: 2 },
      { ...entry, kind: 'APIGroupList' },
      { ...entry, fetchedAt: 'yesterday' },
      { ...entry, resources: [] },
      { ...entry, resources: [{ ...PODS, namespaced: 'yes' }] },
      { ...entry, resources: [{ ...PODS, verbs: undefined }] },
      [entry],
      null,
    ];
    for (const v of variants) expect(decodeDiscoveryCache(JSON.stringify(v), SERVER, now, DISCOVERY_CACHE_TTL_MS)).toBeUndefined();
    expect(decodeDiscoveryCache('{"kind":"MkDisc', SERVER, now, DISCOVERY_CACHE_TTL_MS)).toBeUndefined();
  });
});

describe('createDiscoveryCache', () => {
  it('reads back what it wrote until kubectl\'s 6h TTL expires on the clock', async () => {
    const clock = new FakeClock();
    const cache = createDiscoveryCache({ dir, server: SERVER, clock });
    expect(cache.read()).toBeUndefined();
    cache.write([PODS]);
    await clock.advance(6 * 60 * 60 * 1000);
    expect(cache.read()).toEqual([PODS]);
    await clock.advance(1);
    expect(cache.read()).toBeUndefined();
  });

  it('writes atomically with kubectl\'s modes, leaving no temporary file behind', () => {
    const cache = createDiscoveryCache({ dir, server: SERVER });
    cache.write([PODS]);
    cache.write([{ ...PODS, shortNames: [] }]);
    const folder = join(dir, '127.0.0.1_6443');
    expect(readdirSync(folder)).toEqual(['mk-resources.json']);
    // mkdir honours the umask (as Go's MkdirAll does): at most 0750, never open to others.
    expect(statSync(folder).mode & 0o027).toBe(0);
    expect(statSync(join(folder, 'mk-resources.json')).mode & 0o777).toBe(0o660);
    expect(createDiscoveryCache({ dir, server: SERVER }).read()).toEqual([{ ...PODS, shortNames: [] }]);
  });

  it('treats a corrupt file as absent and replaces it on the next write', () => {
    const file = discoveryCacheFile(dir, SERVER);
    mkdirSync(join(dir, '127.0.0.1_6443'), { recursive: true });
    writeFileSync(file, '\0\0not json');
    const cache = createDiscoveryCache({ dir, server: SERVER });
    expect(cache.read()).toBeUndefined();
    cache.write([PODS]);
    expect(cache.read()).toEqual([PODS]);
  });

  it('does not cache an empty list, and survives a directory it cannot write', () => {
    createDiscoveryCache({ dir, server: SERVER }).write([]);
    expect(readdirSync(dir)).toEqual([]);
    // A file where the per-server folder should be makes every write fail.
    writeFileSync(join(dir, '127.0.0.1_6443'), 'in the way');
    const blocked = createDiscoveryCache({ dir, server: SERVER });
    expect(() => blocked.write([PODS])).not.toThrow();
    expect(blocked.read()).toBeUndefined();
    expect(readFileSync(join(dir, '127.0.0.1_6443'), 'utf8')).toBe('in the way');
  });
});
