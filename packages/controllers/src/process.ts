/**
 * `mk controller-manager --kubeconfig F`: the controller manager as its own
 * process, talking to the API server like any other client. Runs until
 * SIGINT/SIGTERM (or the given signal aborts), then shuts down cleanly.
 */
import type { Clock, ClusterTimings } from '@mk/api';
import { createClient } from '@mk/client';
import { createControllerManager } from './manager';
import { createLeaderElectedManager } from './elected-manager';

export interface ControllerManagerProcessOptions {
  /** API server URL, e.g. https://127.0.0.1:6443. */
  server: string;
  /** Bearer token. */
  token?: string;
  /** PEM of the CA that signs the server's certificate. */
  caData?: string;
  insecureSkipTLSVerify?: boolean;
  timings: ClusterTimings;
  /** kube-controller-manager's --controllers (default `*`). */
  controllers?: string[];
  /** kube-controller-manager's --leader-elect (default true): run only while holding kube-system/kube-controller-manager. */
  leaderElect?: boolean;
  clock?: Clock;
  /** Stops the process when aborted; without one, SIGINT and SIGTERM do. */
  signal?: AbortSignal;
  log?: (message: string) => void;
}

/** Runs the controller manager until stopped; resolves after a clean shutdown, rejects if it cannot start. */
export async function runControllerManagerProcess(opts: ControllerManagerProcessOptions): Promise<void> {
  const log = opts.log ?? ((m: string) => console.error(m));
  const client = createClient({ server: opts.server, token: opts.token, caData: opts.caData, insecureSkipTLSVerify: opts.insecureSkipTLSVerify, namespace: 'default' });
  const managerOpts = { client, timings: opts.timings, clock: opts.clock, controllers: opts.controllers, log };
  const manager = opts.leaderElect === false ? createControllerManager(managerOpts) : createLeaderElectedManager(managerOpts);

  let requestStop!: () => void;
  const stopRequested = new Promise<void>((resolve) => (requestStop = resolve));
  const onAbort = () => requestStop();
  if (opts.signal) {
    if (opts.signal.aborted) requestStop();
    else opts.signal.addEventListener('abort', onAbort, { once: true });
  } else {
    process.once('SIGINT', onAbort);
    process.once('SIGTERM', onAbort);
  }

  try {
    log(`Starting controllers: ${manager.controllers.join(', ')}`);
    await Promise.race([manager.start(), stopRequested]);
    await stopRequested;
  } finally {
    opts.signal?.removeEventListener('abort', onAbort);
    process.off('SIGINT', onAbort);
    process.off('SIGTERM', onAbort);
    await manager.stop();
  }
}
