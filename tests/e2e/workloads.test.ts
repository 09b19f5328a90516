/**
 * Workloads end to end, replaying the seeds against a real daemon (three
 * simulated nodes, its controllers and scheduler) with both `mk` and the
 * real kubectl 1.32: ReplicaSets replacing and releasing pods, Deployments
 * rolling within maxSurge/maxUnavailable with history and undo, Recreate,
 * StatefulSet ordering, a DaemonSet following nodes, a Job with parallelism,
 * a CronJob firing, and cascading deletes in all three modes.
 *
 * Waits poll with generous upper bounds; nothing asserts on timing.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { repoRoot, startCluster, type Cluster, type RunningCommand } from './harness';
import { ok, until } from './support';

const manifest = (name: string): string => join(repoRoot, 'manifests', name);

let cluster: Cluster;

beforeAll(async () => {
  cluster = await startCluster();
  // Cron schedules have minute granularity: the CronJob is created first and checked last, so the wait
  // for its first run overlaps the other tests.
  await ok(cluster.mk(['create', 'cronjob', 'hello', '--image=busybox', '--schedule=* * * * *', '--', 'date']));
}, 120_000);
afterAll(async () => cluster?.stop());

/** name → {phase, deleting, owner kind/name} of the pods matching a selector. */
async function pods(selector: string): Promise<Map<string, { phase: string; deleting: boolean; owner: string; image: string }>> {
  const out = await ok(
    cluster.kubectl([
      'get', 'pods', '-l', selector, '-o',
      'jsonpath={range .items[*]}{.metadata.name}|{.status.phase}|{.metadata.deletionTimestamp}|{.metadata.ownerReferences[*].kind}/{.metadata.ownerReferences[*].name}|{.spec.containers[0].image}{"\\n"}{end}',
    ]),
  );
  return new Map(
    out
      .split('\n')
      .filter(Boolean)
      .map((line) => {
        const [name, phase, deleting, owner, image] = line.split('|');
        return [name!, { phase: phase!, deleting: deleting !== '', owner: owner!, image: image! }] as const;
      }),
  );
}

/** The pods of a selector once exactly `n` of them run and none is terminating. */
async function running(selector: string, n: number, timeoutMs?: number) {
  return until(
    `${n} running pods with ${selector}`,
    async () => {
      const p = await pods(selector);
      const live = [...p.values()];
      return live.length === n && live.every((x) => x.phase === 'Running' && !x.deleting) ? p : undefined;
    },
    timeoutMs,
  );
}

const field = async (args: string[]): Promise<string> => ok(cluster.kubectl(['get', ...args]));

/** Starts `kubectl get -w` printing one `name a b c` line per event. */
function watchLines(args: string[], jsonpath: string): RunningCommand {
  return cluster.spawn('kubectl', ['get', ...args, '--watch', '-o', `jsonpath=${jsonpath}{"\\n"}`]);
}

async function stopWatch(w: RunningCommand): Promise<string[]> {
  w.kill();
  const r = await w.exited;
  return r.stdout.split('\n').filter(Boolean);
}

describe('ReplicaSet (seeds 000, 004)', () => {
  it('keeps three pods, replaces a deleted one, leaves pods alone on a template change and releases a relabelled pod', async () => {
    expect(await ok(cluster.kubectl(['apply', '-f', manifest('replicaset.yaml')]))).toBe('replicaset.apps/sample-rs created\n');
    const first = await running('app=sample-app', 3);
    for (const p of first.values()) expect(p.owner).toBe('ReplicaSet/sample-rs');

    const victim = [...first.keys()][0]!;
    expect(await ok(cluster.mk(['delete', 'pod', victim]))).toBe(`pod "${victim}" deleted\n`);
    const second = await until('a replacement pod', async () => {
      const p = await running('app=sample-app', 3, 1_000).catch(() => undefined);
      return p && !p.has(victim) ? p : undefined;
    });
    expect([...second.keys()].filter((n) => !first.has(n))).toHaveLength(1);

    // A new template applies only to new pods (seed 004): the controller sees the change, pods stay.
    await ok(cluster.kubectl(['patch', 'rs', 'sample-rs', '--type=json', '-p', '[{"op":"replace","path":"/spec/template/spec/containers/0/image","value":"nginx:1.13"}]']));
    await until('the change observed', async () => ((await field(['rs', 'sample-rs', '-o', 'jsonpath={.status.observedGeneration}'])) === '2' ? true : undefined));
    const third = await running('app=sample-app', 3);
    expect([...third.keys()].sort()).toEqual([...second.keys()].sort());
    for (const p of third.values()) expect(p.image).toBe('nginx:1.12');

    // Relabelling a pod takes it out of the set: it is released and replaced.
    const relabelled = [...third.keys()][0]!;
    await ok(cluster.mk(['label', 'pod', relabelled, 'app=debug', '--overwrite']));
    const fourth = await until('a pod replacing the relabelled one', async () => {
      const p = await running('app=sample-app', 3, 1_000).catch(() => undefined);
      return p && !p.has(relabelled) ? p : undefined;
    });
    expect([...fourth.values()].filter((p) => p.image === 'nginx:1.13')).toHaveLength(1);
    await until('the relabelled pod released', async () => ((await pods('app=debug')).get(relabelled)?.owner === '/' ? true : undefined));

    for (const tool of ['mk', 'kubectl'] as const) {
      expect(await ok(cluster[tool](['get', 'rs', 'sample-rs']))).toMatch(/^NAME\s+DESIRED\s+CURRENT\s+READY\s+AGE\nsample-rs\s+3\s+3\s+3\s+\S+\n$/);
    }
    await ok(cluster.kubectl(['delete', 'pod', relabelled]));
  });
});

describe('Deployment (seed 004)', () => {
  it('rolls nginx:1.12 to 1.13 within maxSurge 1 / maxUnavailable 0, keeps history with change-cause and undoes', async () => {
    await ok(cluster.kubectl(['delete', 'rs', 'sample-rs']));
    await until('the ReplicaSet pods gone', async () => ((await pods('app=sample-app')).size === 0 ? true : undefined));
    expect(await ok(cluster.kubectl(['apply', '-f', manifest('deployment.yaml')]))).toBe('deployment.apps/sample-deployment created\n');
    const status = await cluster.mk(['rollout', 'status', 'deployment/sample-deployment', '--timeout=60s']);
    expect(status.code).toBe(0);
    expect(status.stdout.trim().split('\n').at(-1)).toBe('deployment "sample-deployment" successfully rolled out');
    await running('app=sample-app', 3);

    // Every ReplicaSet event of the rollout, to check the budget at each step.
    const rsEvents = watchLines(['rs', '-l', 'app=sample-app'], '{.metadata.name} {.spec.replicas} {.status.availableReplicas}');
    await rsEvents.waitFor(/\n/);
    const v2 = readFileSync(manifest('deployment.yaml'), 'utf8').replace('nginx 1.12', 'nginx 1.13').replace('image: nginx:1.12', 'image: nginx:1.13');
    expect(await ok(cluster.kubectl(['apply', '-f', '-'], { stdin: v2 }))).toBe('deployment.apps/sample-deployment configured\n');
    const rolled = await cluster.kubectl(['rollout', 'status', 'deployment/sample-deployment', '--timeout=60s']);
    expect(rolled.code, rolled.stderr).toBe(0);
    expect(rolled.stdout).toContain('deployment "sample-deployment" successfully rolled out');
    await until('old pods gone', async () => {
      const p = await running('app=sample-app', 3, 1_000).catch(() => undefined);
      return p && [...p.values()].every((x) => x.image === 'nginx:1.13') ? true : undefined;
    });
    const lines = await stopWatch(rsEvents);
    const state = new Map<string, { replicas: number; available: number }>();
    let maxTotal = 0;
    let minAvailable = Infinity;
    for (const line of lines) {
      const [name, replicas, available] = line.split(' ');
      state.set(name!, { replicas: Number(replicas), available: Number(available || 0) });
      const all = [...state.values()];
      maxTotal = Math.max(maxTotal, all.reduce((s, x) => s + x.replicas, 0));
      minAvailable = Math.min(minAvailable, all.reduce((s, x) => s + x.available, 0));
    }
    expect(state.size).toBe(2); // old and new ReplicaSets, surging and draining
    expect(maxTotal).toBe(4); // replicas + maxSurge, never more
    expect(minAvailable).toBeGreaterThanOrEqual(3); // replicas − maxUnavailable, never fewer
    expect([...state.values()].map((s) => s.replicas).sort()).toEqual([0, 3]);

    const history = 'deployment.apps/sample-deployment \nREVISION  CHANGE-CAUSE\n1         nginx 1.12\n2         nginx 1.13\n\n';
    expect(await ok(cluster.kubectl(['rollout', 'history', 'deployment/sample-deployment']))).toBe(history);
    expect(await ok(cluster.mk(['rollout', 'history', 'deployment/sample-deployment']))).toBe(history);

    expect(await ok(cluster.kubectl(['rollout', 'undo', 'deployment/sample-deployment']))).toBe('deployment.apps/sample-deployment rolled back\n');
    await ok(cluster.mk(['rollout', 'status', 'deployment/sample-deployment', '--timeout=60s']));
    expect(await field(['deploy', 'sample-deployment', '-o', 'jsonpath={.spec.template.spec.containers[0].image}'])).toBe('nginx:1.12');
    expect(await ok(cluster.mk(['rollout', 'history', 'deployment/sample-deployment']))).toBe('deployment.apps/sample-deployment \nREVISION  CHANGE-CAUSE\n2         nginx 1.13\n3         nginx 1.12\n\n');

    expect(await ok(cluster.mk(['rollout', 'undo', 'deployment/sample-deployment', '--to-revision=2']))).toBe('deployment.apps/sample-deployment rolled back\n');
    await ok(cluster.kubectl(['rollout', 'status', 'deployment/sample-deployment', '--timeout=60s']));
    expect(await field(['deploy', 'sample-deployment', '-o', 'jsonpath={.spec.template.spec.containers[0].image}'])).toBe('nginx:1.13');
    const undoMissing = await cluster.mk(['rollout', 'undo', 'deployment/sample-deployment', '--to-revision=9']);
    expect(undoMissing.code).toBe(1);
    expect(undoMissing.stderr).toBe('error: unable to find specified revision 9 in history\n');

    for (const tool of ['mk', 'kubectl'] as const) {
      expect(await ok(cluster[tool](['get', 'deploy', 'sample-deployment']))).toMatch(/^NAME\s+READY\s+UP-TO-DATE\s+AVAILABLE\s+AGE\nsample-deployment\s+3\/3\s+3\s+3\s+\S+\n$/);
    }
  });

  it('pauses, resumes and restarts a rollout, and fails rollout status past the progress deadline', async () => {
    await ok(cluster.mk(['create', 'deployment', 'paused', '--image=nginx:1.12', '--replicas=2']));
    await ok(cluster.mk(['rollout', 'status', 'deploy/paused', '--timeout=60s']));
    expect(await ok(cluster.mk(['rollout', 'pause', 'deploy/paused']))).toBe('deployment.apps/paused paused\n');
    await ok(cluster.kubectl(['set', 'image', 'deploy/paused', 'nginx=nginx:1.13']));
    await until('the paused change observed', async () => ((await field(['deploy', 'paused', '-o', 'jsonpath={.status.observedGeneration}'])) === '3' ? true : undefined));
    // Paused: the template changed, but no new ReplicaSet rolls it out.
    expect((await field(['rs', '-l', 'app=paused', '-o', 'jsonpath={.items[*].spec.template.spec.containers[0].image}'])).split(' ')).toEqual(['nginx:1.12']);
    expect(await ok(cluster.kubectl(['rollout', 'resume', 'deploy/paused']))).toBe('deployment.apps/paused resumed\n');
    await ok(cluster.mk(['rollout', 'status', 'deploy/paused', '--timeout=60s']));
    expect(await ok(cluster.mk(['rollout', 'restart', 'deploy/paused']))).toBe('deployment.apps/paused restarted\n');
    await ok(cluster.kubectl(['rollout', 'status', 'deploy/paused', '--timeout=60s']));
    expect(await field(['rs', '-l', 'app=paused', '-o', 'jsonpath={.items[*].metadata.annotations.deployment\\.kubernetes\\.io/revision}'])).toMatch(/^[123] [123] [123]$/);
    await ok(cluster.kubectl(['delete', 'deploy', 'paused']));

    // Image pulls that always fail, and two seconds to make progress.
    const stuck = [
      'apiVersion: apps/v1', 'kind: Deployment', 'metadata:', '  name: stuck', 'spec:', '  replicas: 1', '  progressDeadlineSeconds: 2',
      '  selector:', '    matchLabels:', '      app: stuck', '  template:', '    metadata:', '      labels:', '        app: stuck',
      '      annotations:', '        sim.mk.io/pull-fail: "true"', '    spec:', '      containers:', '        - name: web', '          image: nginx:no-such-tag',
    ].join('\n');
    await ok(cluster.kubectl(['apply', '-f', '-'], { stdin: stuck }));
    for (const tool of ['mk', 'kubectl'] as const) {
      const r = await cluster[tool](['rollout', 'status', 'deploy/stuck', '--timeout=60s']);
      expect(r.code).toBe(1);
      expect(r.stderr).toBe('error: deployment "stuck" exceeded its progress deadline\n');
    }
    await ok(cluster.kubectl(['delete', 'deploy', 'stuck']));
  });

  it('Recreate stops every old pod before starting new ones; scale and set image drive it', async () => {
    await ok(cluster.mk(['create', 'deployment', 'recreate', '--image=nginx:1.12', '--replicas=2']));
    await ok(cluster.kubectl(['patch', 'deploy', 'recreate', '-p', '{"spec":{"strategy":{"type":"Recreate","rollingUpdate":null}}}']));
    await ok(cluster.mk(['rollout', 'status', 'deploy/recreate', '--timeout=60s']));
    const events = watchLines(['rs', '-l', 'app=recreate'], '{.metadata.name} {.spec.replicas} {.status.replicas}');
    await events.waitFor(/\n/);
    expect(await ok(cluster.mk(['set', 'image', 'deployment/recreate', 'nginx=nginx:1.13']))).toBe('deployment.apps/recreate image updated\n');
    await ok(cluster.mk(['rollout', 'status', 'deploy/recreate', '--timeout=60s']));
    const lines = await stopWatch(events);
    const names = [...new Set(lines.map((l) => l.split(' ')[0]!))];
    expect(names).toHaveLength(2);
    const oldName = lines[0]!.split(' ')[0]!;
    const newName = names.find((n) => n !== oldName)!;
    const firstNewUp = lines.findIndex((l) => l.startsWith(`${newName} `) && Number(l.split(' ')[1]) > 0);
    const oldGone = lines.findIndex((l) => l === `${oldName} 0 0` || l === `${oldName} 0 `);
    expect(oldGone).toBeGreaterThanOrEqual(0);
    expect(firstNewUp).toBeGreaterThan(oldGone);

    expect(await ok(cluster.mk(['scale', 'deployment/recreate', '--replicas=4']))).toBe('deployment.apps/recreate scaled\n');
    await running('app=recreate', 4);
    await ok(cluster.kubectl(['delete', 'deploy', 'recreate']));
  });
});

describe('StatefulSet', () => {
  it('creates web-0, web-1, web-2 in order, each after the previous is ready, and deletes in reverse', async () => {
    const events = watchLines(['pods', '-l', 'app=nginx-sts'], '{.metadata.name} {.status.phase} {.status.conditions[?(@.type=="Ready")].status} {.metadata.deletionTimestamp}');
    await ok(cluster.kubectl(['apply', '-f', manifest('statefulset.yaml')]));
    await ok(cluster.mk(['rollout', 'status', 'statefulset/web', '--timeout=60s']));
    await running('app=nginx-sts', 3);
    const created = await stopWatch(events);
    const firstSeen = (name: string) => created.findIndex((l) => l.startsWith(`${name} `));
    const firstReady = (name: string) => created.findIndex((l) => l.startsWith(`${name} Running True`));
    expect(firstSeen('web-0')).toBe(0);
    expect(firstSeen('web-1')).toBeGreaterThan(firstReady('web-0'));
    expect(firstSeen('web-2')).toBeGreaterThan(firstReady('web-1'));
    expect(await ok(cluster.kubectl(['get', 'pvc', '-o', 'jsonpath={.items[*].metadata.name}']))).toBe('www-web-0 www-web-1 www-web-2');

    const deletions = watchLines(['pods', '-l', 'app=nginx-sts'], '{.metadata.name} {.metadata.deletionTimestamp}');
    await deletions.waitFor(/web-2/);
    expect(await ok(cluster.kubectl(['scale', 'statefulset', 'web', '--replicas=0']))).toBe('statefulset.apps/web scaled\n');
    await until('all web pods gone', async () => ((await pods('app=nginx-sts')).size === 0 ? true : undefined));
    const deleted = await stopWatch(deletions);
    const firstDeleting = (name: string) => deleted.findIndex((l) => l.startsWith(`${name} `) && l.split(' ')[1] !== '');
    expect(firstDeleting('web-2')).toBeGreaterThanOrEqual(0);
    expect(firstDeleting('web-1')).toBeGreaterThan(firstDeleting('web-2'));
    expect(firstDeleting('web-0')).toBeGreaterThan(firstDeleting('web-1'));
    // Claims outlive the pods (retention policy Retain).
    expect(await ok(cluster.kubectl(['get', 'pvc', '-o', 'jsonpath={.items[*].metadata.name}']))).toBe('www-web-0 www-web-1 www-web-2');
    for (const tool of ['mk', 'kubectl'] as const) {
      expect(await ok(cluster[tool](['get', 'sts', 'web']))).toMatch(/^NAME\s+READY\s+AGE\nweb\s+0\/0\s+\S+\n$/);
    }
  });
});

describe('DaemonSet', () => {
  const ds = [
    'apiVersion: apps/v1', 'kind: DaemonSet', 'metadata:', '  name: agent', 'spec:', '  selector:', '    matchLabels:', '      app: agent',
    '  template:', '    metadata:', '      labels:', '        app: agent', '    spec:', '      containers:', '        - name: agent', '          image: busybox:1.36',
    '          command: ["sleep", "infinity"]',
  ].join('\n');

  it('runs one pod per schedulable worker and follows nodes added and removed', async () => {
    await ok(cluster.kubectl(['apply', '-f', '-'], { stdin: ds }));
    const nodesOf = async () =>
      (await ok(cluster.kubectl(['get', 'pods', '-l', 'app=agent', '-o', 'jsonpath={range .items[*]}{.spec.nodeName}{" "}{.status.phase}{" "}{.metadata.deletionTimestamp}{"\\n"}{end}'])))
        .split('\n')
        .filter(Boolean);
    // The control-plane node is tainted NoSchedule and the pod does not tolerate it.
    await until('a pod on each worker', async () => {
      const n = await nodesOf();
      return n.length === 2 && n.every((l) => l.endsWith(' Running ')) ? n : undefined;
    });
    await ok(cluster.mk(['node', 'add', 'mk-worker3']));
    await until('a pod on the new node', async () => ((await nodesOf()).some((l) => l.startsWith('mk-worker3 Running')) ? true : undefined));
    await ok(cluster.mk(['node', 'rm', 'mk-worker3']));
    await until('the pod of the removed node gone', async () => {
      const n = await nodesOf();
      return n.length === 2 && !n.some((l) => l.startsWith('mk-worker3 ')) ? true : undefined;
    }, 90_000);
    for (const tool of ['mk', 'kubectl'] as const) {
      expect(await ok(cluster[tool](['get', 'ds', 'agent']))).toMatch(/^NAME\s+DESIRED\s+CURRENT\s+READY\s+UP-TO-DATE\s+AVAILABLE\s+NODE SELECTOR\s+AGE\nagent\s+2\s+2\s+2\s+2\s+2\s+<none>\s+\S+\n$/);
    }
    await ok(cluster.kubectl(['delete', 'ds', 'agent']));
  });
});

describe('Job', () => {
  it('completes five completions two at a time', async () => {
    await ok(cluster.kubectl(['apply', '-f', manifest('job.yaml')]));
    expect(await ok(cluster.mk(['wait', '--for=condition=complete', 'job/countdown', '--timeout=120s']))).toBe('job.batch/countdown condition met\n');
    expect(await ok(cluster.mk(['wait', '--for=jsonpath={.status.succeeded}=5', 'job/countdown', '--timeout=10s']))).toBe('job.batch/countdown condition met\n');
    for (const tool of ['mk', 'kubectl'] as const) {
      expect(await ok(cluster[tool](['get', 'job', 'countdown']))).toMatch(/^NAME\s+STATUS\s+COMPLETIONS\s+DURATION\s+AGE\ncountdown\s+Complete\s+5\/5\s+\S+\s+\S+\n$/);
    }
  });
});

describe('run', () => {
  it('runs a pod that mk and kubectl can wait for', async () => {
    expect(await ok(cluster.mk(['run', 'one-off', '--image=nginx:1.27', '--labels=app=one-off']))).toBe('pod/one-off created\n');
    expect(await ok(cluster.kubectl(['wait', '--for=condition=Ready', 'pod/one-off', '--timeout=60s']))).toBe('pod/one-off condition met\n');
    expect(await ok(cluster.mk(['wait', '--for=condition=Ready', 'pod', '-l', 'app=one-off', '--timeout=10s']))).toBe('pod/one-off condition met\n');
    await ok(cluster.mk(['delete', 'pod', 'one-off']));
  });
});

describe('cascading deletion', () => {
  const rs = (name: string) =>
    [
      'apiVersion: apps/v1', 'kind: ReplicaSet', 'metadata:', `  name: ${name}`, 'spec:', '  replicas: 2', '  selector:', '    matchLabels:', `      app: ${name}`,
      '  template:', '    metadata:', '      labels:', `        app: ${name}`, '    spec:', '      containers:', '        - name: nginx', '          image: nginx:1.27',
    ].join('\n');

  it('background: deleting a deployment removes its ReplicaSets and pods', async () => {
    await ok(cluster.kubectl(['delete', 'deployment', 'sample-deployment']));
    await until('ReplicaSets and pods gone', async () => {
      const rsLeft = await field(['rs', '-l', 'app=sample-app', '-o', 'jsonpath={.items[*].metadata.name}']);
      return rsLeft === '' && (await pods('app=sample-app')).size === 0 ? true : undefined;
    });
  });

  it('foreground: the owner goes only after its dependents', async () => {
    await ok(cluster.kubectl(['apply', '-f', '-'], { stdin: rs('fg') }));
    await running('app=fg', 2);
    expect(await ok(cluster.kubectl(['delete', 'rs', 'fg', '--cascade=foreground']))).toBe('replicaset.apps "fg" deleted\n');
    // kubectl returned once the ReplicaSet was gone; foreground means its pods went first.
    expect((await pods('app=fg')).size).toBe(0);
  });

  it('orphan: dependents stay, without the owner reference', async () => {
    await ok(cluster.kubectl(['apply', '-f', '-'], { stdin: rs('orphans') }));
    const before = await running('app=orphans', 2);
    expect(await ok(cluster.mk(['delete', 'rs', 'orphans', '--cascade=orphan']))).toBe('replicaset.apps "orphans" deleted\n');
    const after = await running('app=orphans', 2);
    expect([...after.keys()].sort()).toEqual([...before.keys()].sort());
    for (const p of after.values()) expect(p.owner).toBe('/');
    // A finalizer holds one pod in Terminating while `mk wait --for=delete` watches it go.
    const held = [...after.keys()][0]!;
    await ok(cluster.kubectl(['patch', 'pod', held, '-p', '{"metadata":{"finalizers":["e2e.mk.io/hold"]}}']));
    await ok(cluster.kubectl(['delete', 'pods', '-l', 'app=orphans', '--wait=false']));
    const waiting = cluster.spawn('mk', ['wait', '--for=delete', `pod/${held}`, '--timeout=60s']);
    await new Promise((r) => setTimeout(r, 1_500)); // lets the wait list the held pod first
    await ok(cluster.kubectl(['patch', 'pod', held, '--type=json', '-p', '[{"op":"remove","path":"/metadata/finalizers"}]']));
    expect(await waiting.waitFor(/condition met\n/)).toBe(`pod/${held} condition met\n`);
    expect((await waiting.exited).code).toBe(0);
  });
});

describe('CronJob', () => {
  it('fires on its schedule: a Job named after the scheduled minute runs to completion', async () => {
    const job = await until(
      'the first job of the cronjob',
      async () => {
        const out = await field(['jobs', '-o', 'jsonpath={range .items[?(@.metadata.ownerReferences[0].name=="hello")]}{.metadata.name} {.status.succeeded}{"\\n"}{end}']);
        return out.split('\n').find((l) => /^hello-\d+ 1$/.test(l));
      },
      100_000,
    );
    expect(job).toMatch(/^hello-\d{8} 1$/);
    expect(await field(['cronjob', 'hello', '-o', 'jsonpath={.status.lastScheduleTime}'])).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:00Z$/);
    for (const tool of ['mk', 'kubectl'] as const) {
      expect(await ok(cluster[tool](['get', 'cronjob', 'hello']))).toMatch(/^NAME\s+SCHEDULE\s+TIMEZONE\s+SUSPEND\s+ACTIVE\s+LAST SCHEDULE\s+AGE\nhello\s+\* \* \* \* \*\s+<none>\s+False\s+[01]\s+\S+\s+\S+\n$/);
    }
  }, 120_000);
});
