/**
 * The layout of mk's state folder, shared by the daemon (which writes it) and
 * the CLI (which reads it to find, start and stop a cluster).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';

/** The default cluster name. */
export const DEFAULT_CLUSTER_NAME = 'mk';

/** Files of one cluster under MK_HOME/<name>/. */
export interface ClusterPaths {
  /** MK_HOME/<name> (0700). */
  dir: string;
  /** SQLite store. */
  stateDb: string;
  /** Bearer token (0600), generated once. */
  token: string;
  /** Persistent settings ({ port, host }) so a restart resumes on the same port. */
  config: string;
  /** Standalone kubeconfig for this cluster (0600). */
  kubeconfig: string;
  /** Pid of the running daemon; its mtime is the start time. */
  pid: string;
  /** Unix socket of the API server for the daemon's own components (plain HTTP, token required; in this 0700 folder). */
  socket: string;
  /** Daemon log (stdout/stderr of the detached process too). */
  log: string;
  /** Where `mk up` merged this cluster's context into a user kubeconfig, for `mk down --delete`. */
  merged: string;
  /** The cluster CA (certificate-authority-data of the kubeconfig) and its key (0600). */
  caCert: string;
  caKey: string;
  /** The API server's serving certificate and key (0600). */
  serverCert: string;
  serverKey: string;
}

/** mkHome is $MK_HOME, else ~/.mk. */
export function mkHome(env: Record<string, string | undefined>): string {
  return env.MK_HOME || join(env.HOME || homedir(), '.mk');
}

/** clusterPaths lists the files of cluster `name` under `home`. */
export function clusterPaths(home: string, name: string): ClusterPaths {
  const dir = join(home, name);
  return {
    dir,
    stateDb: join(dir, 'state.db'),
    token: join(dir, 'token'),
    config: join(dir, 'config.json'),
    kubeconfig: join(dir, 'kubeconfig'),
    pid: join(dir, 'daemon.pid'),
    socket: join(dir, 'api.sock'),
    log: join(dir, 'daemon.log'),
    merged: join(dir, 'merged-kubeconfig.json'),
    caCert: join(dir, 'ca.crt'),
    caKey: join(dir, 'ca.key'),
    serverCert: join(dir, 'server.crt'),
    serverKey: join(dir, 'server.key'),
  };
}

/** validateClusterName accepts names usable as a folder and in a DNS-like context name (kind's rule). */
export function validateClusterName(name: string): string | undefined {
  if (!/^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/.test(name) || name.length > 50) {
    return `invalid cluster name ${JSON.stringify(name)}: use lowercase letters, digits and '-', starting and ending with a letter or digit (at most 50 characters)`;
  }
  return undefined;
}

/** The settings persisted in config.json. */
export interface ClusterSettings {
  port?: number;
  host?: string;
  /** https once the API server serves TLS (it must: kubectl sends tokens only over TLS). */
  scheme?: 'http' | 'https';
}

/** readClusterSettings reads config.json; missing or unreadable means no settings yet. */
export function readClusterSettings(paths: ClusterPaths): ClusterSettings {
  try {
    const raw = JSON.parse(readFileSync(paths.config, 'utf8')) as ClusterSettings;
    return typeof raw === 'object' && raw !== null ? raw : {};
  } catch {
    return {};
  }
}

/** writeClusterSettings writes config.json (0600). */
export function writeClusterSettings(paths: ClusterPaths, settings: ClusterSettings): void {
  writeFileSync(paths.config, JSON.stringify(settings, null, 2) + '\n', { mode: 0o600 });
}

/** readPidFile returns the pid in daemon.pid, or undefined if there is none. */
export function readPidFile(paths: ClusterPaths): number | undefined {
  try {
    const pid = Number(readFileSync(paths.pid, 'utf8').trim());
    return Number.isInteger(pid) && pid > 0 ? pid : undefined;
  } catch {
    return undefined;
  }
}

/** isProcessAlive checks a pid with signal 0 (EPERM means alive but not ours). */
export function isProcessAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** serverUrl is the API server URL for a scheme, host and port. */
export function serverUrl(scheme: 'http' | 'https', host: string, port: number): string {
  return `${scheme}://${host.includes(':') ? `[${host}]` : host}:${port}`;
}

/** settingsUrl is the URL recorded in config.json, if a port is. */
export function settingsUrl(settings: ClusterSettings): string | undefined {
  return settings.port ? serverUrl(settings.scheme ?? 'https', settings.host ?? '127.0.0.1', settings.port) : undefined;
}
