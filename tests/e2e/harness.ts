/**
 * End-to-end harness: starts a real cluster with the built `bin/mk.js up` in a
 * temporary MK_HOME on a free port, and runs `mk` and the real `kubectl`
 * against it. Nothing touches the user's ~/.mk or ~/.kube: HOME is temporary too.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository root (tests/e2e/../..). */
export const repoRoot = fileURLToPath(new URL('../../', import.meta.url));
/** The built CLI. */
export const mkBin = join(repoRoot, 'bin', 'mk.js');

/** What a finished command left behind. */
export interface RunResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** Options for one command run. */
export interface RunOptions {
  /** Written to the command's standard input (which is then closed). */
  stdin?: string;
  /** Extra environment variables (override the harness's). */
  env?: Record<string, string>;
}

/** A running test cluster. */
export interface Cluster {
  name: string;
  /** The temporary MK_HOME. */
  home: string;
  /** The temporary HOME (so ~/.kube/config is private to the test). */
  userHome: string;
  /** The cluster's own kubeconfig (MK_HOME/<name>/kubeconfig). */
  kubeconfig: string;
  /** API server URL, e.g. https://127.0.0.1:40123. */
  server: string;
  port: number;
  token: string;
  /** PEM of the cluster CA that signs the API server's certificate. */
  caPem: string;
  /** Runs `mk` with MK_HOME, HOME and KUBECONFIG pointing at this cluster. */
  mk(args: string[], opts?: RunOptions): Promise<RunResult>;
  /** Runs the real kubectl with --kubeconfig and a private --cache-dir. */
  kubectl(args: string[], opts?: RunOptions): Promise<RunResult>;
  /** Starts a long-running `mk` or `kubectl` (e.g. `get -w`) with the same environment as mk()/kubectl(). */
  spawn(tool: 'mk' | 'kubectl', args: string[], opts?: RunOptions): RunningCommand;
  /** Stops the daemon and removes the temporary folders. */
  stop(): Promise<void>;
}

/** A command still running (a watch). */
export interface RunningCommand {
  /** Resolves with the stdout so far as soon as it matches; rejects if the command exits first. */
  waitFor(pattern: RegExp): Promise<string>;
  /** Sends a signal (default SIGTERM). */
  kill(signal?: NodeJS.Signals): void;
  /** Settles when the command has exited. */
  exited: Promise<RunResult>;
}

/** Options of startCluster. */
export interface StartClusterOptions {
  name?: string;
  /** Extra flags for `mk up`. */
  upArgs?: string[];
}

/** run spawns a command and collects its output. */
export function run(command: string, args: string[], env: Record<string, string | undefined>, opts: RunOptions = {}): Promise<RunResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { env: { ...env, ...opts.env }, stdio: ['pipe', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    child.on('error', reject);
    child.on('close', (code, signal) => resolve({ code: code ?? (signal ? 128 : 1), stdout, stderr }));
    child.stdin.end(opts.stdin ?? '');
  });
}

/** start spawns a command and returns it while it runs. */
export function start(command: string, args: string[], env: Record<string, string | undefined>, opts: RunOptions = {}): RunningCommand {
  const child = spawn(command, args, { env: { ...env, ...opts.env }, stdio: ['pipe', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  const waiters = new Set<() => void>();
  child.stdout.setEncoding('utf8').on('data', (d: string) => {
    stdout += d;
    for (const w of [...waiters]) w();
  });
  child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
  const exited = new Promise<RunResult>((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code, signal) => {
      resolve({ code: code ?? (signal ? 128 : 1), stdout, stderr });
      for (const w of [...waiters]) w();
    });
  });
  child.stdin.end(opts.stdin ?? '');
  return {
    exited,
    kill: (signal = 'SIGTERM') => void child.kill(signal),
    waitFor(pattern) {
      return new Promise((resolve, reject) => {
        const check = (): void => {
          if (pattern.test(stdout)) {
            waiters.delete(check);
            resolve(stdout);
          } else if (child.exitCode !== null || child.signalCode !== null) {
            waiters.delete(check);
            reject(new Error(`${command} exited before printing ${pattern}:\n${stdout}${stderr}`));
          }
        };
        waiters.add(check);
        check();
      });
    },
  };
}

/** runMk runs the built `mk` with the given environment. */
export function runMk(args: string[], env: Record<string, string | undefined>, opts: RunOptions = {}): Promise<RunResult> {
  return run(process.execPath, [mkBin, ...args], env, opts);
}

/** freePort asks the OS for an unused port on 127.0.0.1. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const addr = srv.address();
      srv.close(() => resolve(typeof addr === 'object' && addr ? addr.port : 0));
    });
  });
}

/** assertBuilt fails early, with the fix, when the bundles are missing. */
export function assertBuilt(): void {
  for (const f of ['dist/mk.js', 'dist/daemon.js']) {
    if (!existsSync(join(repoRoot, f))) throw new Error(`${f} is missing: run "npm run build" before the e2e tests`);
  }
}

/** tempDir makes a temporary folder for a test. */
export function tempDir(prefix: string): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

/** startCluster runs `mk up --no-merge` on a free port in a fresh MK_HOME and returns handles to use it. */
export async function startCluster(opts: StartClusterOptions = {}): Promise<Cluster> {
  assertBuilt();
  const name = opts.name ?? 'mk';
  const root = tempDir('mk-e2e-');
  const home = join(root, 'mk-home');
  const userHome = join(root, 'home');
  const cacheDir = join(root, 'kube-cache');
  mkdirSync(userHome, { recursive: true });
  const port = await freePort();
  const kubeconfig = join(home, name, 'kubeconfig');
  const baseEnv = { ...process.env, MK_HOME: home, HOME: userHome, KUBECONFIG: kubeconfig };
  const kubectlArgs = (args: string[]): string[] => ['--kubeconfig', kubeconfig, '--cache-dir', cacheDir, ...args];

  const up = await runMk(['up', '--name', name, '--port', String(port), '--no-merge', ...(opts.upArgs ?? [])], baseEnv);
  if (up.code !== 0) {
    rmSync(root, { recursive: true, force: true });
    throw new Error(`mk up failed (exit ${up.code}):\n${up.stdout}${up.stderr}`);
  }
  const token = readFileSync(join(home, name, 'token'), 'utf8').trim();
  const caPem = readFileSync(join(home, name, 'ca.crt'), 'utf8');
  const cluster: Cluster = {
    name,
    home,
    userHome,
    kubeconfig,
    port,
    server: `https://127.0.0.1:${port}`,
    token,
    caPem,
    mk: (args, o) => runMk(args, baseEnv, o),
    kubectl: (args, o) => run('kubectl', kubectlArgs(args), baseEnv, o),
    spawn: (tool, args, o) => (tool === 'mk' ? start(process.execPath, [mkBin, ...args], baseEnv, o) : start('kubectl', kubectlArgs(args), baseEnv, o)),
    async stop() {
      await runMk(['down', '--name', name], baseEnv);
      rmSync(root, { recursive: true, force: true });
    },
  };
  return cluster;
}
