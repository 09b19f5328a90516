/** `mk apply`: kubectl's declarative apply (client-side three-way patch, or --server-side). */
import { setTimeout as sleep } from 'node:timers/promises';
import type { RegisterCommand } from '../command';
import { CliError } from '../context';
import { applyObjects } from '../mutate/apply-objects';
import { clusterDeps } from '../mutate/cluster-deps';
import { addDryRunFlag, addFilenameFlags, addOutputFlag, addSelectorFlag, addValidateFlag, fieldValidation } from '../mutate/common-flags';
import { parseCascade } from '../mutate/delete-options';
import { parseDryRun } from '../mutate/dry-run';
import { boolFlag, collectList, examples, subcommand } from '../mutate/kubectl-command';
import { parseResultFormat } from '../mutate/print-result';

/** Parsed flags of `mk apply` (commander's camelCase names). */
interface ApplyFlags {
  filename?: string[];
  recursive?: boolean;
  dryRun?: string | boolean;
  validate?: string | boolean;
  serverSide?: boolean;
  forceConflicts?: boolean;
  fieldManager?: string;
  selector?: string;
  prune?: boolean;
  all?: boolean;
  pruneAllowlist?: string[];
  output?: string;
  cascade?: string | boolean;
  gracePeriod?: string;
}

const LONG = `Apply a configuration to a resource by file name or stdin.
The resource name must be specified. This resource will be created if it doesn't exist yet.
To use 'apply', always create the resource initially with either 'apply' or 'create --save-config'.

JSON and YAML formats are accepted.

Alpha Disclaimer: the --prune functionality is not yet complete. Do not use unless you are aware of what the current state is. See https://issues.k8s.io/34274.`;

const EXAMPLES = `
  # Apply the configuration in pod.json to a pod
  mk apply -f ./pod.json

  # Apply the JSON passed into stdin to a pod
  cat pod.json | mk apply -f -

  # Apply the configuration from all files that end with '.json'
  mk apply -f '*.json'

  # Note: --prune is still in Alpha
  # Apply the configuration in manifest.yaml that matches label app=nginx and delete all other resources that are not in the file and match label app=nginx
  mk apply --prune -f manifest.yaml -l app=nginx

  # Apply the configuration in manifest.yaml and delete all the other config maps that are not in the file
  mk apply --prune -f manifest.yaml --all --prune-allowlist=core/v1/ConfigMap`;

export const register: RegisterCommand = (program, ctx) => {
  const cmd = subcommand(program, 'apply')
    .usage('(-f FILENAME) [options]')
    .summary('Apply a configuration to a resource by file name or stdin')
    .description(LONG)
    .argument('[args...]')
    .addHelpText('after', examples(EXAMPLES));
  addFilenameFlags(cmd, 'that contains the configuration to apply');
  addSelectorFlag(cmd);
  addDryRunFlag(cmd);
  addValidateFlag(cmd);
  addOutputFlag(cmd);
  boolFlag(cmd, '--server-side', 'If true, apply runs in the server instead of the client.');
  boolFlag(cmd, '--force-conflicts', 'If true, server-side apply will force the changes against conflicts.');
  cmd.option('--field-manager <name>', 'Name of the manager used to track field ownership. (default "kubectl-client-side-apply")');
  boolFlag(cmd, '--prune', 'Automatically delete resource objects, that do not appear in the configs and are created by either apply or create --save-config. Should be used with either -l or --all.');
  boolFlag(cmd, '--all', 'Select all resources in the namespace of the specified resource types.');
  cmd.option('--prune-allowlist <gvk>', 'Overwrite the default allowlist with <group/version/kind> for --prune', collectList);
  cmd.option('--cascade [strategy]', 'Must be "background", "orphan", or "foreground". Selects the deletion cascading strategy for the dependents (e.g. Pods created by a ReplicationController). Defaults to background.');
  cmd.option('--grace-period <seconds>', 'Period of time in seconds given to the resource to terminate gracefully. Ignored if negative.', '-1');

  cmd.action(async (args: string[], flags: ApplyFlags) => {
    if (args.length > 0) throw new CliError(`Unexpected args: [${args.join(' ')}]\nSee 'mk apply -h' for help and examples`);
    if (!flags.filename?.length) throw new CliError('must specify one of -f and -k');
    const warn = (m: string): void => ctx.io.err(`${m}\n`);
    const serverSide = flags.serverSide ?? false;
    const dryRun = parseDryRun(flags.dryRun, warn);
    const selector = flags.selector ?? '';
    if (flags.forceConflicts && !serverSide) throw new CliError('--force-conflicts only works with --server-side');
    if (dryRun === 'client' && serverSide) throw new CliError("--dry-run=client doesn't work with --server-side (did you mean --dry-run=server instead?)");
    if (flags.all && selector) throw new CliError('cannot set --all and --selector at the same time');
    if (flags.prune) {
      if (!flags.all && !selector) {
        throw new CliError(
          'all resources selected for prune without explicitly passing --all. To prune all resources, pass the --all flag. If you did not mean to prune all resources, specify a label selector',
        );
      }
      if (serverSide) throw new CliError("--prune is in alpha and doesn't currently work on objects created by server-side apply");
    }
    const output = parseResultFormat(flags.output);
    const validation = fieldValidation(flags.validate);
    const cascade = parseCascade(flags.cascade, warn);
    const gracePeriod = Number.parseInt(flags.gracePeriod ?? '-1', 10);

    await applyObjects(
      { ...(await clusterDeps(ctx)), baseName: 'mk', sleep: (ms) => sleep(ms) },
      {
        filenames: flags.filename,
        recursive: flags.recursive ?? false,
        selector,
        dryRun,
        fieldValidation: validation,
        fieldManager: flags.fieldManager ?? (serverSide ? 'kubectl' : 'kubectl-client-side-apply'),
        serverSide,
        forceConflicts: flags.forceConflicts ?? false,
        output,
        prune: flags.prune ? { all: flags.all ?? false, allowlist: flags.pruneAllowlist ?? [], cascade, gracePeriod } : undefined,
      },
    );
  });
};
