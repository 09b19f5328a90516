/** `mk down`: stop a local cluster, keeping (or with --delete, removing) its state. */
import type { RegisterCommand } from '../command';
import { examples } from '../mutate/kubectl-command';

const EXAMPLES = `
  # Stop the cluster "mk"; "mk up" resumes it later with all its objects
  mk down

  # Stop the cluster "dev" and delete its state and its kubeconfig context
  mk down --name dev --delete`;

export const register: RegisterCommand = (program, ctx) => {
  program
    .command('down')
    .summary('Stop a local cluster (state is kept unless --delete)')
    .description(
      'Stop the cluster\'s daemon (SIGTERM; it closes its store cleanly) and wait until it has exited. ' +
        'The state stays in $MK_HOME/<name>, so "mk up" resumes the cluster. ' +
        'With --delete, also remove that state and the context, cluster and user mk-<name> that "mk up" merged into your kubeconfig, ' +
        'restoring the previously current context.',
    )
    .option('--name <name>', 'Cluster name', 'mk')
    .option('--delete', 'Also delete the cluster\'s state and its kubeconfig entries', false)
    .addHelpText('after', examples(EXAMPLES))
    .action(async (opts: { name: string; delete: boolean }) => {
      const { runDown } = await import('../daemon/down');
      await runDown({ ...opts, kubeconfig: program.opts<{ kubeconfig?: string }>().kubeconfig }, ctx.io, process.env);
    });
};
