/** Starting the daemon as a detached background process whose output goes to daemon.log. */
import { spawn, type ChildProcess } from 'node:child_process';
import { closeSync, mkdirSync, openSync, readFileSync, statSync } from 'node:fs';
import { readClusterSettings, readPidFile, settingsUrl } from '@mk/client';
import { CliError } from '../context';
import type { ClusterRef } from './cluster-ref';
import { clusterCaPem, isServerReady, pollUntil } from './readiness';

/** A daemon being started. */
export interface StartedDaemon {
  child: ChildProcess;
  /** Size of daemon.log before the start, so errors can show only this run's lines. */
  logOffset: number;
}

/** spawnDaemon runs `node <bundle> --name N --home H [--port P]` detached, with stdout/stderr appended to daemon.log. */
export function spawnDaemon(ref: ClusterRef, bundle: string, port: number | undefined, env: Record<string, string | undefined>): StartedDaemon {
  mkdirSync(ref.paths.dir, { recursive: true, mode: 0o700 });
  const logFd = openSync(ref.paths.log, 'a', 0o600);
  const logOffset = statSync(ref.paths.log).size;
  const args = [bundle, '--name', ref.name, '--home', ref.home, ...(port ? ['--port', String(port)] : [])];
  try {
    const child = spawn(process.execPath, args, { detached: true, stdio: ['ignore', logFd, logFd], env: { ...env, MK_HOME: ref.home } });
    child.unref();
    return { child, logOffset };
  } finally {
    closeSync(logFd);
  }
}

/** Where a started daemon serves. */
export interface ReadyDaemon {
  pid: number;
  port: number;
  url: string;
}

/**
 * waitForDaemon waits until the child has written its pid file and answers
 * /readyz. If the child exits first, the error carries this run's log lines.
 */
export async function waitForDaemon(ref: ClusterRef, started: StartedDaemon, timeoutMs: number, waitLabel: string): Promise<ReadyDaemon> {
  let exit: string | undefined;
  started.child.once('exit', (code, signal) => (exit = signal ? `signal ${signal}` : `code ${code}`));
  started.child.once('error', (err) => (exit = err.message));
  const ready = await pollUntil(async () => {
    if (exit) throw new CliError(`the mk daemon exited (${exit}) before it was ready${logExcerpt(ref.paths.log, started.logOffset)}`);
    if (readPidFile(ref.paths) !== started.child.pid) return undefined;
    const settings = readClusterSettings(ref.paths);
    const url = settingsUrl(settings);
    if (!url || !settings.port) return undefined;
    return (await isServerReady(url, clusterCaPem(ref.paths))) ? { pid: started.child.pid!, port: settings.port, url } : undefined;
  }, timeoutMs);
  if (!ready) {
    throw new CliError(`cluster "${ref.name}" did not become ready within ${waitLabel}; it may still be starting: see "mk status --name ${ref.name}" and ${ref.paths.log}`);
  }
  return ready;
}

function logExcerpt(log: string, offset: number): string {
  try {
    const text = readFileSync(log).subarray(offset).toString('utf8').trim();
    if (!text) return '';
    const lines = text.split('\n').slice(-20);
    return `:\n${lines.join('\n')}`;
  } catch {
    return '';
  }
}
