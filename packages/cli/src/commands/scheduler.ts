/** `mk scheduler`: run the scheduler in the foreground against any cluster's API server. */
import type { RegisterCommand } from '../command';
import { examples } from '../mutate/kubectl-command';
import { loadComponentRunners } from '../nodes/component-runners';
import { addTimingFlags, componentTimings } from '../nodes/timing-flags';

const EXAMPLES = `
  # Run a scheduler against the cluster of a kubeconfig
  mk scheduler --kubeconfig ~/.mk/mk/kubeconfig

  # Retry unschedulable pods sooner
  mk scheduler --kubeconfig cluster.kubeconfig --pod-max-backoff-seconds 2`;

export const register: RegisterCommand = (program, ctx) => {
  const cmd = program
    .command('scheduler')
    .summary('Run the scheduler in the foreground')
    .description(
      'Run the scheduler in this process (kube-scheduler): it watches pods without a node, filters and scores the nodes, and binds each pod, ' +
        'or records a FailedScheduling event when no node fits. It talks to the API server named by --kubeconfig (or $KUBECONFIG, ~/.kube/config, --context) ' +
        'only through the API, until Ctrl-C or SIGTERM. A cluster started with "mk up" already runs one; run another only against a cluster without.',
    )
    .option('--profile <profile>', "Timing profile: default (Kubernetes' timings) or demo");
  addTimingFlags(cmd, ['scheduler']);
  cmd.addHelpText('after', examples(EXAMPLES)).action(async (flags: { profile?: string; [timing: string]: unknown }) => {
    const timings = componentTimings(flags.profile, flags);
    const { server, token, caData, insecureSkipTLSVerify } = (await ctx.client()).config;
    const runners = await loadComponentRunners();
    await runners.runSchedulerProcess({ server, token, caData, insecureSkipTLSVerify, timings, log: (m) => ctx.io.err(`${m}\n`) });
  });
};
