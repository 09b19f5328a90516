/** `mk down`: stop the cluster's daemon (state kept), or with --delete also remove its state and kubeconfig entries. */
import { existsSync, rmSync } from 'node:fs';
import { kubeconfigWriteTarget } from '@mk/client';
import type { CliIO } from '../context';
import { readMergeRecord } from '../kubeconfig/merge-record';
import { removeClusterFromKubeconfigs } from '../kubeconfig/user-kubeconfig';
import { resolveClusterRef, type ClusterRef } from './cluster-ref';
import { nameFlag } from './messages';
import { probeCluster } from './probe';
import { isDaemonAlive } from './process-state';
import { pollUntil } from './readiness';

/** Flags of `mk down`, plus the global --kubeconfig. */
export interface DownOptions {
  name?: string;
  delete: boolean;
  kubeconfig?: string;
}

/** How long a daemon gets to close its store after SIGTERM before it is killed. */
const STOP_GRACE_MS = 30_000;

/** runDown stops the daemon and, with --delete, removes everything `mk up` created. */
export async function runDown(opts: DownOptions, io: CliIO, env: Record<string, string | undefined>): Promise<void> {
  const ref = resolveClusterRef(opts.name, env);
  const state = await probeCluster(ref.paths);
  if (state.kind === 'running') {
    const forced = await stopDaemon(state.pid);
    io.out(`Stopped cluster "${ref.name}" (pid ${state.pid}${forced ? ', killed after it did not stop in time' : ''})\n`);
  } else if (state.kind === 'stopped') {
    io.out(`Cluster "${ref.name}" is not running\n`);
  } else {
    io.out(`Cluster "${ref.name}" does not exist\n`);
  }
  if (opts.delete) deleteCluster(ref, opts.kubeconfig, io, env);
  else if (state.kind !== 'absent') io.out(`State kept in ${ref.paths.dir}; "mk up${nameFlag(ref.name)}" resumes it.\n`);
}

/** stopDaemon sends SIGTERM and waits; returns true if SIGKILL was needed. */
async function stopDaemon(pid: number): Promise<boolean> {
  signal(pid, 'SIGTERM');
  const stopped = await pollUntil(() => (isDaemonAlive(pid) ? undefined : true), STOP_GRACE_MS);
  if (stopped) return false;
  signal(pid, 'SIGKILL');
  await pollUntil(() => (isDaemonAlive(pid) ? undefined : true), 5_000);
  return true;
}

function signal(pid: number, sig: NodeJS.Signals): void {
  try {
    process.kill(pid, sig);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ESRCH') throw err;
  }
}

/** Removes the kubeconfig entries `mk up` merged (where it recorded, and where kubectl looks now), then the state folder. */
function deleteCluster(ref: ClusterRef, kubeconfigFlag: string | undefined, io: CliIO, env: Record<string, string | undefined>): void {
  const record = readMergeRecord(ref.paths.merged);
  const files = [...record.files, kubeconfigWriteTarget({ kubeconfig: kubeconfigFlag, env })];
  for (const file of removeClusterFromKubeconfigs(files, ref.contextName, record.previousContext)) {
    io.out(`Removed context "${ref.contextName}" from ${file}\n`);
  }
  if (existsSync(ref.paths.dir)) {
    rmSync(ref.paths.dir, { recursive: true, force: true });
    io.out(`Deleted cluster "${ref.name}" (removed ${ref.paths.dir})\n`);
  }
}
