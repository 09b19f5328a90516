/** `mk rollout pause` (kubectl pkg/cmd/rollout/rollout_pause.go). */
import type { Command } from 'commander';
import type { CliContext } from '../context';
import { addMutationCommand } from './mutation-command';
import { pauseMutator } from './pause';

const LONG = `Mark the provided resource as paused.

 Paused resources will not be reconciled by a controller. Use "mk rollout resume" to resume a paused resource. Currently only deployments support being paused.`;

const EXAMPLES = `
  # Mark the nginx deployment as paused
  # Any current state of the deployment will continue its function; new updates
  # to the deployment will not have an effect as long as the deployment is paused
  mk rollout pause deployment/nginx`;

/** Adds `pause` under `rollout`. */
export function addPauseCommand(rollout: Command, ctx: CliContext): void {
  addMutationCommand(rollout, ctx, {
    name: 'pause',
    summary: 'Mark the provided resource as paused',
    description: LONG,
    examples: EXAMPLES,
    command: () => ({ mutator: pauseMutator, operation: 'paused', unchanged: { operation: 'already paused' } }),
  });
}
