import { describe, expect, it } from 'vitest';
import { formatCliError } from '../error-boundary';
import { fakeCli } from '../mutate/testing/fake-context';
import { statusError } from '../mutate/testing/fake-client';
import { register as cordon } from './cordon';
import { register as uncordon } from './uncordon';

const node = (name: string, unschedulable?: boolean) => ({ apiVersion: 'v1', kind: 'Node', metadata: { name, labels: { pool: 'a' } }, spec: unschedulable ? { unschedulable } : {} });

describe('mk cordon / uncordon', () => {
  it('patches spec.unschedulable and says cordoned, or already cordoned', async () => {
    const cli = fakeCli([cordon]);
    cli.client.on('GET', '/api/v1/nodes/w1', node('w1'));
    cli.client.on('GET', '/api/v1/nodes/w2', node('w2', true));
    cli.client.on('PATCH', '/api/v1/nodes/w1', node('w1', true));
    await cli.run('cordon', 'w1', 'w2');
    expect(cli.stdout()).toBe('node/w1 cordoned\nnode/w2 already cordoned\n');
    expect(cli.client.requests.filter((r) => r.method === 'PATCH').map((r) => [r.path, r.body, r.contentType])).toEqual([
      ['/api/v1/nodes/w1', { spec: { unschedulable: true } }, 'application/strategic-merge-patch+json'],
    ]);
  });

  it('uncordons by removing the field, selecting nodes by label', async () => {
    const cli = fakeCli([uncordon]);
    cli.client.on('GET', '/api/v1/nodes', { items: [node('w1', true), node('w2')] });
    cli.client.on('PATCH', '/api/v1/nodes/w1', node('w1'));
    await cli.run('uncordon', '-l', 'pool=a');
    expect(cli.stdout()).toBe('node/w1 uncordoned\nnode/w2 already uncordoned\n');
    expect(cli.client.requests[0]!.query).toEqual({ labelSelector: 'pool=a' });
    expect(cli.client.requests[1]!.body).toEqual({ spec: { unschedulable: null } });
  });

  it('reports a failed patch and carries on; a missing node is a server error', async () => {
    const cli = fakeCli([cordon]);
    cli.client.on('GET', '/api/v1/nodes/w1', node('w1'));
    cli.client.on('PATCH', '/api/v1/nodes/w1', () => {
      throw statusError(409, 'Conflict', 'Operation cannot be fulfilled on nodes "w1": try again');
    });
    await cli.run('cordon', 'w1');
    expect(cli.stderr()).toBe('error: unable to cordon node "w1": Operation cannot be fulfilled on nodes "w1": try again\n');
    const missing = await fakeCli([cordon]).run('cordon', 'ghost').catch((e: unknown) => e);
    expect(formatCliError(missing).message).toBe('Error from server (NotFound): nodes "ghost" not found\n');
    const usage = await fakeCli([cordon]).run('cordon').catch((e: unknown) => e);
    expect(formatCliError(usage).message).toBe("error: USAGE: cordon NODE [flags]\nSee 'mk cordon -h' for help and examples\n");
  });
});
