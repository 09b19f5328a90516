/** `mk kubeconfig`: print the path of a cluster's kubeconfig file. */
import type { RegisterCommand } from '../command';
import { examples } from '../mutate/kubectl-command';

const EXAMPLES = `
  # Use the cluster "mk" with kubectl without changing ~/.kube/config
  KUBECONFIG=$(mk kubeconfig) kubectl get pods

  # The kubeconfig of the cluster "dev"
  mk kubeconfig --name dev`;

export const register: RegisterCommand = (program, ctx) => {
  program
    .command('kubeconfig')
    .summary('Print the path of a local cluster\'s kubeconfig')
    .description('Print the path of the kubeconfig file of the cluster (context mk-<name>, namespace default), written when the cluster starts.')
    .option('--name <name>', 'Cluster name', 'mk')
    .addHelpText('after', examples(EXAMPLES))
    .action(async (opts: { name: string }) => {
      const { runKubeconfig } = await import('../daemon/kubeconfig-path');
      runKubeconfig(opts, ctx.io, process.env);
    });
};
