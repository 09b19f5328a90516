/** `mk drain`: cordon a node and evict its pods (kubectl drain). */
import { setTimeout as sleep } from 'node:timers/promises';
import { parseGoDuration } from '@mk/client';
import type { RegisterCommand } from '../command';
import { CliError } from '../context';
import { addDryRunFlag, addSelectorFlag } from '../mutate/common-flags';
import { parseDryRun } from '../mutate/dry-run';
import { boolFlag, examples, subcommand } from '../mutate/kubectl-command';
import { runDrain } from '../nodes/drain/run-drain';

const LONG = `Drain node in preparation for maintenance.

 The given node will be marked unschedulable to prevent new pods from arriving. 'drain' evicts the pods if the API server supports eviction (https://kubernetes.io/docs/concepts/workloads/pods/disruptions/). Otherwise, it will use normal DELETE to delete the pods. The 'drain' evicts or deletes all pods except mirror pods (which cannot be deleted through the API server).  If there are daemon set-managed pods, drain will not proceed without --ignore-daemonsets, and regardless it will not delete any daemon set-managed pods, because those pods would be immediately replaced by the daemon set controller, which ignores unschedulable markings.  If there are any pods that are neither mirror pods nor managed by a replication controller, replica set, daemon set, stateful set, or job, then drain will not delete any pods unless you use --force.  --force will also allow deletion to proceed if the managing resource of one or more pods is missing.

 'drain' waits for graceful termination. You should not operate on the machine until the command completes.

 When you are ready to put the node back into service, use mk uncordon, which will make the node schedulable again.`;

const EXAMPLES = `
  # Drain node "foo", even if there are pods not managed by a replication controller, replica set, job, daemon set, or stateful set on it
  mk drain foo --force

  # As above, but abort if there are pods not managed by a replication controller, replica set, job, daemon set, or stateful set, and use a grace period of 15 minutes
  mk drain foo --grace-period=900

  # Drain a worker of the local cluster whose pods are guarded by a PodDisruptionBudget; blocked evictions are retried every 5s
  mk drain mk-worker2 --ignore-daemonsets --timeout=2m`;

interface DrainFlags {
  force?: boolean;
  ignoreDaemonsets?: boolean;
  deleteEmptydirData?: boolean;
  gracePeriod: string;
  timeout: string;
  podSelector?: string;
  disableEviction?: boolean;
  skipWaitForDeleteTimeout: string;
  selector?: string;
  dryRun?: string;
}

function intFlag(name: string, value: string): number {
  const n = Number(value);
  if (value.trim() === '' || !Number.isInteger(n)) throw new CliError(`invalid argument "${value}" for "--${name}" flag: strconv.ParseInt: parsing "${value}": invalid syntax`);
  return n;
}

function durationFlag(name: string, value: string): number {
  try {
    return parseGoDuration(value);
  } catch (err) {
    throw new CliError(`invalid argument "${value}" for "--${name}" flag: ${(err as Error).message}`);
  }
}

export const register: RegisterCommand = (program, ctx) => {
  const cmd = subcommand(program, 'drain')
    .usage('NODE')
    .summary('Drain node in preparation for maintenance')
    .description(LONG)
    .argument('[node...]')
    .addHelpText('after', examples(EXAMPLES));
  boolFlag(cmd, '--force', 'Continue even if there are pods that do not declare a controller.');
  boolFlag(cmd, '--ignore-daemonsets', 'Ignore DaemonSet-managed pods.');
  boolFlag(cmd, '--delete-emptydir-data', 'Continue even if there are pods using emptyDir (local data that will be deleted when the node is drained).');
  cmd.option('--grace-period <seconds>', 'Period of time in seconds given to each pod to terminate gracefully. If negative, the default value specified in the pod will be used.', '-1');
  cmd.option('--timeout <duration>', 'The length of time to wait before giving up, zero means infinite', '0s');
  cmd.option('--pod-selector <selector>', 'Label selector to filter pods on the node');
  boolFlag(cmd, '--disable-eviction', 'Force drain to use delete, even if eviction is supported. This will bypass checking PodDisruptionBudgets, use with caution.');
  cmd.option('--skip-wait-for-delete-timeout <seconds>', 'If pod DeletionTimestamp older than N seconds, skip waiting for the pod.  Seconds must be greater than 0 to skip.', '0');
  addDryRunFlag(cmd);
  addSelectorFlag(cmd);
  cmd.action(async (names: string[], flags: DrainFlags) => {
    const dryRun = parseDryRun(flags.dryRun, (m) => ctx.io.err(`${m}\n`));
    await runDrain(
      ctx,
      {
        nodeNames: names,
        selector: flags.selector,
        podSelector: flags.podSelector,
        force: !!flags.force,
        ignoreDaemonSets: !!flags.ignoreDaemonsets,
        deleteEmptyDirData: !!flags.deleteEmptydirData,
        disableEviction: !!flags.disableEviction,
        skipWaitForDeleteTimeoutSeconds: intFlag('skip-wait-for-delete-timeout', flags.skipWaitForDeleteTimeout),
        gracePeriodSeconds: intFlag('grace-period', flags.gracePeriod),
        timeoutMs: durationFlag('timeout', flags.timeout),
        dryRun,
      },
      // A referenced timer: the CLI must stay alive while it waits.
      { now: () => ctx.now().getTime(), sleep: (ms) => sleep(ms) },
    );
  });
};
