import { describe, expect, it } from 'vitest';
import { formatCliError } from '../../error-boundary';
import { FakeApiClient, notFoundFor, STANDARD_RESOURCES, statusError } from '../../mutate/testing/fake-client';
import { fakeCli } from '../../mutate/testing/fake-context';
import { register } from '../../commands/drain';
import { runDrain, type DrainOptions } from './run-drain';

const NODE = '/api/v1/nodes/w1';
const node = { apiVersion: 'v1', kind: 'Node', metadata: { name: 'w1' }, spec: {} };
const webPod = { metadata: { name: 'web-1', namespace: 'default', uid: 'u1', ownerReferences: [{ kind: 'ReplicaSet', name: 'web', controller: true }] }, spec: { containers: [] }, status: { phase: 'Running' } };
const barePod = { metadata: { name: 'bare', namespace: 'default', uid: 'u2' }, spec: { containers: [] }, status: { phase: 'Running' } };
const EVICT = '/api/v1/namespaces/default/pods/web-1/eviction';
const POD = '/api/v1/namespaces/default/pods/web-1';

/** Discovery where pods serve the eviction subresource, as mk's API server does. */
const withEviction = STANDARD_RESOURCES.map((r) => (r.plural === 'pods' ? { ...r, subresources: ['status', 'eviction'] } : r));

const opts = (extra: Partial<DrainOptions> = {}): DrainOptions => ({
  nodeNames: ['w1'],
  force: false,
  ignoreDaemonSets: false,
  deleteEmptyDirData: false,
  skipWaitForDeleteTimeoutSeconds: 0,
  disableEviction: false,
  gracePeriodSeconds: -1,
  timeoutMs: 0,
  dryRun: 'none',
  ...extra,
});

/** A clock that advances when slept on, so retries take no real time. */
function fakeClock() {
  let t = 0;
  const slept: number[] = [];
  return { slept, clock: { now: () => t, sleep: async (ms: number) => void (slept.push(ms), (t += ms)), pollIntervalMs: 250 } };
}

function cluster(pods: object[]) {
  const cli = fakeCli([], { client: new FakeApiClient(withEviction) });
  cli.client.on('GET', NODE, node);
  cli.client.on('PATCH', NODE, { ...node, spec: { unschedulable: true } });
  cli.client.on('GET', '/api/v1/pods', { items: pods });
  return cli;
}

describe('drain', () => {
  it('cordons, evicts with a policy/v1 Eviction, waits until the pod is gone, and reports', async () => {
    const cli = cluster([webPod]);
    cli.client.on('POST', EVICT, {});
    cli.client.on('GET', POD, webPod, () => {
      throw notFoundFor('GET', POD);
    });
    const { clock } = fakeClock();
    await runDrain(cli.ctx, opts({ gracePeriodSeconds: 5 }), clock);
    expect(cli.stdout()).toBe('node/w1 cordoned\nevicting pod default/web-1\npod/web-1 evicted\nnode/w1 drained\n');
    const patch = cli.client.requests.find((r) => r.method === 'PATCH')!;
    expect(patch).toMatchObject({ contentType: 'application/strategic-merge-patch+json', body: { spec: { unschedulable: true } } });
    expect(cli.client.requests.find((r) => r.method === 'GET' && r.path === '/api/v1/pods')!.query).toEqual({ fieldSelector: 'spec.nodeName=w1' });
    expect(cli.client.requests.find((r) => r.path === EVICT)!.body).toEqual({
      apiVersion: 'policy/v1',
      kind: 'Eviction',
      metadata: { name: 'web-1', namespace: 'default' },
      deleteOptions: { gracePeriodSeconds: 5 },
    });
  });

  it('retries an eviction a PodDisruptionBudget refuses, every 5s, with kubectl\'s message', async () => {
    const cli = cluster([webPod]);
    const pdb = () => {
      throw statusError(429, 'TooManyRequests', "Cannot evict pod as it would violate the pod's disruption budget.");
    };
    cli.client.on('POST', EVICT, pdb, pdb, {});
    cli.client.on('GET', POD, () => {
      throw notFoundFor('GET', POD);
    });
    const { clock, slept } = fakeClock();
    await runDrain(cli.ctx, opts(), clock);
    expect(slept).toEqual([5000, 5000]);
    expect(cli.stderr()).toBe(
      'error when evicting pods/"web-1" -n "default" (will retry after 5s): Cannot evict pod as it would violate the pod\'s disruption budget.\n'.repeat(2),
    );
    expect(cli.stdout()).toBe('node/w1 cordoned\n' + 'evicting pod default/web-1\n'.repeat(3) + 'pod/web-1 evicted\nnode/w1 drained\n');
  });

  it('gives up at --timeout and leaves the node cordoned, exiting 1', async () => {
    const cli = cluster([webPod]);
    cli.client.on('POST', EVICT, () => {
      throw statusError(429, 'TooManyRequests', "Cannot evict pod as it would violate the pod's disruption budget.");
    });
    const { clock } = fakeClock();
    const err = await runDrain(cli.ctx, opts({ timeoutMs: 8000 }), clock).catch((e: unknown) => e);
    expect(formatCliError(err)).toEqual({ message: '', exitCode: 1 });
    const timeout = 'error when evicting pods/"web-1" -n "default": global timeout reached: 8s';
    expect(cli.stderr()).toContain(
      `There are pending pods in node "w1" when an error occurred: ${timeout}\npod/web-1\n` +
        `error: unable to drain node "w1" due to error: ${timeout}, continuing command...\n` +
        'There are pending nodes to be drained:\n w1\n' +
        `${timeout}\n`,
    );
  });

  it("refuses pods without a controller, printing kubectl's errors", async () => {
    const cli = cluster([webPod, barePod]);
    const err = await runDrain(cli.ctx, opts(), fakeClock().clock).catch((e: unknown) => e);
    expect(formatCliError(err).exitCode).toBe(1);
    expect(cli.stdout()).toBe('node/w1 cordoned\n');
    const why = 'cannot delete cannot delete Pods that declare no controller (use --force to override): default/bare';
    expect(cli.stderr()).toBe(`error: unable to drain node "w1" due to error: ${why}, continuing command...\nThere are pending nodes to be drained:\n w1\n${why}\n`);
    expect(cli.client.calls().some((c) => c.startsWith('POST'))).toBe(false);
  });

  it('deletes instead of evicting with --disable-eviction, and warns about bare pods with --force', async () => {
    const cli = cluster([barePod]);
    cli.client.on('DELETE', '/api/v1/namespaces/default/pods/bare', {});
    cli.client.on('GET', '/api/v1/namespaces/default/pods/bare', { ...barePod, metadata: { ...barePod.metadata, uid: 'replaced' } });
    await runDrain(cli.ctx, opts({ disableEviction: true, force: true }), fakeClock().clock);
    expect(cli.stderr()).toBe('Warning: deleting Pods that declare no controller: default/bare\n');
    expect(cli.stdout()).toBe('node/w1 cordoned\npod/bare deleted\nnode/w1 drained\n');
  });

  it('only prints what it would do with --dry-run=client', async () => {
    const cli = cluster([webPod]);
    await runDrain(cli.ctx, opts({ dryRun: 'client' }), fakeClock().clock);
    expect(cli.stdout()).toBe('node/w1 cordoned (dry run)\nevicting pod default/web-1 (dry run)\nnode/w1 drained (dry run)\n');
    expect(cli.client.calls().filter((c) => !c.startsWith('GET'))).toEqual([]);
  });
});

describe('mk drain flags', () => {
  it('needs a node or a selector, not both, and a valid --pod-selector', async () => {
    for (const [args, message] of [
      [['drain'], "error: USAGE: drain NODE [flags]\nSee 'mk drain -h' for help and examples\n"],
      [['drain', 'w1', '-l', 'a=b'], "error: cannot specify both a node name and a --selector option\nSee 'mk drain -h' for help and examples\n"],
      [['drain', 'w1', '--pod-selector', 'a in ('], 'error: --pod-selector=<pod_selector> must be a valid label selector\n'],
      [['drain', 'w1', '--grace-period', 'x'], 'error: invalid argument "x" for "--grace-period" flag: strconv.ParseInt: parsing "x": invalid syntax\n'],
    ] as const) {
      const cli = fakeCli([register]);
      const err = await cli.run(...args).catch((e: unknown) => e);
      expect(formatCliError(err).message).toBe(message);
    }
  });
});
