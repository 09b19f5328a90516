/** `mk scale`: set a new size for a deployment, replica set, replication controller, or stateful set (kubectl scale). */
import { realClock, type Clock } from '@mk/api';
import type { Command } from 'commander';
import type { RegisterCommand } from '../command';
import { CliError, type CliContext } from '../context';
import { clusterDeps } from '../mutate/cluster-deps';
import { addDryRunFlag, addFilenameFlags, addOutputFlag, addSelectorFlag, type SelectionFlags } from '../mutate/common-flags';
import { parseDryRun } from '../mutate/dry-run';
import { boolFlag, examples, subcommand } from '../mutate/kubectl-command';
import { ResultPrinter, parseResultFormat } from '../mutate/print-result';
import { selectTargets } from '../mutate/select-targets';
import { durationFlag } from '../scale/duration-flag';
import { effectiveAll } from '../scale/effective-all';
import { parseFlags } from '../scale/flag-error';
import { intFlag } from '../scale/int-flag';
import { scaleTargets } from '../scale/run-scale';

/** Parsed flags of `mk scale`. */
interface ScaleFlags extends Pick<SelectionFlags, 'all' | 'selector' | 'filename' | 'recursive'> {
  replicas?: string;
  currentReplicas: string;
  resourceVersion?: string;
  timeout: string;
  dryRun?: string | boolean;
  output?: string;
}

const LONG = `Set a new size for a deployment, replica set, replication controller, or stateful set.

 Scale also allows users to specify one or more preconditions for the scale action.

 If --current-replicas or --resource-version is specified, it is validated before the scale is attempted, and it is guaranteed that the precondition holds true when the scale is sent to the server.`;

const EXAMPLES = `
  # Scale a replica set named 'foo' to 3
  mk scale --replicas=3 rs/foo

  # Scale a resource identified by type and name specified in "foo.yaml" to 3
  mk scale --replicas=3 -f foo.yaml

  # If the deployment named mysql's current size is 2, scale mysql to 3
  mk scale --current-replicas=2 --replicas=3 deployment/mysql

  # Scale multiple replication controllers
  mk scale --replicas=5 rc/example1 rc/example2 rc/example3

  # Scale stateful set named 'web' to 3
  mk scale --replicas=3 statefulset/web`;

/** Registers `scale`; the clock paces conflict retries and the --timeout poll. */
export function registerScale(program: Command, ctx: CliContext, clock: Clock = realClock): void {
  const cmd = subcommand(program, 'scale')
    .usage('[--resource-version=version] [--current-replicas=count] --replicas=COUNT (-f FILENAME | TYPE NAME)')
    .summary('Set a new size for a deployment, replica set, or replication controller')
    .description(LONG)
    .argument('[args...]')
    .addHelpText('after', examples(EXAMPLES));
  boolFlag(cmd, '--all', 'Select all resources in the namespace of the specified resource types');
  cmd.option('--resource-version <version>', 'Precondition for resource version. Requires that the current resource version match this value in order to scale.');
  cmd.option('--current-replicas <count>', 'Precondition for current size. Requires that the current size of the resource match this value in order to scale. -1 (default) for no condition.', '-1');
  cmd.option('--replicas <count>', 'The new desired number of replicas. Required.');
  cmd.option('--timeout <duration>', "The length of time to wait before giving up on a scale operation, zero means don't wait. Any other values should contain a corresponding time unit (e.g. 1s, 2m, 3h).", '0s');
  addFilenameFlags(cmd, 'identifying the resource to set a new size');
  addDryRunFlag(cmd);
  addSelectorFlag(cmd);
  addOutputFlag(cmd);

  cmd.action(async (args: string[], flags: ScaleFlags) => {
    const parsed = parseFlags(ctx.io, cmd, () => ({
      replicas: flags.replicas === undefined ? undefined : intFlag('replicas', flags.replicas),
      currentReplicas: intFlag('current-replicas', flags.currentReplicas),
      timeoutMs: durationFlag('timeout', flags.timeout),
    }));
    const { replicas, currentReplicas, timeoutMs } = parsed;
    if (replicas === undefined) throw new CliError('required flag(s) "replicas" not set');
    const dryRun = parseDryRun(flags.dryRun, (m) => ctx.io.err(`${m}\n`));
    const printer = new ResultPrinter(ctx.io, parseResultFormat(flags.output));
    if (replicas < 0) throw new CliError('The --replicas=COUNT flag is required, and COUNT must be greater than or equal to 0');
    if (currentReplicas < -1) throw new CliError('The --current-replicas must specify an integer of -1 or greater');

    const deps = await clusterDeps(ctx);
    const selection = await selectTargets(deps, {
      args,
      filenames: flags.filename ?? [],
      recursive: flags.recursive ?? false,
      labelSelector: flags.selector,
      all: effectiveAll(flags.all ?? false, args),
      allNamespaces: false,
      fetch: false,
    });
    // The clock's timers do not hold the process open; this does, while conflicts are retried or --timeout polls.
    const keepAlive = setInterval(() => undefined, 1 << 30);
    try {
      await scaleTargets({ client: deps.client, io: ctx.io, printer, clock }, selection, {
        replicas,
        currentReplicas,
        resourceVersion: flags.resourceVersion ?? '',
        timeoutMs,
        dryRun,
      });
    } finally {
      clearInterval(keepAlive);
    }
  });
}

export const register: RegisterCommand = (program, ctx) => registerScale(program, ctx);
