/**
 * runDaemon: one cluster's process — state folder, SQLite store, API server on
 * loopback, kubeconfig, pid file, periodic compaction, the cluster's
 * components (controllers, scheduler, node agents), clean shutdown.
 */
import { realClock, type Clock, type ClusterTimings } from '@mk/api';
import { buildClusterKubeconfig, clusterPaths, mkEntryName, serverUrl, validateClusterName, writeKubeconfigFile } from '@mk/client';
import { startCompactor } from '@mk/store';
import { readStoredClusterSpec, writeClusterSpec, writeConnectionSettings } from './cluster/cluster-config';
import { effectiveTimings, resolveClusterSpec, type ClusterSpec } from './cluster/cluster-spec';
import { ensureClusterDir } from './cluster-dir';
import { createClusterComponents, type ClusterComponents } from './components';
import { openDaemonLog } from './daemon-log';
import { claimPidFile, removePidFile } from './pid-file';
import { startServing, type Serving } from './serve';
import { registerNodeRoutes } from './nodes/node-routes';
import { onTerminationSignals } from './signals';
import { loadOrCreateClusterTls } from './tls/cluster-tls';

/** How to run a cluster. */
export interface DaemonOptions {
  /** Cluster name (folder under home; kubeconfig entries are mk-<name>). */
  name: string;
  /** MK_HOME. */
  home: string;
  /** Port to listen on; default (or 0): the port of the last run, else a free one. */
  port?: number;
  /** Listen address; default 127.0.0.1. */
  host?: string;
  /** Called once the API server listens and the kubeconfig is written. */
  onReady?: (info: DaemonInfo) => void;
  /** Stop cleanly on SIGTERM/SIGINT (default true; in-process tests turn it off). */
  handleSignals?: boolean;
  /** Also receives every log line (mk server prints them). */
  echoLog?: (line: string) => void;
  now?: () => Date;
  /** Compaction period; default 5 minutes, like kube-apiserver's --etcd-compaction-interval. */
  compactIntervalMs?: number;
  /** Revisions kept behind the current one; default 1000, as kine keeps. */
  compactRetainRevisions?: number;
  /** Nodes of a new cluster (default 3: mk-control-plane, mk-worker, mk-worker2); a resumed cluster keeps its nodes. */
  nodes?: number;
  /** Container runtime of new nodes; only 'sim' for now. */
  runtime?: string;
  /** Timing profile: 'default' (Kubernetes' timings) or 'demo' (node failures handled in seconds). */
  profile?: string;
  /** Overrides of the profile's timings; persisted with the cluster. */
  timings?: Partial<ClusterTimings>;
  /** Clock of the components (timers, heartbeats). */
  clock?: Clock;
}

/** Where a running cluster can be reached. */
export interface DaemonInfo {
  name: string;
  dir: string;
  host: string;
  port: number;
  url: string;
  token: string;
  /** PEM of the cluster CA that signs the API server's certificate. */
  caPem: string;
  kubeconfig: string;
  pid: number;
  /** The cluster shape it runs (nodes as started). */
  cluster: ClusterSpec;
}

/** A running daemon. */
export interface DaemonHandle extends DaemonInfo {
  /** Stops serving, closes the store, removes the pid file; idempotent. */
  close(): Promise<void>;
  /** Resolves once the daemon has stopped (by close() or a signal). */
  closed: Promise<void>;
}

/** runDaemon starts the cluster and resolves once it serves; it fails if the cluster already runs elsewhere. */
export async function runDaemon(opts: DaemonOptions): Promise<DaemonHandle> {
  const invalid = validateClusterName(opts.name);
  if (invalid) throw new Error(invalid);
  const now = opts.now ?? (() => new Date());
  const host = opts.host ?? '127.0.0.1';
  const paths = clusterPaths(opts.home, opts.name);
  ensureClusterDir(paths);
  const other = claimPidFile(paths, process.pid);
  if (other !== undefined) throw new Error(`cluster "${opts.name}" is already running (pid ${other})`);

  const log = openDaemonLog(paths.log, now, opts.echoLog);
  let serving: Serving;
  let caPem: string;
  let cluster: ClusterSpec;
  let components: ClusterComponents | undefined;
  try {
    cluster = resolveClusterSpec(readStoredClusterSpec(paths), { nodes: opts.nodes, runtime: opts.runtime, profile: opts.profile, timings: opts.timings });
    const timings = effectiveTimings(cluster);
    const tls = loadOrCreateClusterTls(paths, opts.name, host, now());
    caPem = tls.ca.certPem;
    serving = await startServing(paths, host, opts.port, tls, now, {
      defaultTolerationSeconds: timings.defaultTolerationSeconds,
      configure: (app, { port, token, socketPath }) => {
        components = createClusterComponents({
          server: serverUrl('https', host, port),
          socketPath,
          token,
          caPem,
          nodes: cluster.nodes,
          runtime: cluster.runtime,
          timings,
          clock: opts.clock ?? realClock,
          persistNodes: (nodes) => {
            cluster = { ...cluster, nodes };
            writeClusterSpec(paths, cluster);
          },
          log: (message) => log.info(message),
        });
        registerNodeRoutes(app, components.nodes);
      },
    });
  } catch (err) {
    removePidFile(paths, process.pid);
    await log.close();
    throw err;
  }
  const { store, port, token } = serving;

  const url = serverUrl('https', host, port);
  writeConnectionSettings(paths, { port, host, scheme: 'https' });
  writeClusterSpec(paths, cluster);
  writeKubeconfigFile(paths.kubeconfig, buildClusterKubeconfig({ clusterName: opts.name, server: url, token, caPem }));
  const stopCompactor = startCompactor(store, {
    intervalMs: opts.compactIntervalMs ?? 5 * 60_000,
    retainRevisions: opts.compactRetainRevisions ?? 1000,
    onCompacted: (rev) => log.info(`compacted store history up to revision ${rev}`),
    onError: (err) => log.info(`compaction failed: ${String(err)}`),
  });
  log.info(`cluster "${opts.name}" serving at ${url} (pid ${process.pid}, state in ${paths.dir}, context ${mkEntryName(opts.name)})`);
  log.info(`nodes: ${cluster.nodes.map((n) => n.name).join(', ')} (runtime ${cluster.runtime}, profile ${cluster.profile})`);

  let resolveClosed!: () => void;
  const closed = new Promise<void>((r) => (resolveClosed = r));
  let closing: Promise<void> | undefined;
  const close = (): Promise<void> => {
    closing ??= (async () => {
      removeSignals();
      stopCompactor();
      try {
        // Components first: they are clients of the server being closed.
        await components?.stop().catch((err: unknown) => log.info(`stopping the components failed: ${String(err)}`));
        await serving.close();
      } finally {
        removePidFile(paths, process.pid);
        log.info(`cluster "${opts.name}" stopped`);
        await log.close();
        resolveClosed();
      }
    })();
    return closing;
  };
  const removeSignals = opts.handleSignals === false ? () => {} : onTerminationSignals((signal) => {
    log.info(`received ${signal}, shutting down`);
    void close();
  });

  try {
    const started = now().getTime();
    await components?.start(() => log.info(`${cluster.nodes.length} node(s) booted in ${now().getTime() - started} ms`));
    log.info(`controllers and scheduler started after ${now().getTime() - started} ms`);
  } catch (err) {
    // A stop requested while starting (a signal) is not a failure to start.
    if (!closing) {
      log.info(`starting the cluster's components failed: ${err instanceof Error ? err.message : String(err)}`);
      await close();
      throw err;
    }
  }

  const info: DaemonInfo = { name: opts.name, dir: paths.dir, host, port, url, token, caPem, kubeconfig: paths.kubeconfig, pid: process.pid, cluster };
  opts.onReady?.(info);
  return { ...info, close, closed };
}
