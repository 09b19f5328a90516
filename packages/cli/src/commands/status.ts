/** `mk status`: whether a local cluster runs, and where. */
import type { RegisterCommand } from '../command';
import { examples } from '../mutate/kubectl-command';

const EXAMPLES = `
  # Show whether the cluster "mk" is running, its API server URL, pid and uptime
  mk status

  # Start the cluster only if it is not running
  mk status >/dev/null || mk up`;

export const register: RegisterCommand = (program, ctx) => {
  program
    .command('status')
    .summary('Show whether a local cluster is running')
    .description(
      'Show whether the cluster is running: its API server URL, pid, port, uptime, state folder and kubeconfig. ' +
        'Exits 0 when it is running and 1 otherwise.',
    )
    .option('--name <name>', 'Cluster name', 'mk')
    .addHelpText('after', examples(EXAMPLES))
    .action(async (opts: { name: string }) => {
      const { runStatus } = await import('../daemon/status');
      await runStatus(opts, ctx.io, process.env, ctx.now());
    });
};
