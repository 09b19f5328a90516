/** Child processes and ports for the figures that run real commands (mk, kubectl, etcd). */
import { spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { performance } from 'node:perf_hooks';

/**
 * Runs a command to its end: its wall time in seconds, until it exited and its
 * output was read to the end (as a user sees it), and its stdout. Rejects on a
 * non-zero exit with its stderr.
 */
export function run(command: string, args: string[], env: NodeJS.ProcessEnv): Promise<{ seconds: number; stdout: string }> {
  const start = performance.now();
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('error', reject);
    child.on('close', (code) => {
      const seconds = (performance.now() - start) / 1000;
      if (code === 0) resolve({ seconds, stdout });
      else reject(new Error(`${command} ${args.join(' ')} exited ${code}: ${stderr}`));
    });
  });
}

/** Runs a command to its end; resolves with its wall time in seconds. */
export async function timed(command: string, args: string[], env: NodeJS.ProcessEnv): Promise<number> {
  return (await run(command, args, env)).seconds;
}

/** A free TCP port on 127.0.0.1 (the OS picks it; released before it is returned). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as { port: number };
      srv.close(() => resolve(port));
    });
  });
}

/**
 * Whether `command` is on PATH and runs (etcd and kubectl are optional): it
 * must exit 0 for `versionArgs` (`--version` for etcd, `version --client` for kubectl).
 */
export function onPath(command: string, versionArgs = ['--version']): Promise<boolean> {
  return new Promise((resolve) => {
    const child = spawn(command, versionArgs, { stdio: 'ignore' });
    child.on('error', () => resolve(false));
    child.on('exit', (code) => resolve(code === 0));
  });
}
