import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ApiError } from '@mk/client';
import type { RegisterCommand } from './command';
import type { CliContext, CliIO } from './context';
import { runMk } from './program';

function captureIO(): CliIO & { stdout: string; stderr: string } {
  const io = {
    stdout: '',
    stderr: '',
    out(t: string) { io.stdout += t; },
    err(t: string) { io.stderr += t; },
    readStdin: async () => '',
    isTTY: false,
  };
  return io;
}

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'mk-prog-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

/** A command that records what the context resolves to. */
function probe(seen: { ns?: string; explicit?: boolean; server?: string; token?: string }): RegisterCommand {
  return (program, ctx: CliContext) => {
    program.command('probe').action(async () => {
      seen.ns = await ctx.namespace();
      seen.explicit = ctx.namespaceExplicit();
      const client = await ctx.client();
      seen.server = client.config.server;
      seen.token = client.config.token;
    });
  };
}

describe('runMk', () => {
  it('prints help and exits 0 without arguments', async () => {
    const io = captureIO();
    expect(await runMk([], { io, env: {} }, [])).toBe(0);
    expect(io.stdout).toContain('Usage: mk [flags] [command]');
    expect(io.stdout).toContain('--kubeconfig <path>');
  });

  it('takes global flags before or after the command', async () => {
    const io = captureIO();
    const seen: Record<string, unknown> = {};
    expect(await runMk(['probe', '-n', 'kube-system', '--server', 'http://127.0.0.1:9', '--token', 't'], { io, env: { HOME: dir } }, [probe(seen)])).toBe(0);
    expect(seen).toEqual({ ns: 'kube-system', explicit: true, server: 'http://127.0.0.1:9', token: 't' });
    const seen2: Record<string, unknown> = {};
    expect(await runMk(['--namespace=apps', '-s', 'http://127.0.0.1:8', 'probe'], { io, env: { HOME: dir } }, [probe(seen2)])).toBe(0);
    expect(seen2).toMatchObject({ ns: 'apps', server: 'http://127.0.0.1:8' });
  });

  it('reads the namespace and server from --kubeconfig and --context', async () => {
    const kc = join(dir, 'kc');
    writeFileSync(kc, 'current-context: a\ncontexts:\n- name: a\n  context: {cluster: c}\n- name: b\n  context: {cluster: c, namespace: team-b}\nclusters:\n- name: c\n  cluster: {server: "http://127.0.0.1:7"}\n');
    const seen: Record<string, unknown> = {};
    expect(await runMk(['probe', '--kubeconfig', kc, '--context', 'b'], { io: captureIO(), env: {} }, [probe(seen)])).toBe(0);
    expect(seen).toMatchObject({ ns: 'team-b', explicit: false, server: 'http://127.0.0.1:7' });
  });

  it('maps command errors through the error boundary', async () => {
    const io = captureIO();
    const failing: RegisterCommand = (program) => {
      program.command('fail').action(() => {
        throw new ApiError({ kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Failure', reason: 'NotFound', message: 'pods "x" not found', code: 404 });
      });
    };
    expect(await runMk(['fail'], { io, env: {} }, [failing])).toBe(1);
    expect(io.stderr).toBe('Error from server (NotFound): pods "x" not found\n');
  });

  it('explains what to do when no cluster is configured, but still defaults the namespace', async () => {
    const io = captureIO();
    const seen: Record<string, unknown> = {};
    expect(await runMk(['probe'], { io, env: { HOME: dir } }, [probe(seen)])).toBe(1);
    expect(seen.ns).toBe('default');
    expect(io.stderr).toBe('error: no configuration has been provided, try setting KUBERNETES_MASTER environment variable\nTo start a local cluster run "mk up", or point mk at one with --kubeconfig, $KUBECONFIG or --server.\n');
  });

  it('rejects a bad --request-timeout with kubectl\'s message', async () => {
    const io = captureIO();
    expect(await runMk(['probe', '--request-timeout', 'soon', '-s', 'http://127.0.0.1:1'], { io, env: {} }, [probe({})])).toBe(1);
    expect(io.stderr).toMatch(/^error: Invalid timeout value\. Timeout must be a single integer in seconds/);
  });

  it('reports unknown commands and options with exit code 1', async () => {
    const io = captureIO();
    expect(await runMk(['nope'], { io, env: {} }, [probe({})])).toBe(1);
    expect(io.stderr).toContain("error: unknown command 'nope'");
    expect(await runMk(['probe', '--bogus'], { io, env: {} }, [probe({})])).toBe(1);
    expect(io.stderr).toContain("error: unknown option '--bogus'");
  });

  it('registers the lifecycle commands by default', async () => {
    const io = captureIO();
    expect(await runMk(['--help'], { io, env: {} })).toBe(0);
    for (const name of ['up', 'down', 'status', 'server', 'kubeconfig']) expect(io.stdout).toMatch(new RegExp(`^  ${name} `, 'm'));
  });
});
