import { describe, expect, it } from 'vitest';
import { formatCliError } from '../error-boundary';
import { fakeCli } from '../mutate/testing/fake-context';
import { statusError } from '../mutate/testing/fake-client';
import { register } from './node';

const info = (name: string, power: 'on' | 'off' = 'on') => ({ name, power, booted: power === 'on', runtime: 'sim', controlPlane: false, labels: {}, taints: [], capacity: {} });
const readyNode = (name: string) => ({ metadata: { name, creationTimestamp: '2024-12-31T23:00:00Z' }, status: { conditions: [{ type: 'Ready', status: 'True' }] } });

describe('mk node', () => {
  it('adds a node with labels, taints and capacity, waits until it is Ready, and says so', async () => {
    const cli = fakeCli([register]);
    cli.client.on('POST', '/mk/v1/nodes', info('mk-worker3'));
    cli.client.on('GET', '/mk/v1/nodes', { items: [info('mk-worker3')] });
    cli.client.on('GET', '/api/v1/nodes', { items: [] }, { items: [readyNode('mk-worker3')] });
    await cli.run('node', 'add', '--labels', 'disk=ssd,zone=a', '--taints', 'gpu=true:NoSchedule', '--cpu', '8', '--memory', '32Gi', '--pods', '50');
    expect(cli.client.requests[0]!.body).toEqual({
      labels: { disk: 'ssd', zone: 'a' },
      taints: [{ key: 'gpu', value: 'true', effect: 'NoSchedule' }],
      cpu: '8',
      memory: '32Gi',
      pods: '50',
    });
    expect(cli.stdout()).toBe('node/mk-worker3 added\n');
    expect(cli.client.calls().filter((c) => c === 'GET /api/v1/nodes')).toHaveLength(2);
  });

  it('reports bad --taints before calling the daemon', async () => {
    const cli = fakeCli([register]);
    const err = await cli.run('node', 'add', 'x', '--taints', 'gpu=true:Never').catch((e: unknown) => e);
    expect(formatCliError(err).message).toBe('error: --taints: invalid taint effect: Never, unsupported taint effect\n');
    expect(cli.client.calls()).toEqual([]);
  });

  it('powers a node off and on, saying when it already was', async () => {
    const cli = fakeCli([register]);
    cli.client.on('POST', '/mk/v1/nodes/mk-worker2/stop', { node: info('mk-worker2', 'off'), changed: true }, { node: info('mk-worker2', 'off'), changed: false });
    cli.client.on('POST', '/mk/v1/nodes/mk-worker2/start', { node: info('mk-worker2'), changed: true });
    cli.client.on('GET', '/mk/v1/nodes', { items: [info('mk-worker2')] });
    cli.client.on('GET', '/api/v1/nodes', { items: [readyNode('mk-worker2')] });
    await cli.run('node', 'stop', 'mk-worker2');
    await cli.run('node', 'stop', 'mk-worker2');
    await cli.run('node', 'start', 'mk-worker2');
    expect(cli.stdout()).toBe(
      'node/mk-worker2 stopped (powered off: no heartbeats, its containers killed)\nnode/mk-worker2 already stopped\nnode/mk-worker2 started\n',
    );
  });

  it('removes a node, and reports unknown ones as the API does', async () => {
    const cli = fakeCli([register]);
    cli.client.on('DELETE', '/mk/v1/nodes/mk-worker3', info('mk-worker3', 'off'));
    await cli.run('node', 'rm', 'mk-worker3');
    expect(cli.stdout()).toBe('node/mk-worker3 removed\n');
    cli.client.on('DELETE', '/mk/v1/nodes/ghost', () => {
      throw statusError(404, 'NotFound', 'nodes "ghost" not found', { name: 'ghost', kind: 'nodes' });
    });
    const err = await cli.run('node', 'rm', 'ghost').catch((e: unknown) => e);
    expect(formatCliError(err).message).toBe('Error from server (NotFound): nodes "ghost" not found\n');
  });

  it('explains a server without the node API', async () => {
    const cli = fakeCli([register]);
    const err = await cli.run('node', 'ls').catch((e: unknown) => e);
    expect(formatCliError(err).message).toBe('error: the server at http://127.0.0.1:6443 has no mk node API (/mk/v1/nodes): "mk node" manages clusters started with "mk up"\n');
  });

  it('lists nodes as a table', async () => {
    const cli = fakeCli([register]);
    cli.client.on('GET', '/mk/v1/nodes', { items: [info('mk-control-plane'), info('mk-worker', 'off')] });
    cli.client.on('GET', '/api/v1/nodes', { items: [readyNode('mk-control-plane'), readyNode('mk-worker')] });
    await cli.run('node', 'ls');
    expect(cli.stdout()).toBe('NAME               POWER   STATUS   ROLES    AGE\nmk-control-plane   on      Ready    <none>   60m\nmk-worker          off     Ready    <none>   60m\n');
  });
});
