/** `mk wait`: wait for a specific condition on one or many resources (kubectl wait). */
import { realClock, type Clock } from '@mk/api';
import type { Command } from 'commander';
import type { RegisterCommand } from '../command';
import type { CliContext } from '../context';
import { clusterDeps } from '../mutate/cluster-deps';
import { addFieldSelectorFlag, addOutputFlag, type SelectionFlags } from '../mutate/common-flags';
import { boolFlag, collectList, examples, subcommand } from '../mutate/kubectl-command';
import { ResultPrinter, parseResultFormat } from '../mutate/print-result';
import { durationFlag } from '../scale/duration-flag';
import { effectiveAll } from '../scale/effective-all';
import { parseFlags } from '../scale/flag-error';
import { runWait } from '../wait/run-wait';
import { parseWaitFor } from '../wait/wait-for';

/** Parsed flags of `mk wait`. */
interface WaitFlags extends SelectionFlags {
  for: string;
  timeout: string;
  output?: string;
}

/** kubectl turns a negative --timeout into a week. */
const A_WEEK_MS = 168 * 3_600_000;

const LONG = `Experimental: Wait for a specific condition on one or many resources.

 The command takes multiple resources and waits until the specified condition is seen in the Status field of every given resource.

 Alternatively, the command can wait for the given set of resources to be created or deleted by providing the "create" or "delete" keyword as the value to the --for flag.

 A successful message will be printed to stdout indicating when the specified condition has been met. You can use -o option to change to output destination.`;

const EXAMPLES = `
  # Wait for the pod "busybox1" to contain the status condition of type "Ready"
  mk wait --for=condition=Ready pod/busybox1

  # The default value of status condition is true; you can wait for other targets after an equal delimiter (compared after Unicode simple case folding, which is a more general form of case-insensitivity)
  mk wait --for=condition=Ready=false pod/busybox1

  # Wait for the pod "busybox1" to contain the status phase to be "Running"
  mk wait --for=jsonpath='{.status.phase}'=Running pod/busybox1

  # Wait for pod "busybox1" to be Ready
  mk wait --for='jsonpath={.status.conditions[?(@.type=="Ready")].status}=True' pod/busybox1

  # Wait for the service "loadbalancer" to have ingress
  mk wait --for=jsonpath='{.status.loadBalancer.ingress}' service/loadbalancer

  # Wait for the secret "busybox1" to be created, with a timeout of 30s
  mk create secret generic busybox1
  mk wait --for=create secret/busybox1 --timeout=30s

  # Wait for the pod "busybox1" to be deleted, with a timeout of 60s, after having issued the "delete" command
  mk delete pod/busybox1
  mk wait --for=delete pod/busybox1 --timeout=60s`;

/** Registers `wait`; the clock drives the deadline, the create poll and the watch retries. */
export function registerWait(program: Command, ctx: CliContext, clock: Clock = realClock): void {
  const cmd = subcommand(program, 'wait')
    .usage("([-f FILENAME] | resource.group/resource.name | resource.group [(-l label | --all)]) [--for=create|--for=delete|--for condition=available|--for=jsonpath='{}'[=value]]")
    .summary('Experimental: Wait for a specific condition on one or many resources')
    .description(LONG)
    .argument('[args...]')
    .addHelpText('after', examples(EXAMPLES));
  cmd.option('-f, --filename <file>', 'Filename, directory, or glob of files identifying the resource.', collectList);
  boolFlag(cmd, '-R, --recursive', 'Process the directory used in -f, --filename recursively. Useful when you want to manage related manifests organized within the same directory. (default true)');
  cmd.option('-l, --selector <selector>', "Selector (label query) to filter on, supports '=', '==', and '!='.(e.g. -l key1=value1,key2=value2)");
  addFieldSelectorFlag(cmd);
  boolFlag(cmd, '-A, --all-namespaces', 'If present, list the requested object(s) across all namespaces. Namespace in current context is ignored even if specified with --namespace.');
  boolFlag(cmd, '--all', 'Select all resources in the namespace of the specified resource types');
  cmd.option('--timeout <duration>', "The length of time to wait before giving up. Zero means check once and don't wait, negative means wait for a week.", '30s');
  cmd.option(
    '--for <condition>',
    "The condition to wait on: [create|delete|condition=condition-name[=condition-value]|jsonpath='{JSONPath expression}'=[JSONPath value]]. The default condition-value is true. Condition values are compared after Unicode simple case folding, which is a more general form of case-insensitivity.",
    '',
  );
  addOutputFlag(cmd);

  cmd.action(async (args: string[], flags: WaitFlags) => {
    const timeoutMs = parseFlags(ctx.io, cmd, () => durationFlag('timeout', flags.timeout));
    const printer = new ResultPrinter(ctx.io, parseResultFormat(flags.output));
    const waitFor = parseWaitFor(flags.for);
    const cluster = await clusterDeps(ctx);
    // The watches' retry timers do not hold the process open; this does, until the wait ends.
    const keepAlive = setInterval(() => undefined, 1 << 30);
    try {
      await runWait(
        { cluster, printer, clock, log: (message) => ctx.io.err(`${message}\n`) },
        {
          args,
          filenames: flags.filename ?? [],
          // kubectl's ResourceBuilderFlags default to recursive for wait.
          recursive: flags.recursive !== false,
          labelSelector: flags.selector,
          fieldSelector: flags.fieldSelector,
          all: effectiveAll(flags.all ?? false, args),
          allNamespaces: flags.allNamespaces ?? false,
          fetch: true,
        },
        { waitFor, timeoutMs: timeoutMs < 0 ? A_WEEK_MS : timeoutMs },
      );
    } finally {
      clearInterval(keepAlive);
    }
  });
}

export const register: RegisterCommand = (program, ctx) => registerWait(program, ctx);
