/** `mk rollout resume` (kubectl pkg/cmd/rollout/rollout_resume.go). */
import type { Command } from 'commander';
import type { CliContext } from '../context';
import { addMutationCommand } from './mutation-command';
import { resumeMutator } from './resume';

const LONG = `Resume a paused resource.

 Paused resources will not be reconciled by a controller. By resuming a resource, we allow it to be reconciled again. Currently only deployments support being resumed.`;

const EXAMPLES = `
  # Resume an already paused deployment
  mk rollout resume deployment/nginx`;

/** Adds `resume` under `rollout`. */
export function addResumeCommand(rollout: Command, ctx: CliContext): void {
  addMutationCommand(rollout, ctx, {
    name: 'resume',
    summary: 'Resume a paused resource',
    description: LONG,
    examples: EXAMPLES,
    command: () => ({ mutator: resumeMutator, operation: 'resumed', unchanged: { operation: 'already resumed' } }),
  });
}
