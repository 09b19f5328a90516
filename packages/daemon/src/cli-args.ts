/** Parsing the daemon process's command line (`node dist/daemon.js --name mk --home ~/.mk --port 6443 --nodes 3`). */
import { parseArgs } from 'node:util';
import { DEFAULT_CLUSTER_NAME, mkHome } from '@mk/client';

/** The daemon's arguments. */
export interface DaemonArgs {
  name: string;
  home: string;
  port?: number;
  host?: string;
  nodes?: number;
  runtime?: string;
  profile?: string;
}

/**
 * parseDaemonArgs reads --name, --home (default $MK_HOME or ~/.mk), --port,
 * --host, and the cluster shape of a new cluster: --nodes, --runtime, --profile
 * (`mk up` records timing overrides in config.json instead).
 */
export function parseDaemonArgs(argv: string[], env: Record<string, string | undefined>): DaemonArgs {
  const { values } = parseArgs({
    args: argv,
    options: {
      name: { type: 'string' },
      home: { type: 'string' },
      port: { type: 'string' },
      host: { type: 'string' },
      nodes: { type: 'string' },
      runtime: { type: 'string' },
      profile: { type: 'string' },
    },
    strict: true,
  });
  const args: DaemonArgs = { name: values.name ?? DEFAULT_CLUSTER_NAME, home: values.home ?? mkHome(env) };
  if (values.port !== undefined) {
    const port = Number(values.port);
    if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`invalid port ${JSON.stringify(values.port)}`);
    args.port = port;
  }
  if (values.host !== undefined) args.host = values.host;
  if (values.nodes !== undefined) {
    if (!/^\d+$/.test(values.nodes)) throw new Error(`invalid node count ${JSON.stringify(values.nodes)}`);
    args.nodes = Number(values.nodes);
  }
  if (values.runtime !== undefined) args.runtime = values.runtime;
  if (values.profile !== undefined) args.profile = values.profile;
  return args;
}
