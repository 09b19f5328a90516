/** `mk node`: add, remove, power off and on, and list the nodes of the local cluster. */
import { setTimeout as sleep } from 'node:timers/promises';
import type { Node } from 'kubernetes-types/core/v1';
import { parseGoDuration } from '@mk/client';
import type { Command } from 'commander';
import type { RegisterCommand } from '../command';
import { CliError, type CliContext } from '../context';
import { collectList, examples, subcommand } from '../mutate/kubectl-command';
import { KUBECTL_TABLE_OPTIONS, StringSink, TabWriter } from '../printers/tabwriter';
import { parseLabelsFlag, parseTaintsFlag } from '../nodes/add-flags';
import { nodeApi, type AddNodeBody } from '../nodes/node-api';
import { NODE_TABLE_HEADER, nodeTableRows } from '../nodes/node-table';
import { waitForNodeReady } from '../nodes/wait-nodes-ready';

const LONG = `Manage the nodes of the local cluster.

 Nodes are node agents run by the cluster's daemon, each with its own heartbeat (a Lease), capacity, labels and taints. They can be added and removed while the cluster runs, and powered off and on to see how Kubernetes handles a failed node: a stopped node sends no heartbeats and its containers die, but nothing else is told; the node lifecycle controller marks it NotReady after --node-monitor-grace-period and its pods are evicted after --default-toleration-seconds (see "mk up --help").`;

const EXAMPLES = `
  # List the nodes with their power state and Kubernetes status
  mk node ls

  # Add a worker (named mk-worker3, mk-worker4, …) with a label, and one with a taint and 8 CPUs
  mk node add --labels disk=ssd
  mk node add gpu-1 --taints nvidia.com/gpu=true:NoSchedule --cpu 8

  # Power a worker off (its pods are evicted once the node is NotReady long enough), then on again
  mk node stop mk-worker2
  mk node start mk-worker2

  # Remove a node: its agent stops and its Node and Lease are deleted
  mk node rm mk-worker3`;

function waitMs(value: string): number {
  try {
    const ms = parseGoDuration(value);
    if (ms < 0) throw new Error('negative');
    return ms;
  } catch {
    throw new CliError(`invalid --wait ${JSON.stringify(value)}: use a duration such as 30s, or 0 not to wait`);
  }
}

/** Waits (up to --wait) for the node to be Ready; a node still not Ready is a warning, not a failure. */
async function awaitReady(ctx: CliContext, name: string, wait: string): Promise<void> {
  const ms = waitMs(wait);
  if (ms === 0) return;
  const readiness = await waitForNodeReady(await ctx.client(), name, ms, (t) => sleep(t), Date.now);
  const pending = readiness.notReady[0];
  if (pending) ctx.io.err(`Warning: node ${name} is not Ready after ${wait} (${pending.state})\n`);
}

function addSubcommand(node: Command, ctx: CliContext): void {
  subcommand(node, 'add')
    .usage('[NAME] [--labels key=value,...] [--taints key=value:Effect,...] [--cpu N] [--memory Q] [--pods N]')
    .summary('Add a node to the running cluster')
    .description('Add a node to the running cluster and wait until it is Ready. Without NAME, the next worker name is used (mk-worker3, mk-worker4, …).')
    .argument('[name]')
    .option('--labels <key=value,...>', 'Labels the node registers with (kubelet --node-labels)', collectList)
    .option('--taints <key=value:Effect,...>', 'Taints the node registers with (kubelet --register-with-taints); Effect is NoSchedule, PreferNoSchedule or NoExecute', collectList)
    .option('--cpu <cores>', 'CPU capacity, e.g. 4 or 2500m')
    .option('--memory <quantity>', 'Memory capacity, e.g. 8Gi')
    .option('--pods <count>', 'Maximum number of pods (Kubernetes default: 110)')
    .option('--runtime <runtime>', 'Container runtime: sim (simulated containers)')
    .option('--wait <duration>', 'How long to wait for the node to be Ready (0: do not wait)', '60s')
    .addHelpText('after', examples(`
  # Add the next worker (mk-worker3 in a new cluster)
  mk node add

  # Add a labelled node with a taint, 8 CPUs and 32Gi of memory
  mk node add gpu-1 --labels type=gpu --taints nvidia.com/gpu=true:NoSchedule --cpu 8 --memory 32Gi`))
    .action(async (name: string | undefined, flags: { labels?: string[]; taints?: string[]; cpu?: string; memory?: string; pods?: string; runtime?: string; wait: string }) => {
      const body: AddNodeBody = {};
      if (name) body.name = name;
      if (flags.labels) body.labels = parseLabelsFlag(flags.labels);
      if (flags.taints) body.taints = parseTaintsFlag(flags.taints);
      for (const key of ['cpu', 'memory', 'pods', 'runtime'] as const) if (flags[key] !== undefined) body[key] = flags[key];
      const added = await nodeApi.add(await ctx.client(), body);
      await awaitReady(ctx, added.name, flags.wait);
      ctx.io.out(`node/${added.name} added\n`);
    });
}

function nameSubcommand(node: Command, verb: 'rm' | 'stop' | 'start', summary: string, description: string, example: string): Command {
  return subcommand(node, verb).usage('NAME').summary(summary).description(description).argument('<name>').addHelpText('after', examples(example));
}

export const register: RegisterCommand = (program, ctx) => {
  const node = subcommand(program, 'node').usage('COMMAND').summary('Add, remove, stop, start and list the nodes of the local cluster').description(LONG).addHelpText('after', examples(EXAMPLES));
  addSubcommand(node, ctx);

  nameSubcommand(node, 'rm', 'Remove a node', 'Remove a node: its agent stops (its containers die) and its Node and Lease are deleted; its pods are then cleaned up by the cluster.', `
  # Remove the worker mk-worker3
  mk node rm mk-worker3`).action(
    async (name: string) => {
      await nodeApi.remove(await ctx.client(), name);
      ctx.io.out(`node/${name} removed\n`);
    },
  );

  nameSubcommand(node, 'stop', 'Power a node off', 'Power a node off: its heartbeats stop and its containers are killed, and nothing else is told. Kubernetes notices through the missing heartbeats.', `
  # Power mk-worker2 off, then watch it turn NotReady and its pods get evicted
  mk node stop mk-worker2
  mk get nodes -w`).action(
    async (name: string) => {
      const change = await nodeApi.stop(await ctx.client(), name);
      ctx.io.out(change.changed ? `node/${name} stopped (powered off: no heartbeats, its containers killed)\n` : `node/${name} already stopped\n`);
    },
  );

  nameSubcommand(node, 'start', 'Power a node on', 'Power a stopped node on and wait until it is Ready: it resumes its heartbeats and runs the pods bound to it.', `
  # Power mk-worker2 on again
  mk node start mk-worker2`)
    .option('--wait <duration>', 'How long to wait for the node to be Ready (0: do not wait)', '60s')
    .action(async (name: string, flags: { wait: string }) => {
      const change = await nodeApi.start(await ctx.client(), name);
      if (!change.changed) return void ctx.io.out(`node/${name} already running\n`);
      await awaitReady(ctx, name, flags.wait);
      ctx.io.out(`node/${name} started\n`);
    });

  subcommand(node, 'ls')
    .alias('list')
    .summary('List the nodes with their power state')
    .description('List the nodes: NAME, POWER (on, off, or external for a node that joined with "mk agent"), and the Kubernetes STATUS, ROLES and AGE.')
    .addHelpText('after', examples(`
  # List the nodes
  mk node ls`))
    .action(async () => {
      const client = await ctx.client();
      const [agents, nodes] = await Promise.all([nodeApi.list(client), client.request<{ items?: Node[] }>('GET', '/api/v1/nodes')]);
      const sink = new StringSink();
      const w = new TabWriter(sink, KUBECTL_TABLE_OPTIONS);
      for (const row of [NODE_TABLE_HEADER, ...nodeTableRows(agents, nodes.items ?? [], ctx.now())]) w.write(row.join('\t') + '\n');
      w.flush();
      ctx.io.out(sink.text);
    });
};
