/** `mk up`: start the cluster in the background (or find it running), then merge its kubeconfig context. */
import { existsSync } from 'node:fs';
import { kubeconfigWriteTarget, parseGoDuration, readKubeconfigFile } from '@mk/client';
import { CliError, type CliIO } from '../context';
import { mergeClusterIntoKubeconfig } from '../kubeconfig/user-kubeconfig';
import { daemonBundlePath } from './bundle-path';
import { parsePortFlag, resolveClusterRef, type ClusterRef } from './cluster-ref';
import { upMessage } from './messages';
import { probeCluster } from './probe';
import { clusterCaPem, isServerReady, pollUntil } from './readiness';
import { spawnDaemon, waitForDaemon, type ReadyDaemon } from './spawn-daemon';

/** Flags of `mk up`, plus the global --kubeconfig (where to merge). */
export interface UpOptions {
  name?: string;
  port?: string;
  merge: boolean;
  wait: string;
  kubeconfig?: string;
}

/** runUp starts (or finds) the cluster, merges its context unless --no-merge, and reports. */
export async function runUp(opts: UpOptions, io: CliIO, env: Record<string, string | undefined>): Promise<void> {
  const ref = resolveClusterRef(opts.name, env);
  const port = parsePortFlag(opts.port);
  const waitMs = parseWait(opts.wait);
  const resumed = existsSync(ref.paths.stateDb);
  const state = await probeCluster(ref.paths);

  let daemon: ReadyDaemon;
  let alreadyRunning = false;
  if (state.kind === 'running') {
    if (port && state.port && port !== state.port) {
      throw new CliError(`cluster "${ref.name}" is already running on port ${state.port}; stop it with "mk down" to change the port`);
    }
    daemon = await waitForRunning(ref, state.pid, state.url, waitMs, opts.wait);
    alreadyRunning = true;
  } else {
    const started = spawnDaemon(ref, daemonBundlePath(), port, env);
    daemon = await waitForDaemon(ref, started, waitMs, opts.wait);
  }

  let mergedInto: string | undefined;
  if (opts.merge) {
    mergedInto = kubeconfigWriteTarget({ kubeconfig: opts.kubeconfig, env });
    const cluster = readKubeconfigFile(ref.paths.kubeconfig);
    if (!cluster) throw new CliError(`cluster "${ref.name}" has no kubeconfig at ${ref.paths.kubeconfig}`);
    mergeClusterIntoKubeconfig({ target: mergedInto, cluster, entryName: ref.contextName, makeCurrent: true, recordPath: ref.paths.merged });
  }
  io.out(upMessage({ name: ref.name, url: daemon.url, contextName: ref.contextName, alreadyRunning, pid: daemon.pid, resumed, stateDir: ref.paths.dir, mergedInto }));
}

function parseWait(value: string): number {
  try {
    const ms = parseGoDuration(value);
    if (ms <= 0) throw new Error('not positive');
    return ms;
  } catch {
    throw new CliError(`invalid --wait ${JSON.stringify(value)}: use a duration such as 30s or 2m`);
  }
}

/** A daemon that is running but maybe still starting (another `mk up` racing us) gets the same wait. */
async function waitForRunning(ref: ClusterRef, pid: number, url: string | undefined, waitMs: number, waitLabel: string): Promise<ReadyDaemon> {
  const ready = await pollUntil(async () => {
    const s = await probeCluster(ref.paths);
    if (s.kind !== 'running') throw new CliError(`cluster "${ref.name}" stopped while starting; see ${ref.paths.log}`);
    return s.ready && s.url && s.port ? { pid: s.pid, port: s.port, url: s.url } : undefined;
  }, waitMs);
  if (!ready) {
    const reachable = url ? await isServerReady(url, clusterCaPem(ref.paths)) : false;
    throw new CliError(`cluster "${ref.name}" is running (pid ${pid}) but its API server is not ${reachable ? 'ready' : 'answering'}; see ${ref.paths.log}`);
  }
  return ready;
}
