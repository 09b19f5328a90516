/** The shared shape of `mk cordon` and `mk uncordon` (kubectl's NewCmdCordon / NewCmdUncordon). */
import type { Command } from 'commander';
import type { CliContext } from '../context';
import { addDryRunFlag, addSelectorFlag } from '../mutate/common-flags';
import { parseDryRun } from '../mutate/dry-run';
import { examples, subcommand } from '../mutate/kubectl-command';
import { setUnschedulable } from './cordon';
import { validateNodeArgs } from './node-args';
import { selectNodes } from './node-targets';

/** registerCordonCommand adds `cordon` (desired = true) or `uncordon` (false). */
export function registerCordonCommand(program: Command, ctx: CliContext, desired: boolean): void {
  const verb = desired ? 'cordon' : 'uncordon';
  const state = desired ? 'unschedulable' : 'schedulable';
  const cmd = subcommand(program, verb)
    .usage('NODE')
    .summary(`Mark node as ${state}`)
    .description(`Mark node as ${state}.`)
    .argument('[node...]')
    .addHelpText('after', examples(`\n  # Mark node "foo" as ${state}\n  mk ${verb} foo`));
  addSelectorFlag(cmd);
  addDryRunFlag(cmd);
  cmd.action(async (names: string[], flags: { selector?: string; dryRun?: string }) => {
    validateNodeArgs(verb, names, flags.selector);
    const dryRun = parseDryRun(flags.dryRun, (m) => ctx.io.err(`${m}\n`));
    const client = await ctx.client();
    const nodes = await selectNodes(client, names, flags.selector);
    await setUnschedulable(client, ctx.io, nodes, desired, dryRun);
  });
}
