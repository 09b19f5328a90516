/**
 * The daemon process entry (bundled to dist/daemon.js). Run directly, it starts
 * the cluster named on its command line; imported (by `mk server`, `mk agent`,
 * `mk scheduler`, `mk controller-manager`), it only exports the runners, so the
 * CLI itself never loads the cluster's components.
 */
import { realpathSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseDaemonArgs } from './cli-args';
import { runDaemon } from './run-daemon';

export { runDaemon } from './run-daemon';
export type { DaemonHandle, DaemonInfo, DaemonOptions } from './run-daemon';
export { runAgentProcess, type AgentProcessOptions } from '@mk/node';
export { runControllerManagerProcess, type ControllerManagerProcessOptions } from '@mk/controllers';
export { runSchedulerProcess, type SchedulerProcessOptions } from './process/scheduler-process';

function isEntryPoint(): boolean {
  if (!process.argv[1]) return false;
  try {
    return realpathSync(process.argv[1]) === realpathSync(fileURLToPath(import.meta.url));
  } catch {
    return false;
  }
}

async function main(): Promise<void> {
  const args = parseDaemonArgs(process.argv.slice(2), process.env);
  const daemon = await runDaemon(args);
  await daemon.closed;
  // Everything is closed and flushed; exit even if a stray handle (a client's
  // half-open socket) would keep the event loop alive.
  process.exit(0);
}

if (isEntryPoint()) {
  main().catch((err: unknown) => {
    process.stderr.write(`mk daemon: ${err instanceof Error ? err.message : String(err)}\n`);
    process.exitCode = 1;
  });
}
