/**
 * The daemon's pid file. Claiming it is the first thing a daemon does, so two
 * daemons of one cluster never share its SQLite store; it is removed on a clean
 * stop (only if it still names this process).
 */
import { readFileSync, unlinkSync, writeFileSync } from 'node:fs';
import { isProcessAlive, readPidFile, type ClusterPaths } from '@mk/client';

/** claimPidFile writes `pid` unless another live process holds the file; returns that process's pid if it does. */
export function claimPidFile(paths: ClusterPaths, pid: number): number | undefined {
  try {
    writeFileSync(paths.pid, `${pid}\n`, { mode: 0o600, flag: 'wx' });
    return undefined;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
  }
  const holder = readPidFile(paths);
  if (holder !== undefined && holder !== pid && isProcessAlive(holder)) return holder;
  // A stale file from a crash or reboot: take it over.
  writeFileSync(paths.pid, `${pid}\n`, { mode: 0o600 });
  return undefined;
}

/** removePidFile deletes the pid file if it still names `pid` (a newer daemon may have replaced it). */
export function removePidFile(paths: ClusterPaths, pid: number): void {
  try {
    if (readFileSync(paths.pid, 'utf8').trim() === String(pid)) unlinkSync(paths.pid);
  } catch {
    // already gone
  }
}
