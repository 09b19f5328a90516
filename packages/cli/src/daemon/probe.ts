/** What state a cluster is in: absent, stopped (state kept), or running (with pid, port and start time). */
import { existsSync, statSync, unlinkSync } from 'node:fs';
import { readClusterSettings, readPidFile, settingsUrl, type ClusterPaths } from '@mk/client';
import { isDaemonAlive } from './process-state';
import { clusterCaPem, isServerReady } from './readiness';

/** A cluster's state as seen from its files and process. */
export type ClusterState =
  | { kind: 'absent' }
  | { kind: 'stopped'; port?: number }
  | { kind: 'running'; pid: number; port?: number; url?: string; startedAt: Date; ready: boolean };

/**
 * probeCluster reads the pid file and config.json and asks /readyz. A pid file
 * naming a dead process (after a crash or reboot) is removed.
 */
export async function probeCluster(paths: ClusterPaths): Promise<ClusterState> {
  if (!existsSync(paths.dir)) return { kind: 'absent' };
  const settings = readClusterSettings(paths);
  const pid = readPidFile(paths);
  if (pid === undefined || !isDaemonAlive(pid)) {
    if (pid !== undefined) removeStalePidFile(paths);
    return { kind: 'stopped', port: settings.port };
  }
  // The daemon writes its pid file once listening, so the file's mtime is its start time.
  const startedAt = statSync(paths.pid).mtime;
  const url = settingsUrl(settings);
  const ready = url ? await isServerReady(url, clusterCaPem(paths)) : false;
  return { kind: 'running', pid, port: settings.port, url, startedAt, ready };
}

function removeStalePidFile(paths: ClusterPaths): void {
  try {
    unlinkSync(paths.pid);
  } catch {
    // gone already
  }
}
