/**
 * A real mk daemon for the figures that measure what a user runs: `mk up`
 * with a temporary MK_HOME on a free 127.0.0.1 port, its kubeconfig, a client
 * for it, its process id, and `down()` which stops it and removes the folder.
 */
import { readFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { clusterPaths, createClient, loadKubeconfig, type ApiClient } from '@mk/client';
import { freePort, timed } from './processes';

export interface BenchDaemon {
  /** Client with the cluster's own kubeconfig (TLS and bearer token, as kubectl uses it). */
  client: ApiClient;
  kubeconfig: string;
  /** The daemon's process id (from its pid file), for /proc readings. */
  pid: number;
  /** Environment that points mk and kubectl at this cluster only. */
  env: NodeJS.ProcessEnv;
  /** Path of bin/mk.js, to run `node <mk> …`. */
  mk: string;
  /** Wall time of the `mk up` command, seconds. */
  upSeconds: number;
  /** The daemon's log file (gone after down()). */
  log: string;
  down(): Promise<void>;
}

const CLUSTER = 'bench';

/** Starts a daemon with `nodes` nodes (mk up's count: one control plane plus workers). */
export async function startDaemon(opts: { nodes?: number; progress?: (m: string) => void } = {}): Promise<BenchDaemon> {
  const mk = join(process.env.MK_BENCH_ROOT ?? process.cwd(), 'bin', 'mk.js');
  const home = mkdtempSync(join(tmpdir(), 'mk-bench-'));
  const paths = clusterPaths(home, CLUSTER);
  const kubeconfig = paths.kubeconfig;
  const env = { ...process.env, MK_HOME: home, HOME: home, KUBECONFIG: kubeconfig };
  const port = await freePort();
  const nodes = opts.nodes ?? 3;
  let upSeconds: number;
  try {
    upSeconds = await timed(process.execPath, [mk, 'up', '--name', CLUSTER, '--port', String(port), '--no-merge', '--nodes', String(nodes), '--wait', '300s'], env);
  } catch (err) {
    rmSync(home, { recursive: true, force: true });
    throw err;
  }
  const pid = Number(readFileSync(paths.pid, 'utf8').trim());
  const client = createClient(loadKubeconfig({ kubeconfig, env: {} }));
  opts.progress?.(`mk up with ${nodes} nodes in ${upSeconds.toFixed(2)} s (pid ${pid})`);
  return {
    client,
    kubeconfig,
    pid,
    env,
    mk,
    upSeconds,
    log: paths.log,
    async down() {
      await timed(process.execPath, [mk, 'down', '--name', CLUSTER, '--delete'], env).catch((err: unknown) => opts.progress?.(`mk down failed: ${String(err)}`));
      rmSync(home, { recursive: true, force: true });
    },
  };
}
