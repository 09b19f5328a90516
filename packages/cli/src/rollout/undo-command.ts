/** `mk rollout undo`: roll a workload back to an earlier revision (kubectl pkg/cmd/rollout/rollout_undo.go). */
import type { Command } from 'commander';
import type { CliContext } from '../context';
import { addDryRunFlag, addOutputFlag } from '../mutate/common-flags';
import { parseDryRun, withDryRunSuffix } from '../mutate/dry-run';
import { examples, subcommand } from '../mutate/kubectl-command';
import { ResultPrinter, parseResultFormat } from '../mutate/print-result';
import { finishWithErrors } from '../mutate/report-errors';
import { int64Flag } from './revision';
import { rollbackerFor } from './rollbacker';
import { addRolloutSelectionFlags, requireResource, selectRolloutTargets, type RolloutSelectionFlags } from './select-rollout-targets';

/** Parsed flags of `rollout undo`. */
interface UndoFlags extends RolloutSelectionFlags {
  toRevision?: string;
  dryRun?: string | boolean;
  output?: string;
}

const EXAMPLES = `
  # Roll back to the previous deployment
  mk rollout undo deployment/abc

  # Roll back to daemonset revision 3
  mk rollout undo daemonset/abc --to-revision=3

  # Roll back to the previous deployment with dry-run
  mk rollout undo --dry-run=server deployment/abc`;

/** Adds `undo` under `rollout`. */
export function addUndoCommand(rollout: Command, ctx: CliContext): void {
  const cmd = subcommand(rollout, 'undo')
    .usage('(TYPE NAME | TYPE/NAME) [flags]')
    .summary('Undo a previous rollout')
    .description('Roll back to a previous rollout.')
    .argument('[args...]')
    .addHelpText('after', examples(EXAMPLES));
  cmd.option('--to-revision <n>', 'The revision to rollback to. Default to 0 (last revision).');
  addRolloutSelectionFlags(cmd);
  addDryRunFlag(cmd);
  addOutputFlag(cmd);
  cmd.action(async (args: string[], flags: UndoFlags) => {
    const toRevision = int64Flag('to-revision', flags.toRevision);
    const dryRun = parseDryRun(flags.dryRun, (m) => ctx.io.err(`${m}\n`));
    requireResource(args, flags);
    const printer = new ResultPrinter(ctx.io, parseResultFormat(flags.output));
    const { deps, selection } = await selectRolloutTargets(ctx, args, flags);
    const errors: unknown[] = [...selection.errors];
    for (const target of selection.targets) {
      try {
        const rollback = rollbackerFor(target.resource.group, target.resource.kind);
        const result = await rollback(deps.client, { namespace: target.namespace, name: target.name }, toRevision, dryRun);
        // kubectl prints the object as it was read before the rollback.
        printer.print(target.object ?? {}, target.resource, target.name, withDryRunSuffix(result, dryRun));
      } catch (err) {
        errors.push(err);
      }
    }
    finishWithErrors(errors, ctx.io);
  });
}
