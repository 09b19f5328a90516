/** `mk rollout restart` (kubectl pkg/cmd/rollout/rollout_restart.go). */
import type { Command } from 'commander';
import type { CliContext } from '../context';
import type { RolloutDeps } from './command-deps';
import { addMutationCommand } from './mutation-command';
import { restartMutator } from './restart';
import { formatRFC3339 } from './rfc3339';

const EXAMPLES = `
  # Restart all deployments in the test-namespace namespace
  mk rollout restart deployment -n test-namespace

  # Restart a deployment
  mk rollout restart deployment/nginx

  # Restart a daemon set
  mk rollout restart daemonset/abc

  # Restart deployments with the app=nginx label
  mk rollout restart deployment --selector=app=nginx`;

/** Adds `restart` under `rollout`. */
export function addRestartCommand(rollout: Command, ctx: CliContext, deps: RolloutDeps): void {
  addMutationCommand(rollout, ctx, {
    name: 'restart',
    summary: 'Restart a resource',
    description: 'Restart a resource.\n\n Resource rollout will be restarted.',
    examples: EXAMPLES,
    command: () => {
      const now = ctx.now();
      return {
        mutator: restartMutator(formatRFC3339(now, deps.utcOffset(now))),
        operation: 'restarted',
        // The timestamp has a one-second resolution, so a second restart within it changes nothing.
        unchanged: {
          error: (name) => `failed to create patch for ${name}: if restart has already been triggered within the past second, please wait before attempting to trigger another`,
        },
      };
    },
  });
}
