/** The command-line half `rollout restart|pause|resume` share: flags, validation, selection and the error ending. */
import type { Command } from 'commander';
import type { CliContext } from '../context';
import { addFieldManagerFlag, addOutputFlag } from '../mutate/common-flags';
import { examples, subcommand } from '../mutate/kubectl-command';
import { ResultPrinter, parseResultFormat } from '../mutate/print-result';
import { finishWithErrors } from '../mutate/report-errors';
import { mutateTargets, type MutationCommand } from './mutate-targets';
import { addRolloutSelectionFlags, requireResource, selectRolloutTargets, type RolloutSelectionFlags } from './select-rollout-targets';

/** Parsed flags of the three commands. */
interface MutationFlags extends RolloutSelectionFlags {
  fieldManager: string;
  output?: string;
}

/** The help and behaviour of one of the three commands. */
export interface MutationCommandSpec {
  name: string;
  summary: string;
  description: string;
  examples: string;
  /** Built per run, so a restart gets the time it runs at. */
  command(): Omit<MutationCommand, 'fieldManager'>;
}

/** Adds one of restart, pause or resume under `rollout`. */
export function addMutationCommand(rollout: Command, ctx: CliContext, spec: MutationCommandSpec): void {
  const cmd = subcommand(rollout, spec.name)
    .usage('RESOURCE')
    .summary(spec.summary)
    .description(spec.description)
    .argument('[args...]')
    .addHelpText('after', examples(spec.examples));
  addRolloutSelectionFlags(cmd);
  addFieldManagerFlag(cmd, 'kubectl-rollout');
  addOutputFlag(cmd);
  cmd.action(async (args: string[], flags: MutationFlags) => {
    requireResource(args, flags);
    const printer = new ResultPrinter(ctx.io, parseResultFormat(flags.output));
    const { deps, selection } = await selectRolloutTargets(ctx, args, flags);
    const errors = await mutateTargets(deps, selection, printer, { ...spec.command(), fieldManager: flags.fieldManager });
    finishWithErrors(errors, ctx.io);
  });
}
