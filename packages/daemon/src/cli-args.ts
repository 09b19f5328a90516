/** Parsing the daemon process's command line (`node dist/daemon.js --name mk --home ~/.mk --port 6443`). */
import { parseArgs } from 'node:util';
import { DEFAULT_CLUSTER_NAME, mkHome } from '@mk/client';

/** The daemon's arguments. */
export interface DaemonArgs {
  name: string;
  home: string;
  port?: number;
  host?: string;
}

/** parseDaemonArgs reads --name, --home (default $MK_HOME or ~/.mk), --port and --host. */
export function parseDaemonArgs(argv: string[], env: Record<string, string | undefined>): DaemonArgs {
  const { values } = parseArgs({
    args: argv,
    options: { name: { type: 'string' }, home: { type: 'string' }, port: { type: 'string' }, host: { type: 'string' } },
    strict: true,
  });
  const args: DaemonArgs = { name: values.name ?? DEFAULT_CLUSTER_NAME, home: values.home ?? mkHome(env) };
  if (values.port !== undefined) {
    const port = Number(values.port);
    if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`invalid port ${JSON.stringify(values.port)}`);
    args.port = port;
  }
  if (values.host !== undefined) args.host = values.host;
  return args;
}
