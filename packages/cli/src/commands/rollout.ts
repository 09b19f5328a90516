/** `mk rollout`: manage the rollout of Deployments, DaemonSets and StatefulSets (kubectl rollout). */
import type { Command } from 'commander';
import type { RegisterCommand } from '../command';
import type { CliContext } from '../context';
import { examples, subcommand } from '../mutate/kubectl-command';
import { defaultRolloutDeps, type RolloutDeps } from '../rollout/command-deps';
import { addHistoryCommand } from '../rollout/history-command';
import { addPauseCommand } from '../rollout/pause-command';
import { addRestartCommand } from '../rollout/restart-command';
import { addResumeCommand } from '../rollout/resume-command';
import { addStatusCommand } from '../rollout/status-command';
import { addUndoCommand } from '../rollout/undo-command';

const LONG = `Manage the rollout of one or many resources.

Valid resource types include:

   * deployments
   * daemonsets
   * statefulsets`;

const EXAMPLES = `
  # Rollback to the previous deployment
  mk rollout undo deployment/abc

  # Check the rollout status of a daemonset
  mk rollout status daemonset/foo

  # Restart a deployment
  mk rollout restart deployment/abc

  # Restart deployments with the 'app=nginx' label
  mk rollout restart deployment --selector=app=nginx`;

/** Registers `rollout` and its subcommands, in kubectl's order, with the given clock and zone. */
export function registerRollout(program: Command, ctx: CliContext, deps: RolloutDeps = defaultRolloutDeps): void {
  const rollout = subcommand(program, 'rollout')
    .usage('SUBCOMMAND')
    .summary('Manage the rollout of a resource')
    .description(LONG)
    .helpCommand(false)
    .addHelpText('after', examples(EXAMPLES));
  addHistoryCommand(rollout, ctx);
  addPauseCommand(rollout, ctx);
  addResumeCommand(rollout, ctx);
  addUndoCommand(rollout, ctx);
  addStatusCommand(rollout, ctx, deps);
  addRestartCommand(rollout, ctx, deps);
}

export const register: RegisterCommand = (program, ctx) => registerRollout(program, ctx);
