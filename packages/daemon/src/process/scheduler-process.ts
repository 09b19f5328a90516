/**
 * `mk scheduler --kubeconfig F`: the scheduler as its own process, talking to
 * the API server like any other client, until SIGINT/SIGTERM (or the given
 * signal) stops it cleanly.
 */
import type { Clock, ClusterTimings } from '@mk/api';
import { createClient, createInformerFactory } from '@mk/client';
import { createScheduler } from '@mk/scheduler';

/** Where the scheduler connects and how it behaves. */
export interface SchedulerProcessOptions {
  /** API server URL, e.g. https://127.0.0.1:6443. */
  server: string;
  token?: string;
  /** PEM of the CA that signs the server's certificate. */
  caData?: string;
  insecureSkipTLSVerify?: boolean;
  timings: ClusterTimings;
  clock?: Clock;
  /** Stops the process when aborted; without one, SIGINT and SIGTERM do. */
  signal?: AbortSignal;
  log?: (message: string) => void;
}

/** Runs the scheduler until stopped; resolves after a clean shutdown, rejects if it cannot start. */
export async function runSchedulerProcess(opts: SchedulerProcessOptions): Promise<void> {
  const log = opts.log ?? ((m: string) => console.error(m));
  const client = createClient({ server: opts.server, token: opts.token, caData: opts.caData, insecureSkipTLSVerify: opts.insecureSkipTLSVerify, namespace: 'default' });
  const informerFactory = createInformerFactory(client);
  const scheduler = createScheduler({ client, timings: opts.timings, clock: opts.clock, informerFactory });

  let requestStop!: () => void;
  const stopRequested = new Promise<void>((resolve) => (requestStop = resolve));
  const onStop = (): void => requestStop();
  if (opts.signal) {
    if (opts.signal.aborted) requestStop();
    else opts.signal.addEventListener('abort', onStop, { once: true });
  } else {
    process.once('SIGINT', onStop);
    process.once('SIGTERM', onStop);
  }
  try {
    await scheduler.start();
    informerFactory.start();
    log(`scheduler connected to ${opts.server}`);
    await stopRequested;
  } finally {
    opts.signal?.removeEventListener('abort', onStop);
    process.off('SIGINT', onStop);
    process.off('SIGTERM', onStop);
    await scheduler.stop();
    informerFactory.stop();
  }
}
