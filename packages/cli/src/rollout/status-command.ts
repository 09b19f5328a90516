/** `mk rollout status`: watch a rollout until it is done (kubectl pkg/cmd/rollout/rollout_status.go). */
import { parseGoDuration } from '@mk/client';
import type { Command } from 'commander';
import { CliError, type CliContext } from '../context';
import { boolFlag, examples, subcommand } from '../mutate/kubectl-command';
import { finishWithErrors } from '../mutate/report-errors';
import type { RolloutDeps } from './command-deps';
import { int64Flag } from './revision';
import { addRolloutSelectionFlags, requireResource, selectRolloutTargets, type RolloutSelectionFlags } from './select-rollout-targets';
import { statusViewerFor } from './status-viewer';
import { watchRolloutStatus } from './watch-status';

/** Parsed flags of `rollout status`. */
interface StatusFlags extends RolloutSelectionFlags {
  watch?: boolean;
  revision?: string;
  timeout: string;
}

const LONG = `Show the status of the rollout.

 By default 'rollout status' will watch the status of the latest rollout until it's done. If you don't want to wait for the rollout to finish then you can use --watch=false. Note that if a new rollout starts in-between, then 'rollout status' will continue watching the latest revision. If you want to pin to a specific revision and abort if it is rolled over by another revision, use --revision=N where N is the revision you need to watch for.`;

const EXAMPLES = `
  # Watch the rollout status of a deployment
  mk rollout status deployment/nginx`;

function parseTimeout(value: string): number {
  try {
    return parseGoDuration(value);
  } catch (err) {
    throw new CliError(`invalid argument ${JSON.stringify(value)} for "--timeout" flag: ${(err as Error).message}`);
  }
}

/** Adds `status` under `rollout`. */
export function addStatusCommand(rollout: Command, ctx: CliContext, deps: RolloutDeps): void {
  const cmd = subcommand(rollout, 'status')
    .usage('(TYPE NAME | TYPE/NAME) [flags]')
    .summary('Show the status of the rollout')
    .description(LONG)
    .argument('[args...]')
    .addHelpText('after', examples(EXAMPLES));
  addRolloutSelectionFlags(cmd);
  boolFlag(cmd, '-w, --watch', "Watch the status of the rollout until it's done. (default true)");
  cmd.option('--revision <n>', 'Pin to a specific revision for showing its status. Defaults to 0 (last revision).');
  cmd.option('--timeout <duration>', 'The length of time to wait before ending watch, zero means never. Any other values should contain a corresponding time unit (e.g. 1s, 2m, 3h).', '0s');
  cmd.action(async (args: string[], flags: StatusFlags) => {
    const revision = int64Flag('revision', flags.revision);
    const timeoutMs = parseTimeout(flags.timeout);
    requireResource(args, flags);
    if (revision < 0) throw new CliError(`revision must be a positive integer: ${revision}`);
    const { deps: cluster, selection } = await selectRolloutTargets(ctx, args, flags);
    const errors: unknown[] = [...selection.errors];
    // The informer's retry timers do not hold the process open; this does, until the watch ends.
    const keepAlive = setInterval(() => undefined, 1 << 30);
    try {
      for (const target of selection.targets) {
        try {
          await watchRolloutStatus({
            client: cluster.client,
            target,
            viewer: statusViewerFor(target.resource.group, target.resource.kind),
            revision,
            watch: flags.watch !== false,
            timeoutMs,
            clock: deps.clock,
            print: (text) => ctx.io.out(text),
            log: (message) => ctx.io.err(`${message}\n`),
          });
        } catch (err) {
          errors.push(err);
        }
      }
    } finally {
      clearInterval(keepAlive);
    }
    if (selection.targets.length === 0 && errors.length === 0) ctx.io.err(`No resources found in ${cluster.namespace} namespace.\n`);
    finishWithErrors(errors, ctx.io);
  });
}
