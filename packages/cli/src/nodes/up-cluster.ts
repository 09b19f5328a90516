/**
 * `mk up` with nodes: record the requested cluster shape, start (or find) the
 * daemon, then wait until every node is Ready before reporting — the cluster
 * `mk up` hands over is one that schedules pods.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import { createClient, loadKubeconfig, parseGoDuration } from '@mk/client';
import { CliError, type CliIO } from '../context';
import { resolveClusterRef } from '../daemon/cluster-ref';
import { probeCluster } from '../daemon/probe';
import { runUp, type UpOptions } from '../daemon/up';
import { readStoredCluster, recordClusterRequest, runningClusterConflict, type ClusterRequest } from './cluster-request';
import { waitForNodesReady } from './wait-nodes-ready';

/** `mk up`'s flags, the cluster shape included. */
export interface UpClusterOptions extends UpOptions {
  cluster: ClusterRequest;
}

/** insertAfterFirstLine puts `line` right under the report's first line ("Cluster … is up"). */
export function insertAfterFirstLine(text: string, line: string): string {
  const i = text.indexOf('\n');
  return i < 0 ? `${text}\n${line}\n` : `${text.slice(0, i + 1)}${line}\n${text.slice(i + 1)}`;
}

/** runUpCluster is `mk up`: the daemon's own readiness, then the nodes'. */
export async function runUpCluster(opts: UpClusterOptions, io: CliIO, env: Record<string, string | undefined>): Promise<void> {
  const began = Date.now();
  const ref = resolveClusterRef(opts.name, env);
  let waitMs: number;
  try {
    waitMs = parseGoDuration(opts.wait);
  } catch {
    waitMs = 0; // runUp reports the bad --wait in its own words
  }
  const state = await probeCluster(ref.paths);
  if (state.kind === 'running') {
    const conflict = runningClusterConflict(ref.name, readStoredCluster(ref.paths), opts.cluster);
    if (conflict) throw new CliError(conflict);
  } else {
    recordClusterRequest(ref.paths, ref.name, opts.cluster);
  }

  // runUp's report is held back until the nodes are Ready, so it never announces a cluster that cannot run pods.
  let report = '';
  await runUp(opts, { ...io, out: (t) => void (report += t) }, env);

  const client = createClient(loadKubeconfig({ kubeconfig: ref.paths.kubeconfig, env: {} }));
  const remaining = Math.max(0, waitMs - (Date.now() - began));
  const readiness = await waitForNodesReady(client, remaining, (ms) => sleep(ms), Date.now);
  if (readiness.notReady.length > 0) {
    io.out(report);
    const which = readiness.notReady.map((n) => `${n.name} (${n.state})`).join(', ');
    throw new CliError(`not every node of cluster "${ref.name}" became Ready within ${opts.wait}: ${which}; see ${ref.paths.log}`);
  }
  io.out(insertAfterFirstLine(report, nodesLine(readiness.ready)));
}

/** The report line about the nodes: which are Ready, or that there are none. */
export function nodesLine(ready: string[]): string {
  if (ready.length === 0) return 'No nodes: pods stay Pending until one is added with "mk node add"';
  return `${ready.length} node${ready.length === 1 ? '' : 's'} Ready: ${ready.join(', ')}`;
}
