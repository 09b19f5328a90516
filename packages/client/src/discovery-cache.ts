/**
 * kubectl's discovery disk cache (client-go's CachedDiscoveryClient) for mk: the flattened
 * discovery of one server kept in a file, so a CLI command can skip fetching /api and /apis.
 * Reading never fails: a missing, expired, corrupt or foreign file just means "fetch live".
 */
import { chmodSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { dirname, join } from 'node:path';
import { realClock, type Clock } from '@mk/api';
import type { DiscoveredResource } from './types';

/** kubectl's TTL for disk-cached discovery (cli-runtime's ConfigFlags: 6 hours). */
export const DISCOVERY_CACHE_TTL_MS = 6 * 60 * 60 * 1000;

/** The file holding one server's discovery, inside its kubectl-style per-server folder. */
const CACHE_FILE_NAME = 'mk-resources.json';

/** Marks the file format, so a file of another shape (or an older mk) is refetched, not misread. */
const CACHE_KIND = 'MkDiscoveryCache';
const CACHE_VERSION = 1;

/** The persisted form of one server's discovery. */
interface CacheEntry {
  kind: typeof CACHE_KIND;
  version: typeof CACHE_VERSION;
  /** The server URL as configured; a different server that maps to the same folder does not match. */
  server: string;
  /** When the list was fetched live (RFC 3339); the TTL counts from here. */
  fetchedAt: string;
  resources: DiscoveredResource[];
}

/**
 * The per-server folder name, as kubectl's computeDiscoverCacheDir makes it: the scheme dropped,
 * every character other than letters, digits, `_`, `/`, `.`, `(` and `)` replaced by `_`
 * (https://127.0.0.1:6443 → 127.0.0.1_6443). Unlike kubectl, `.`/`..` path segments are
 * replaced too, so a server URL's path cannot lead out of the cache directory.
 */
export function discoveryCacheKey(server: string): string {
  const schemeless = server.replace('https://', '').replace('http://', '');
  const safe = schemeless.replace(/[^(\w/.)]/g, '_');
  return safe
    .split('/')
    .map((segment) => (segment === '.' || segment === '..' ? segment.replace(/\./g, '_') : segment))
    .join('/');
}

/** The cache file of `server` under `dir`. */
export function discoveryCacheFile(dir: string, server: string): string {
  return join(dir, discoveryCacheKey(server), CACHE_FILE_NAME);
}

/** Serializes a freshly fetched list for `server`, stamped with `now`. */
export function encodeDiscoveryCache(server: string, resources: DiscoveredResource[], now: Date): string {
  const entry: CacheEntry = { kind: CACHE_KIND, version: CACHE_VERSION, server, fetchedAt: now.toISOString(), resources };
  return JSON.stringify(entry);
}

/**
 * The cached list if `text` is a well-formed entry for `server` that is still within `ttlMs`
 * of `now` (like kubectl, an entry dated in the future counts as valid); otherwise undefined.
 */
export function decodeDiscoveryCache(text: string, server: string, now: Date, ttlMs: number): DiscoveredResource[] | undefined {
  let entry: Partial<CacheEntry>;
  try {
    entry = JSON.parse(text) as Partial<CacheEntry>;
  } catch {
    return undefined;
  }
  if (typeof entry !== 'object' || entry === null) return undefined;
  if (entry.kind !== CACHE_KIND || entry.version !== CACHE_VERSION || entry.server !== server) return undefined;
  const fetchedAt = typeof entry.fetchedAt === 'string' ? Date.parse(entry.fetchedAt) : NaN;
  if (!Number.isFinite(fetchedAt) || now.getTime() > fetchedAt + ttlMs) return undefined;
  const { resources } = entry;
  if (!Array.isArray(resources) || resources.length === 0 || !resources.every(isDiscoveredResource)) return undefined;
  return resources;
}

function isStringArray(value: unknown): value is string[] {
  return Array.isArray(value) && value.every((v) => typeof v === 'string');
}

function isDiscoveredResource(value: unknown): value is DiscoveredResource {
  if (typeof value !== 'object' || value === null) return false;
  const r = value as Record<string, unknown>;
  return (
    ['group', 'version', 'plural', 'singular', 'kind'].every((k) => typeof r[k] === 'string') &&
    typeof r.namespaced === 'boolean' &&
    ['shortNames', 'categories', 'verbs', 'subresources'].every((k) => isStringArray(r[k]))
  );
}

/** One server's discovery on disk. */
export interface DiscoveryCache {
  /** The cached list, or undefined when there is none worth using. */
  read(): DiscoveredResource[] | undefined;
  /** Replaces the cached list; failures are ignored, as kubectl ignores them (the cache is an optimisation). */
  write(resources: DiscoveredResource[]): void;
}

/** Where the cache lives and how it tells time. */
export interface DiscoveryCacheOptions {
  /** The discovery cache directory (kubectl's `<cache-dir>/discovery`). */
  dir: string;
  server: string;
  clock?: Clock;
  /** Defaults to kubectl's DISCOVERY_CACHE_TTL_MS. */
  ttlMs?: number;
}

/** createDiscoveryCache opens the disk cache of one server. */
export function createDiscoveryCache(opts: DiscoveryCacheOptions): DiscoveryCache {
  const file = discoveryCacheFile(opts.dir, opts.server);
  const clock = opts.clock ?? realClock;
  const ttlMs = opts.ttlMs ?? DISCOVERY_CACHE_TTL_MS;
  return {
    read() {
      let text: string;
      try {
        text = readFileSync(file, 'utf8');
      } catch {
        return undefined;
      }
      return decodeDiscoveryCache(text, opts.server, clock.now(), ttlMs);
    },
    write(resources) {
      // Like kubectl, an empty answer is not worth remembering.
      if (resources.length === 0) return;
      writeAtomically(file, encodeDiscoveryCache(opts.server, resources, clock.now()));
    },
  };
}

/**
 * Writes through a temporary file and a rename, so a concurrent reader sees the old file or
 * the new one, never half of one; kubectl's modes (folders 0750, files 0660).
 */
function writeAtomically(file: string, text: string): void {
  const tmp = `${file}.${randomBytes(6).toString('hex')}`;
  try {
    mkdirSync(dirname(file), { recursive: true, mode: 0o750 });
    writeFileSync(tmp, text, { flag: 'wx', mode: 0o660 });
    // The umask may have narrowed the mode given at creation; kubectl sets it explicitly.
    chmodSync(tmp, 0o660);
    renameSync(tmp, file);
  } catch {
    try {
      rmSync(tmp, { force: true });
    } catch {
      // Nothing more to do: the next live fetch tries again.
    }
  }
}
