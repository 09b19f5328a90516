import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
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

/** A command that records the discovery cache folder its client was given. */
function cacheProbe(seen: { dir?: string }): RegisterCommand {
  return (program, ctx: CliContext) => {
    program.command('cache-probe').action(async () => {
      seen.dir = (await ctx.client()).config.discoveryCacheDir;
    });
  };
}

/** A command that lists the served kinds, as any command mapping a type would. */
const kindsCommand: RegisterCommand = (program, ctx) => {
  program.command('kinds').action(async () => {
    const resources = await (await ctx.client()).discover();
    ctx.io.out(resources.map((r) => r.kind).join(',') + '\n');
  });
};

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

  it('defaults --cache-dir to $MK_HOME/cache, like kubectl\'s $HOME/.kube/cache', async () => {
    const run = async (argv: string[], env: Record<string, string>) => {
      const seen: { dir?: string } = {};
      expect(await runMk(['cache-probe', '-s', 'http://127.0.0.1:9', ...argv], { io: captureIO(), env }, [cacheProbe(seen)])).toBe(0);
      return seen.dir;
    };
    expect(await run([], { HOME: dir, MK_HOME: join(dir, 'mk-home') })).toBe(join(dir, 'mk-home', 'cache', 'discovery'));
    expect(await run([], { HOME: dir })).toBe(join(dir, '.mk', 'cache', 'discovery'));
    expect(await run(['--cache-dir', join(dir, 'c')], { HOME: dir })).toBe(join(dir, 'c', 'discovery'));
    expect(await run(['--cache-dir='], { HOME: dir })).toBe(join(dir, '.mk', 'cache', 'discovery'));
    const io = captureIO();
    await runMk(['--help'], { io, env: {} }, []);
    expect(io.stdout.replace(/\s+/g, ' ')).toContain('--cache-dir <dir> Default cache directory (default "$MK_HOME/cache"');
  });

  it('lets the next command take discovery from the cache instead of the server', async () => {
    const hits: string[] = [];
    const doc = (group: string, kind: string) => ({
      kind: 'APIGroupDiscoveryList',
      apiVersion: 'apidiscovery.k8s.io/v2',
      metadata: {},
      items: [{ metadata: { name: group }, versions: [{ version: 'v1', resources: [{ resource: `${kind.toLowerCase()}s`, singularResource: kind.toLowerCase(), scope: 'Namespaced', responseKind: { group, version: 'v1', kind }, verbs: ['get'] }] }] }],
    });
    const server = createServer((req, res) => {
      hits.push(req.url!);
      res.writeHead(200, { 'content-type': 'application/json;g=apidiscovery.k8s.io;v=v2;as=APIGroupDiscoveryList' });
      res.end(JSON.stringify(req.url === '/api' ? doc('', 'Pod') : doc('apps', 'Deployment')));
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    try {
      const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
      const env = { HOME: dir, MK_HOME: join(dir, 'mk-home') };
      for (let i = 0; i < 2; i++) {
        const io = captureIO();
        expect(await runMk(['kinds', '-s', url], { io, env }, [kindsCommand])).toBe(0);
        expect(io.stdout).toBe('Pod,Deployment\n');
      }
      expect(hits.sort()).toEqual(['/api', '/apis']);
    } finally {
      server.closeAllConnections();
      await new Promise((r) => server.close(r));
    }
  });
});

