/** `mk server`: run a local cluster in the foreground. */
import type { RegisterCommand } from '../command';
import { examples } from '../mutate/kubectl-command';

const EXAMPLES = `
  # Run the cluster "mk" in this terminal; Ctrl-C stops it
  mk server

  # Run the cluster "dev" on port 6443
  mk server --name dev --port 6443`;

export const register: RegisterCommand = (program, ctx) => {
  program
    .command('server')
    .summary('Run a local cluster in the foreground')
    .description(
      'Run the cluster in this process, logging to the terminal and to $MK_HOME/<name>/daemon.log, until Ctrl-C or SIGTERM. ' +
        'It uses the same state, port and kubeconfig as "mk up", but does not touch your kubeconfig.',
    )
    .option('--name <name>', 'Cluster name', 'mk')
    .option('--port <port>', 'API server port on 127.0.0.1 (default: the port of the last run, else a free one)')
    .addHelpText('after', examples(EXAMPLES))
    .action(async (opts: { name: string; port?: string }) => {
      const { runServer } = await import('../daemon/server');
      await runServer(opts, ctx.io, process.env);
    });
};
