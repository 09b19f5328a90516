/**
 * Nodes end to end: a real daemon with three node agents, its scheduler and
 * controllers, driven by `mk` and the real kubectl 1.32 — scheduling and its
 * FailedScheduling events, a node powered off and on, cordon, drain against a
 * PodDisruptionBudget, taints, resource fit, an agent joining from its own
 * process over HTTPS, and nodes surviving `mk down` / `mk up`.
 *
 * Node-failure timings are shortened with `mk up` flags so the suite stays
 * fast; waits poll with generous upper bounds, never timing assertions.
 */
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startCluster, type Cluster } from './harness';
import { ok, until } from './support';

const fixture = (name: string): string => join(__dirname, 'fixtures', 'nodes', name);

/** The demo profile, shortened further: a silent node is NotReady after 4 s, its pods evicted 2 s later. */
const UP_ARGS = [
  '--profile', 'demo',
  '--node-lease-renew-interval', '500ms',
  '--node-status-update-frequency', '500ms',
  '--node-monitor-period', '500ms',
  '--node-monitor-grace-period', '4s',
  '--default-toleration-seconds', '2',
  '--pod-max-backoff-seconds', '1',
];

const FAIL_SELECTOR =
  "0/3 nodes are available: 1 node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }, 2 node(s) didn't match Pod's node affinity/selector. preemption: 0/3 nodes are available: 3 Preemption is not helpful for scheduling..";
const FAIL_CPU =
  '0/3 nodes are available: 1 node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }, 2 Insufficient cpu. preemption: 0/3 nodes are available: 1 Preemption is not helpful for scheduling, 2 No preemption victims found for incoming pod..';
const PDB_REFUSAL = `error when evicting pods/"guarded-1" -n "default" (will retry after 5s): Cannot evict pod as it would violate the pod's disruption budget.`;

let cluster: Cluster;

beforeAll(async () => {
  cluster = await startCluster({ upArgs: UP_ARGS });
}, 120_000);
afterAll(async () => cluster?.stop());

/** name → [phase, node] of the pods matching a selector (or all pods). */
async function pods(selector?: string): Promise<Map<string, [string, string]>> {
  const args = ['get', 'pods', '-o', 'jsonpath={range .items[*]}{.metadata.name} {.status.phase} {.spec.nodeName} {.metadata.deletionTimestamp}{"\\n"}{end}'];
  const out = await ok(cluster.kubectl(selector ? [...args, '-l', selector] : args));
  return new Map(
    out
      .split('\n')
      .filter(Boolean)
      .map((line) => {
        const [name, phase, node = '', deleting] = line.split(' ');
        return [name!, [deleting ? 'Terminating' : phase!, node]] as const;
      }),
  );
}

async function phaseOf(name: string): Promise<[string, string] | undefined> {
  return (await pods()).get(name);
}

/** The FailedScheduling event line of a pod, as `mk get events` prints it. */
async function failedScheduling(tool: 'mk' | 'kubectl', pod: string): Promise<string | undefined> {
  const out = await ok(cluster[tool](['get', 'events', '--field-selector', `involvedObject.name=${pod},reason=FailedScheduling`]));
  return out.split('\n').find((l) => l.includes('FailedScheduling'));
}

const nodeLine = (table: string, name: string): string | undefined => table.split('\n').find((l) => l.startsWith(`${name} `));

describe('nodes', () => {
  it('starts three Ready nodes: a control plane and two workers', async () => {
    for (const tool of ['mk', 'kubectl'] as const) {
      const table = await ok(cluster[tool](['get', 'nodes']));
      expect(table).toMatch(/^NAME\s+STATUS\s+ROLES\s+AGE\s+VERSION\n/);
      expect(nodeLine(table, 'mk-control-plane')).toMatch(/^mk-control-plane\s+Ready\s+control-plane\s+\S+\s+v1\.32\.\S+$/);
      expect(nodeLine(table, 'mk-worker')).toMatch(/^mk-worker\s+Ready\s+<none>\s+\S+\s+v1\.32\.\S+$/);
      expect(nodeLine(table, 'mk-worker2')).toMatch(/^mk-worker2\s+Ready\s+<none>\s+\S+\s+v1\.32\.\S+$/);
    }
    const ls = await ok(cluster.mk(['node', 'ls']));
    expect(ls).toMatch(/^NAME\s+POWER\s+STATUS\s+ROLES\s+AGE\nmk-control-plane\s+on\s+Ready\s+control-plane\s+\S+\nmk-worker\s+on\s+Ready\s+<none>\s+\S+\nmk-worker2\s+on\s+Ready\s+<none>\s+\S+\n$/);
  });

  it('runs 30 pods spread over the workers', async () => {
    const manifest = Array.from({ length: 30 }, (_, i) =>
      ['apiVersion: v1', 'kind: Pod', 'metadata:', `  name: web-${i + 1}`, '  labels:', '    app: web', 'spec:', '  containers:', '    - name: nginx', '      image: nginx:1.27'].join('\n'),
    ).join('\n---\n');
    await ok(cluster.kubectl(['apply', '-f', '-'], { stdin: manifest }));
    const placed = await until('30 Running pods', async () => {
      const all = await pods('app=web');
      return all.size === 30 && [...all.values()].every(([phase]) => phase === 'Running') ? all : undefined;
    });
    const byNode = new Map<string, number>();
    for (const [, node] of placed.values()) byNode.set(node, (byNode.get(node) ?? 0) + 1);
    expect([...byNode.keys()].sort()).toEqual(['mk-worker', 'mk-worker2']);
    const table = await ok(cluster.mk(['get', 'pods', '-l', 'app=web']));
    expect(table.split('\n').filter((l) => /^web-\d+\s+1\/1\s+Running\s+0\s+/.test(l))).toHaveLength(30);
  });

  it('keeps a pod no node fits Pending with the FailedScheduling event, and schedules it once a node is labelled', async () => {
    await ok(cluster.mk(['apply', '-f', fixture('needs-ssd.yaml')]));
    for (const tool of ['mk', 'kubectl'] as const) {
      const line = await until(`${tool}: the FailedScheduling event`, () => failedScheduling(tool, 'needs-ssd'));
      expect(line).toMatch(/^\S+\s+Warning\s+FailedScheduling\s+pod\/needs-ssd\s+(.*)$/);
      expect(line.replace(/^\S+\s+Warning\s+FailedScheduling\s+pod\/needs-ssd\s+/, '')).toBe(FAIL_SELECTOR);
    }
    expect((await phaseOf('needs-ssd'))?.[0]).toBe('Pending');

    expect(await ok(cluster.kubectl(['label', 'nodes', 'mk-worker', 'type=ssd']))).toBe('node/mk-worker labeled\n');
    for (const tool of ['mk', 'kubectl'] as const) {
      const table = await ok(cluster[tool](['get', 'nodes', '-L', 'type']));
      expect(table.split('\n')[0]).toMatch(/^NAME\s+STATUS\s+ROLES\s+AGE\s+VERSION\s+TYPE$/);
      expect(nodeLine(table, 'mk-worker')).toMatch(/\s+ssd$/);
      expect(nodeLine(table, 'mk-worker2')).toMatch(/v1\.32\.\S+\s*$/);
    }
    expect(await until('needs-ssd Running', async () => ((await phaseOf('needs-ssd'))?.[0] === 'Running' ? await phaseOf('needs-ssd') : undefined))).toEqual([
      'Running',
      'mk-worker',
    ]);
  });

  it('notices a powered-off node, evicts its pods, and keeps them Terminating until it is powered on', async () => {
    const onWorker2 = [...(await pods('app=web')).entries()].filter(([, [, node]]) => node === 'mk-worker2').map(([name]) => name);
    expect(onWorker2.length).toBeGreaterThan(0);

    expect(await ok(cluster.mk(['node', 'stop', 'mk-worker2']))).toBe('node/mk-worker2 stopped (powered off: no heartbeats, its containers killed)\n');
    await until('mk-worker2 NotReady', async () => (/^mk-worker2\s+NotReady\s/m.test(await ok(cluster.kubectl(['get', 'nodes']))) ? true : undefined));
    expect(nodeLine(await ok(cluster.mk(['node', 'ls'])), 'mk-worker2')).toMatch(/^mk-worker2\s+off\s+NotReady\s+<none>\s+\S+$/);

    await until('its pods Terminating', async () => {
      const table = await ok(cluster.mk(['get', 'pods', '-l', 'app=web']));
      return onWorker2.every((name) => new RegExp(`^${name}\\s+\\S+\\s+Terminating\\s`, 'm').test(table)) ? true : undefined;
    });
    const meanwhile = await pods('app=web');
    expect(onWorker2.every((name) => meanwhile.get(name)?.[0] === 'Terminating')).toBe(true);

    expect(await ok(cluster.mk(['node', 'start', 'mk-worker2']))).toBe('node/mk-worker2 started\n');
    expect(nodeLine(await ok(cluster.kubectl(['get', 'nodes'])), 'mk-worker2')).toMatch(/^mk-worker2\s+Ready\s/);
    await until('the evicted pods gone', async () => {
      const left = await pods('app=web');
      return onWorker2.every((name) => !left.has(name)) ? true : undefined;
    });
    expect([...(await pods('app=web')).values()].every(([phase, node]) => phase === 'Running' && node === 'mk-worker')).toBe(true);
  });

  it('cordons and uncordons nodes, with kubectl and mk alike', async () => {
    expect(await ok(cluster.kubectl(['cordon', 'mk-worker']))).toBe('node/mk-worker cordoned\n');
    expect(await ok(cluster.mk(['cordon', 'mk-worker']))).toBe('node/mk-worker already cordoned\n');
    for (const tool of ['mk', 'kubectl'] as const) expect(nodeLine(await ok(cluster[tool](['get', 'nodes'])), 'mk-worker')).toMatch(/^mk-worker\s+Ready,SchedulingDisabled\s/);

    await ok(cluster.kubectl(['run', 'while-cordoned', '--image', 'nginx:1.27']));
    expect(await until('while-cordoned Running', async () => ((await phaseOf('while-cordoned'))?.[0] === 'Running' ? await phaseOf('while-cordoned') : undefined))).toEqual([
      'Running',
      'mk-worker2',
    ]);

    expect(await ok(cluster.mk(['uncordon', 'mk-worker']))).toBe('node/mk-worker uncordoned\n');
    expect(await ok(cluster.kubectl(['uncordon', 'mk-worker']))).toBe('node/mk-worker already uncordoned\n');
  });

  it('drains a node: refuses bare pods without --force, then retries evictions a PodDisruptionBudget blocks', async () => {
    await ok(cluster.mk(['delete', 'pods', '--all']));
    await ok(cluster.mk(['apply', '-f', fixture('guarded.yaml')]));
    await until('guarded pods Running and the budget computed', async () => {
      const all = await pods('app=guarded');
      const allowed = await ok(cluster.kubectl(['get', 'pdb', 'guarded', '-o', 'jsonpath={.status.currentHealthy}/{.status.disruptionsAllowed}']));
      return all.size === 2 && [...all.values()].every(([phase, node]) => phase === 'Running' && node === 'mk-worker') && allowed === '2/0' ? true : undefined;
    });

    const refusal =
      'error: unable to drain node "mk-worker" due to error: cannot delete cannot delete Pods that declare no controller (use --force to override): default/guarded-1, default/guarded-2, continuing command...\n' +
      'There are pending nodes to be drained:\n mk-worker\n' +
      'cannot delete cannot delete Pods that declare no controller (use --force to override): default/guarded-1, default/guarded-2\n';
    const byMk = await cluster.mk(['drain', 'mk-worker']);
    expect(byMk).toEqual({ code: 1, stdout: 'node/mk-worker cordoned\n', stderr: refusal });
    const byKubectl = await cluster.kubectl(['drain', 'mk-worker']);
    expect(byKubectl).toEqual({ code: 1, stdout: 'node/mk-worker already cordoned\n', stderr: refusal });

    const drain = cluster.spawn('mk', ['drain', 'mk-worker', '--force', '--timeout', '2m']);
    // A second attempt on the same pod means the budget refused the first one.
    await drain.waitFor(/evicting pod default\/guarded-1\n[^]*evicting pod default\/guarded-1\n/);
    await ok(cluster.kubectl(['patch', 'pdb', 'guarded', '--type', 'merge', '-p', '{"spec":{"minAvailable":0}}']));
    const done = await drain.exited;
    expect(done.code).toBe(0);
    expect(done.stderr).toContain('Warning: deleting Pods that declare no controller: default/guarded-1, default/guarded-2\n');
    expect(done.stderr).toContain(`${PDB_REFUSAL}\n`);
    expect(done.stdout).toMatch(/^node\/mk-worker already cordoned\n/);
    expect(done.stdout).toContain('pod/guarded-1 evicted\n');
    expect(done.stdout).toContain('pod/guarded-2 evicted\n');
    expect(done.stdout).toMatch(/node\/mk-worker drained\n$/);
    expect(await pods('app=guarded')).toEqual(new Map());

    expect(await ok(cluster.kubectl(['drain', 'mk-worker']))).toBe('node/mk-worker already cordoned\nnode/mk-worker drained\n');
    expect(await ok(cluster.kubectl(['uncordon', 'mk-worker']))).toBe('node/mk-worker uncordoned\n');
    await ok(cluster.mk(['delete', 'pdb', 'guarded']));
  });

  it('keeps pods off a tainted node unless they tolerate the taint', async () => {
    expect(await ok(cluster.kubectl(['taint', 'nodes', 'mk-worker2', 'dedicated=gpu:NoSchedule']))).toBe('node/mk-worker2 tainted\n');
    for (const tool of ['mk', 'kubectl'] as const) {
      const again = await cluster[tool](['taint', 'nodes', 'mk-worker2', 'dedicated=gpu:NoSchedule']);
      expect(again).toEqual({ code: 1, stdout: '', stderr: 'error: node mk-worker2 already has dedicated taint(s) with same effect(s) and --overwrite is false\n' });
      const wrong = await cluster[tool](['taint', 'nodes', 'mk-worker2', 'dedicated=gpu:Sometimes']);
      expect(wrong).toEqual({ code: 1, stdout: '', stderr: `error: invalid taint effect: Sometimes, unsupported taint effect\nSee '${tool} taint -h' for help and examples\n` });
    }

    await ok(cluster.mk(['apply', '-f', fixture('dedicated.yaml')]));
    expect(await until('tolerant Running', async () => ((await phaseOf('tolerant'))?.[0] === 'Running' ? await phaseOf('tolerant') : undefined))).toEqual(['Running', 'mk-worker2']);
    const line = await until('the FailedScheduling event of intolerant', () => failedScheduling('kubectl', 'intolerant'));
    expect(line).toContain('1 node(s) had untolerated taint {dedicated: gpu}');
    expect((await phaseOf('intolerant'))?.[0]).toBe('Pending');

    expect(await ok(cluster.mk(['taint', 'nodes', 'mk-worker2', 'dedicated:NoSchedule-']))).toBe('node/mk-worker2 untainted\n');
    expect(await until('intolerant Running', async () => ((await phaseOf('intolerant'))?.[0] === 'Running' ? await phaseOf('intolerant') : undefined))).toEqual([
      'Running',
      'mk-worker2',
    ]);
    await ok(cluster.mk(['delete', 'pods', '--all']));
  });

  it('fits pods by their resource requests, and an added node makes room', async () => {
    await ok(cluster.mk(['apply', '-f', fixture('big.yaml')]));
    const line = await until('the FailedScheduling event of big', () => failedScheduling('mk', 'big'));
    expect(line.replace(/^\S+\s+Warning\s+FailedScheduling\s+pod\/big\s+/, '')).toBe(FAIL_CPU);

    expect(await ok(cluster.mk(['node', 'add', '--cpu', '8', '--labels', 'size=large']))).toBe('node/mk-worker3 added\n');
    expect(nodeLine(await ok(cluster.kubectl(['get', 'nodes', '-L', 'size'])), 'mk-worker3')).toMatch(/^mk-worker3\s+Ready\s+<none>\s+\S+\s+v1\.32\.\S+\s+large$/);
    expect(await until('big Running', async () => ((await phaseOf('big'))?.[0] === 'Running' ? await phaseOf('big') : undefined))).toEqual(['Running', 'mk-worker3']);

    const dup = await cluster.mk(['node', 'add', 'mk-worker']);
    expect(dup).toEqual({ code: 1, stdout: '', stderr: 'Error from server (AlreadyExists): nodes "mk-worker" already exists\n' });
    const missing = await cluster.mk(['node', 'stop', 'mk-worker9']);
    expect(missing).toEqual({ code: 1, stdout: '', stderr: 'Error from server (NotFound): nodes "mk-worker9" not found\n' });
  });

  it('joins an agent running in its own process over HTTPS', async () => {
    const agent = cluster.spawn('mk', [
      'agent',
      '--server', cluster.server,
      '--token', cluster.token,
      '--ca-file', join(cluster.home, cluster.name, 'ca.crt'),
      '--name', 'edge-1',
      '--labels', 'zone=edge',
      ...UP_ARGS.slice(2, 6),
    ]);
    try {
      expect(await agent.waitFor(/joined/)).toBe(`node/edge-1 joined ${cluster.server} (Ctrl-C to stop)\n`);
      await until('edge-1 Ready', async () => (/^edge-1\s+Ready\s/m.test(await ok(cluster.kubectl(['get', 'nodes']))) ? true : undefined));
      expect(await ok(cluster.kubectl(['get', 'node', 'edge-1', '-o', 'jsonpath={.metadata.labels.zone}']))).toBe('edge');
      expect(nodeLine(await ok(cluster.mk(['node', 'ls'])), 'edge-1')).toMatch(/^edge-1\s+external\s+Ready\s+<none>\s+\S+$/);
    } finally {
      agent.kill('SIGTERM');
    }
    const stopped = await agent.exited;
    expect(stopped.code).toBe(0);
    expect(stopped.stdout).toMatch(/node\/edge-1 agent stopped\n$/);
    expect(await ok(cluster.kubectl(['delete', 'node', 'edge-1']))).toBe('node "edge-1" deleted\n');
  });

  it('resumes the same nodes after mk down and mk up, the added one included, and removes nodes', async () => {
    expect((await cluster.mk(['down'])).code).toBe(0);
    const up = await ok(cluster.mk(['up', '--no-merge']));
    expect(up.split('\n').slice(0, 2)).toEqual([`Cluster "mk" is up: API server at ${cluster.server}`, '4 nodes Ready: mk-control-plane, mk-worker, mk-worker2, mk-worker3']);
    const table = await ok(cluster.kubectl(['get', 'nodes']));
    for (const name of ['mk-control-plane', 'mk-worker', 'mk-worker2', 'mk-worker3']) expect(nodeLine(table, name)).toMatch(new RegExp(`^${name}\\s+Ready\\s`));

    expect(await ok(cluster.mk(['node', 'rm', 'mk-worker3']))).toBe('node/mk-worker3 removed\n');
    expect(nodeLine(await ok(cluster.kubectl(['get', 'nodes'])), 'mk-worker3')).toBeUndefined();
    expect(await ok(cluster.mk(['node', 'ls']))).not.toContain('mk-worker3');
  });
});
