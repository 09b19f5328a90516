/** Preparing a cluster's state folder: the folder itself (0700) and its bearer token (0600, generated once). */
import { randomBytes } from 'node:crypto';
import { chmodSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import type { ClusterPaths } from '@mk/client';

/** ensureClusterDir creates MK_HOME/<name>/ private to the user, tightening it if it already existed. */
export function ensureClusterDir(paths: ClusterPaths): void {
  mkdirSync(paths.dir, { recursive: true, mode: 0o700 });
  chmodSync(paths.dir, 0o700);
}

/**
 * loadOrCreateToken returns the cluster's token, creating it on first start;
 * it never changes afterwards, so kubeconfigs merged earlier keep working.
 */
export function loadOrCreateToken(paths: ClusterPaths): string {
  try {
    const existing = readFileSync(paths.token, 'utf8').trim();
    if (existing) return existing;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
  }
  const token = randomBytes(32).toString('base64url');
  // 'wx' fails if another process created it meanwhile; then use theirs.
  try {
    writeFileSync(paths.token, token + '\n', { mode: 0o600, flag: 'wx' });
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'EEXIST') return readFileSync(paths.token, 'utf8').trim();
    throw err;
  }
  return token;
}
