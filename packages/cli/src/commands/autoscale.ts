/** `mk autoscale`: create a HorizontalPodAutoscaler for a deployment, replica set, stateful set, or replication controller (kubectl autoscale). */
import type { RegisterCommand } from '../command';
import { CliError } from '../context';
import { clusterDeps } from '../mutate/cluster-deps';
import { addDryRunFlag, addFieldManagerFlag, addFilenameFlags, addOutputFlag } from '../mutate/common-flags';
import { parseDryRun } from '../mutate/dry-run';
import { boolFlag, examples, subcommand } from '../mutate/kubectl-command';
import { ResultPrinter, parseResultFormat } from '../mutate/print-result';
import { selectTargets } from '../mutate/select-targets';
import { parseFlags } from '../scale/flag-error';
import { intFlag } from '../scale/int-flag';
import { autoscaleTargets } from '../scale/run-autoscale';

/** Parsed flags of `mk autoscale`. */
interface AutoscaleFlags {
  min: string;
  max?: string;
  cpuPercent: string;
  name: string;
  filename?: string[];
  recursive?: boolean;
  dryRun?: string | boolean;
  output?: string;
  fieldManager: string;
  saveConfig?: boolean;
}

const LONG = `Creates an autoscaler that automatically chooses and sets the number of pods that run in a Kubernetes cluster.

 Looks up a deployment, replica set, stateful set, or replication controller by name and creates an autoscaler that uses the given resource as a reference.
 An autoscaler can automatically increase or decrease number of pods deployed within the system as needed.

 Not yet in mk: the autoscaler is created and stored as an autoscaling/v2 HorizontalPodAutoscaler, but mk does not run the horizontal pod autoscaler controller yet, so nothing acts on it; that comes in a later release.`;

const EXAMPLES = `
  # Auto scale a deployment "foo", with the number of pods between 2 and 10, no target CPU utilization specified so a default autoscaling policy will be used
  mk autoscale deployment foo --min=2 --max=10

  # Auto scale a replication controller "foo", with the number of pods between 1 and 5, target CPU utilization at 80%
  mk autoscale rc foo --max=5 --cpu-percent=80`;

export const register: RegisterCommand = (program, ctx) => {
  const cmd = subcommand(program, 'autoscale')
    .usage('(-f FILENAME | TYPE NAME | TYPE/NAME) [--min=MINPODS] --max=MAXPODS [--cpu-percent=CPU]')
    .summary('Auto-scale a deployment, replica set, stateful set, or replication controller')
    .description(LONG)
    .argument('[args...]')
    .addHelpText('after', examples(EXAMPLES));
  cmd.option('--min <pods>', "The lower limit for the number of pods that can be set by the autoscaler. If it's not specified or negative, the server will apply a default value.", '-1');
  cmd.option('--max <pods>', 'The upper limit for the number of pods that can be set by the autoscaler. Required.');
  cmd.option('--cpu-percent <percent>', "The target average CPU utilization (represented as a percent of requested CPU) over all the pods. If it's not specified or negative, a default autoscaling policy will be used.", '-1');
  cmd.option('--name <name>', 'The name for the newly created object. If not specified, the name of the input resource will be used.', '');
  addDryRunFlag(cmd);
  addFilenameFlags(cmd, 'identifying the resource to autoscale.');
  boolFlag(cmd, '--save-config', 'If true, the configuration of current object will be saved in its annotation. Otherwise, the annotation will be unchanged. This flag is useful when you want to perform mk apply on this object in the future.');
  addFieldManagerFlag(cmd, 'kubectl-autoscale');
  addOutputFlag(cmd);

  cmd.action(async (args: string[], flags: AutoscaleFlags) => {
    const { min, max, cpuPercent } = parseFlags(ctx.io, cmd, () => ({
      min: intFlag('min', flags.min, 32),
      max: flags.max === undefined ? undefined : intFlag('max', flags.max, 32),
      cpuPercent: intFlag('cpu-percent', flags.cpuPercent, 32),
    }));
    if (max === undefined) throw new CliError('required flag(s) "max" not set');
    const dryRun = parseDryRun(flags.dryRun, (m) => ctx.io.err(`${m}\n`));
    const printer = new ResultPrinter(ctx.io, parseResultFormat(flags.output), true);
    if (max < 1) throw new CliError(`--max=MAXPODS is required and must be at least 1, max: ${max}`);
    if (max < min) throw new CliError(`--max=MAXPODS must be larger or equal to --min=MINPODS, max: ${max}, min: ${min}`);

    const deps = await clusterDeps(ctx);
    const selection = await selectTargets(deps, { args, filenames: flags.filename ?? [], recursive: flags.recursive ?? false, all: false, allNamespaces: false, fetch: false });
    await autoscaleTargets(
      { client: deps.client, io: ctx.io, printer, namespace: deps.namespace },
      selection,
      { name: flags.name, min, max, cpuPercent, dryRun, fieldManager: flags.fieldManager, saveConfig: flags.saveConfig ?? false },
    );
  });
};
