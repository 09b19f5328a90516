/** `mk delete`: kubectl's delete by file, type and name, or selector, then wait for the objects to go. */
import { Option } from 'commander';
import { parseGoDuration } from '@mk/client';
import type { RegisterCommand } from '../command';
import { CliError } from '../context';
import { clusterDeps } from '../mutate/cluster-deps';
import { addDryRunFlag, addFieldSelectorFlag, addFilenameFlags, addSelectorFlag, rejectAllWithSelectors, type SelectionFlags } from '../mutate/common-flags';
import { parseCascade } from '../mutate/delete-options';
import { deleteTargets } from '../mutate/delete-objects';
import { parseDryRun } from '../mutate/dry-run';
import { boolFlag, examples, subcommand } from '../mutate/kubectl-command';
import { finishWithErrors } from '../mutate/report-errors';
import { selectTargets } from '../mutate/select-targets';

/** Parsed flags of `mk delete`. */
interface DeleteFlags extends SelectionFlags {
  cascade?: string | boolean;
  force?: boolean;
  gracePeriod: string;
  ignoreNotFound?: boolean;
  now?: boolean;
  timeout: string;
  wait?: boolean;
  output?: string;
  dryRun?: string | boolean;
}

const LONG = `Delete resources by file names, stdin, resources and names, or by resources and label selector.

JSON and YAML formats are accepted. Only one type of argument may be specified: file names, resources and names, or resources and label selector.

Some resources, such as pods, support graceful deletion. These resources define a default period before they are forcibly terminated (the grace period) but you may override that value with the --grace-period flag, or pass --now to set a grace-period of 1. Because these resources often represent entities in the cluster, deletion may not be acknowledged immediately. If the node hosting a pod is down or cannot reach the API server, termination may take significantly longer than the grace period. To force delete a resource, you must specify the --force flag. Note: only a subset of resources support graceful deletion. In absence of the support, the --grace-period flag is ignored.

IMPORTANT: Force deleting pods does not wait for confirmation that the pod's processes have been terminated, which can leave those processes running until the node detects the deletion and completes graceful deletion.

Note that the delete command does NOT do resource version checks, so if someone submits an update to a resource right when you submit a delete, their update will be lost along with the rest of the resource.`;

const EXAMPLES = `
  # Delete a pod using the type and name specified in pod.json
  mk delete -f ./pod.json

  # Delete resources from all files that end with '.json'
  mk delete -f '*.json'

  # Delete a pod based on the type and name in the JSON passed into stdin
  cat pod.json | mk delete -f -

  # Delete pods and services with same names "baz" and "foo"
  mk delete pod,service baz foo

  # Delete pods and services with label name=myLabel
  mk delete pods,services -l name=myLabel

  # Delete a pod with minimal delay
  mk delete pod foo --now

  # Force delete a pod on a dead node
  mk delete pod foo --force

  # Delete all pods
  mk delete pods --all`;

export const register: RegisterCommand = (program, ctx) => {
  const cmd = subcommand(program, 'delete')
    .usage('([-f FILENAME] | TYPE [(NAME | -l label | --all)]) [options]')
    .summary('Delete resources by file names, stdin, resources and names, or by resources and label selector')
    .description(LONG)
    .argument('[args...]')
    .addHelpText('after', examples(EXAMPLES));
  addFilenameFlags(cmd, 'containing the resource to delete.');
  addSelectorFlag(cmd);
  addFieldSelectorFlag(cmd);
  boolFlag(cmd, '--all', 'Delete all resources, in the namespace of the specified resource types.');
  boolFlag(cmd, '-A, --all-namespaces', 'If present, list the requested object(s) across all namespaces. Namespace in current context is ignored even if specified with --namespace.');
  cmd.addOption(
    new Option(
      '--cascade [strategy]',
      'Must be "background", "orphan", or "foreground". Selects the deletion cascading strategy for the dependents (e.g. Pods created by a ReplicationController). Defaults to background.',
    ).preset('background'),
  );
  boolFlag(cmd, '--force', 'If true, immediately remove resources from API and bypass graceful deletion. Note that immediate deletion of some resources may result in inconsistency or data loss and requires confirmation.');
  cmd.option('--grace-period <seconds>', 'Period of time in seconds given to the resource to terminate gracefully. Ignored if negative. Set to 1 for immediate shutdown. Can only be set to 0 when --force is true (force deletion).', '-1');
  boolFlag(cmd, '--ignore-not-found', 'Treat "resource not found" as a successful delete. Defaults to "true" when --all is specified.');
  boolFlag(cmd, '--now', 'If true, resources are signaled for immediate shutdown (same as --grace-period=1).');
  cmd.option('--timeout <duration>', 'The length of time to wait before giving up on a delete, zero means determine a timeout from the size of the object', '0s');
  boolFlag(cmd, '--wait', 'If true, wait for resources to be gone before returning. This waits for finalizers. (default true)');
  cmd.option('-o, --output <format>', 'Output mode. Use "-o name" for shorter output (resource/name).');
  addDryRunFlag(cmd);

  cmd.action(async (args: string[], flags: DeleteFlags) => {
    const warn = (m: string): void => ctx.io.err(`${m}\n`);
    const cascade = parseCascade(flags.cascade, warn);
    const selecting = !!flags.all || !!flags.selector || !!flags.fieldSelector;
    const ignoreNotFound = flags.ignoreNotFound ?? selecting;
    let gracePeriod = parseGracePeriod(flags.gracePeriod);
    if (flags.now) {
      if (gracePeriod !== -1) throw new CliError('--now and --grace-period cannot be specified together');
      gracePeriod = 1;
    }
    // Like kubectl: --grace-period=0 without --force means 1 (no accidental force deletion).
    if (gracePeriod === 0 && !flags.force) gracePeriod = 1;
    if (flags.force && gracePeriod < 0) gracePeriod = 0;
    const dryRun = parseDryRun(flags.dryRun, warn);
    const output = flags.output ?? '';
    if (output !== '' && output !== 'name') throw new CliError(`unexpected -o output mode: ${output}. We only support '-o name'`);
    rejectAllWithSelectors(flags);
    if (gracePeriod === 0 && flags.force) {
      warn('Warning: Immediate deletion does not wait for confirmation that the running resource has been terminated. The resource may continue to run on the cluster indefinitely.');
    } else if (gracePeriod > 0 && flags.force) {
      throw new CliError('--force and --grace-period greater than 0 cannot be specified together');
    }
    const timeoutMs = parseTimeout(flags.timeout);

    const deps = await clusterDeps(ctx);
    const selection = await selectTargets(deps, {
      args,
      filenames: flags.filename ?? [],
      recursive: flags.recursive ?? false,
      labelSelector: flags.selector,
      fieldSelector: flags.fieldSelector,
      all: flags.all ?? false,
      allNamespaces: flags.allNamespaces ?? false,
      fetch: false,
    });
    const errors = await deleteTargets(deps.client, ctx.io, selection.targets, {
      cascade,
      gracePeriod,
      dryRun,
      output: output as '' | 'name',
      ignoreNotFound,
      wait: flags.wait ?? true,
      warnClusterScope: deps.namespaceExplicit && !flags.allNamespaces,
      // A week stands in for "forever", as in kubectl.
      waitSignal: AbortSignal.timeout(timeoutMs > 0 ? timeoutMs : 168 * 3600 * 1000),
    }, selection.errors);
    finishWithErrors(errors, ctx.io);
  });
};

function parseGracePeriod(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n)) throw new CliError(`invalid argument "${value}" for "--grace-period" flag: strconv.ParseInt: parsing "${value}": invalid syntax`);
  return n;
}

function parseTimeout(value: string): number {
  try {
    return parseGoDuration(value);
  } catch (err) {
    throw new CliError(`invalid argument "${value}" for "--timeout" flag: ${(err as Error).message}`);
  }
}
