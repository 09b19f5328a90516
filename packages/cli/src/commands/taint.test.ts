import { describe, expect, it } from 'vitest';
import { formatCliError } from '../error-boundary';
import { fakeCli } from '../mutate/testing/fake-context';
import { register } from './taint';

const NODE = '/api/v1/nodes/w1';
const node = { apiVersion: 'v1', kind: 'Node', metadata: { name: 'w1' }, spec: { taints: [{ key: 'old', effect: 'NoSchedule' }] } };

async function run(...args: string[]) {
  const cli = fakeCli([register]);
  cli.client.on('GET', NODE, node);
  cli.client.on('PATCH', NODE, node);
  const err = await cli.run('taint', ...args).catch((e: unknown) => e);
  return { cli, message: err === undefined ? undefined : formatCliError(err).message };
}

describe('mk taint', () => {
  it('adds a taint with a strategic merge patch of the whole list and prints "tainted"', async () => {
    const { cli, message } = await run('nodes', 'w1', 'gpu=true:NoSchedule');
    expect(message).toBeUndefined();
    expect(cli.stdout()).toBe('node/w1 tainted\n');
    const patch = cli.client.requests.find((r) => r.method === 'PATCH')!;
    expect(patch.contentType).toBe('application/strategic-merge-patch+json');
    expect(patch.query).toMatchObject({ fieldManager: 'kubectl-taint', fieldValidation: 'Strict' });
    expect(patch.body).toEqual({ spec: { taints: [{ key: 'gpu', value: 'true', effect: 'NoSchedule' }, { key: 'old', effect: 'NoSchedule' }] } });
  });

  it('removes the last taint by sending null, and prints "untainted"', async () => {
    const { cli } = await run('node', 'w1', 'old-');
    expect(cli.stdout()).toBe('node/w1 untainted\n');
    expect(cli.client.requests.find((r) => r.method === 'PATCH')!.body).toEqual({ spec: { taints: null } });
  });

  it("reports kubectl's validation errors", async () => {
    expect((await run('nodes', 'w1')).message).toBe('error: at least one taint update is required\n');
    expect((await run('a=b:NoSchedule')).message).toBe('error: one or more resources must be specified as <resource> <name>\n');
    expect((await run('nodes', 'a:NoSchedule', 'w1')).message).toBe('error: all resources must be specified before taint changes: w1\n');
    expect((await run('nodes', 'w1', 'a=b:Never')).message).toBe("error: invalid taint effect: Never, unsupported taint effect\nSee 'mk taint -h' for help and examples\n");
    expect((await run('pods', 'w1', 'a=b:NoSchedule')).message).toBe('error: invalid resource type pods, only node types are supported\n');
    expect((await run('nodes', 'a=b:NoSchedule')).message).toBe("error: at least one resource name must be specified since 'all' parameter is not set\n");
    expect((await run('nodes', 'w1', 'a=b:NoSchedule', 'a-')).message).toBe('error: can not both modify and remove the following taint(s) in the same command: a=\n');
    expect((await run('nodes', 'w1', 'old=x:NoSchedule')).message).toBe('error: node w1 already has old taint(s) with same effect(s) and --overwrite is false\n');
    expect((await run('nodes', 'w1', 'nope-')).message).toBe('error: taint "nope" not found\n');
    expect((await run('nodes', 'ghost', 'a=b:NoSchedule')).message).toBe('Error from server (NotFound): nodes "ghost" not found\n');
  });

  it('modifies with --overwrite and sends nothing with --dry-run=client', async () => {
    expect((await run('nodes', 'w1', 'old=x:NoSchedule', '--overwrite')).cli.stdout()).toBe('node/w1 modified\n');
    const dry = await run('nodes', 'w1', 'x=y:NoExecute', '--dry-run=client');
    expect(dry.cli.stdout()).toBe('node/w1 tainted (dry run)\n');
    expect(dry.cli.client.calls().some((c) => c.startsWith('PATCH'))).toBe(false);
  });
});
