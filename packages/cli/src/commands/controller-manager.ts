/** `mk controller-manager`: run the controllers in the foreground against any cluster's API server. */
import type { RegisterCommand } from '../command';
import { collectList, examples } from '../mutate/kubectl-command';
import { loadComponentRunners } from '../nodes/component-runners';
import { addTimingFlags, componentTimings } from '../nodes/timing-flags';

const EXAMPLES = `
  # Run the controllers against the cluster of a kubeconfig
  mk controller-manager --kubeconfig ~/.mk/mk/kubeconfig

  # Run every controller but the disruption controller, noticing dead nodes after 10s
  mk controller-manager --kubeconfig cluster.kubeconfig --controllers '*,-disruption-controller' --node-monitor-grace-period 10s`;

export const register: RegisterCommand = (program, ctx) => {
  const cmd = program
    .command('controller-manager')
    .summary('Run the controller manager in the foreground')
    .description(
      'Run the controllers in this process (kube-controller-manager): ReplicaSets, Deployments, StatefulSets, DaemonSets, Jobs, CronJobs, garbage collection, namespaces, node lifecycle, taint eviction, disruption budgets. ' +
        'They talk to the API server named by --kubeconfig (or $KUBECONFIG, ~/.kube/config, --context) only through the API, until Ctrl-C or SIGTERM. ' +
        'With --leader-elect (the default) it runs the controllers only while it holds the Lease kube-system/kube-controller-manager, ' +
        'so against a cluster started with "mk up" (whose daemon runs them already) it stands by and takes over when the daemon\'s controllers stop.',
    )
    .option('--controllers <names>', "Controllers to run: '*' for all (default), a name to add one, -name to leave one out", collectList)
    .option('--no-leader-elect', 'Run the controllers at once without taking the leader Lease (only when no other controller manager runs)')
    .option('--profile <profile>', "Timing profile: default (Kubernetes' timings) or demo");
  addTimingFlags(cmd, ['controller-manager']);
  cmd.addHelpText('after', examples(EXAMPLES)).action(async (flags: { controllers?: string[]; leaderElect?: boolean; profile?: string; [timing: string]: unknown }) => {
    const timings = componentTimings(flags.profile, flags);
    const { server, token, caData, insecureSkipTLSVerify } = (await ctx.client()).config;
    const runners = await loadComponentRunners();
    await runners.runControllerManagerProcess({ server, token, caData, insecureSkipTLSVerify, timings, controllers: flags.controllers, leaderElect: flags.leaderElect, log: (m) => ctx.io.err(`${m}\n`) });
  });
};
