/** `mk server`: run the cluster in the foreground (logs on stdout, Ctrl-C stops it). */
import { pathToFileURL } from 'node:url';
import type { CliIO } from '../context';
import { daemonBundlePath } from './bundle-path';
import { parsePortFlag, resolveClusterRef } from './cluster-ref';
import { nameFlag } from './messages';

/** The part of dist/daemon.js that `mk server` calls (kept structural: the CLI does not import @mk/daemon). */
interface DaemonModule {
  runDaemon(opts: {
    name: string;
    home: string;
    port?: number;
    echoLog?: (line: string) => void;
  }): Promise<{ url: string; kubeconfig: string; closed: Promise<void> }>;
}

/** runServer starts the daemon in this process and returns once it has stopped (SIGINT/SIGTERM). */
export async function runServer(opts: { name?: string; port?: string }, io: CliIO, env: Record<string, string | undefined>): Promise<void> {
  const ref = resolveClusterRef(opts.name, env);
  const port = parsePortFlag(opts.port);
  const mod = (await import(pathToFileURL(daemonBundlePath()).href)) as DaemonModule;
  const daemon = await mod.runDaemon({ name: ref.name, home: ref.home, port, echoLog: (line) => io.out(line) });
  io.out(
    `Cluster "${ref.name}" is serving at ${daemon.url} (Ctrl-C to stop)\n` +
      `Use it with: KUBECONFIG=$(mk kubeconfig${nameFlag(ref.name)}) kubectl get pods\n`,
  );
  await daemon.closed;
}
