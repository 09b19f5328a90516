/** `mk up`: start a local cluster in the background and point kubectl at it. */
import type { RegisterCommand } from '../command';
import { examples } from '../mutate/kubectl-command';

const EXAMPLES = `
  # Start the cluster "mk" (or resume it from its saved state) and make "mk-mk" the current kubectl context
  mk up

  # Start a second cluster on a fixed port, without touching ~/.kube/config
  mk up --name dev --port 6443 --no-merge
  KUBECONFIG=$(mk kubeconfig --name dev) kubectl get pods`;

export const register: RegisterCommand = (program, ctx) => {
  program
    .command('up')
    .summary('Start a local cluster (or resume it) in the background')
    .description(
      'Start the cluster in the background and wait until its API server is ready. ' +
        'Its state lives in $MK_HOME/<name> (default ~/.mk/mk), so a cluster stopped with "mk down" resumes where it was. ' +
        'Unless --no-merge is given, the context mk-<name> is merged into the kubeconfig kubectl uses ' +
        '(--kubeconfig, else the first file of $KUBECONFIG, else ~/.kube/config) and made current; other contexts are left alone. ' +
        'Running it again while the cluster runs does nothing but report it.',
    )
    .option('--name <name>', 'Cluster name', 'mk')
    .option('--port <port>', 'API server port on 127.0.0.1 (default: the port of the last run, else a free one)')
    .option('--no-merge', 'Do not add the cluster to your kubeconfig')
    .option('--wait <duration>', 'How long to wait for the API server to become ready', '60s')
    .addHelpText('after', examples(EXAMPLES))
    .action(async (opts: { name: string; port?: string; merge: boolean; wait: string }) => {
      const { runUp } = await import('../daemon/up');
      await runUp({ ...opts, kubeconfig: program.opts<{ kubeconfig?: string }>().kubeconfig }, ctx.io, process.env);
    });
};
