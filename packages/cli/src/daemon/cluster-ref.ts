/** Which cluster a lifecycle command means: --name (default "mk") under MK_HOME. */
import { clusterPaths, DEFAULT_CLUSTER_NAME, mkEntryName, mkHome, validateClusterName, type ClusterPaths } from '@mk/client';
import { CliError } from '../context';

/** A cluster by name, with its state files. */
export interface ClusterRef {
  name: string;
  home: string;
  paths: ClusterPaths;
  /** kubeconfig cluster/user/context name: mk-<name>. */
  contextName: string;
}

/** resolveClusterRef validates the name and locates its state folder. */
export function resolveClusterRef(name: string | undefined, env: Record<string, string | undefined>): ClusterRef {
  const n = name ?? DEFAULT_CLUSTER_NAME;
  const invalid = validateClusterName(n);
  if (invalid) throw new CliError(invalid);
  const home = mkHome(env);
  return { name: n, home, paths: clusterPaths(home, n), contextName: mkEntryName(n) };
}

/** parsePortFlag reads --port (1-65535); undefined when not given. */
export function parsePortFlag(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const port = Number(value);
  if (!/^\d+$/.test(value) || port < 1 || port > 65535) throw new CliError(`invalid port ${JSON.stringify(value)}: must be a number from 1 to 65535`);
  return port;
}
