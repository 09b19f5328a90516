/**
 * Running one cluster component in the foreground (`mk agent`, `mk scheduler`,
 * `mk controller-manager`). The components live in the daemon bundle, which
 * exports their runners; the CLI loads it only for these commands.
 */
import { pathToFileURL } from 'node:url';
import type { ClusterTimings } from '@mk/api';
import type { Taint } from './taints';
import { daemonBundlePath } from '../daemon/bundle-path';

/** How a component reaches the API server. */
export interface Connection {
  server: string;
  token?: string;
  caData?: string;
  insecureSkipTLSVerify?: boolean;
}

/** The part of dist/daemon.js these commands call (structural: the CLI does not import @mk/daemon). */
export interface ComponentRunners {
  runAgentProcess(
    opts: Connection & {
      name: string;
      capacity?: { cpu?: string; memory?: string; pods?: string };
      labels?: Record<string, string>;
      taints?: Taint[];
      timings?: ClusterTimings;
      log?: (message: string) => void;
    },
  ): Promise<{ name: string; stop(): Promise<void> }>;
  runSchedulerProcess(opts: Connection & { timings: ClusterTimings; log?: (message: string) => void }): Promise<void>;
  runControllerManagerProcess(opts: Connection & { timings: ClusterTimings; controllers?: string[]; leaderElect?: boolean; log?: (message: string) => void }): Promise<void>;
}

/** loadComponentRunners imports the daemon bundle built next to this one. */
export async function loadComponentRunners(): Promise<ComponentRunners> {
  return (await import(pathToFileURL(daemonBundlePath()).href)) as ComponentRunners;
}
