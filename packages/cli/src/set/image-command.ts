/** `mk set image`: update existing container image(s) of resources (kubectl set image). */
import type { Command } from 'commander';
import { CliError, type CliContext } from '../context';
import { clusterDeps } from '../mutate/cluster-deps';
import { addDryRunFlag, addFieldManagerFlag, addFilenameFlags, addOutputFlag, addSelectorFlag } from '../mutate/common-flags';
import { parseDryRun } from '../mutate/dry-run';
import { boolFlag, examples, subcommand } from '../mutate/kubectl-command';
import { ResultPrinter, parseResultFormat } from '../mutate/print-result';
import { finishWithErrors } from '../mutate/report-errors';
import { selectTargets } from '../mutate/select-targets';
import { effectiveAll } from '../scale/effective-all';
import { parseImageArgs, validateImageOptions } from './image-args';
import { setImages } from './run-set-image';

/** Parsed flags of `mk set image`. */
interface SetImageFlags {
  all?: boolean;
  local?: boolean;
  selector?: string;
  filename?: string[];
  recursive?: boolean;
  dryRun?: string | boolean;
  fieldManager: string;
  output?: string;
}

const LONG = `Update existing container image(s) of resources.

 Possible resources include (case insensitive):

        pod (po), replicationcontroller (rc), deployment (deploy), daemonset (ds), statefulset (sts), cronjob (cj), replicaset (rs)`;

const EXAMPLES = `
  # Set a deployment's nginx container image to 'nginx:1.9.1', and its busybox container image to 'busybox'
  mk set image deployment/nginx busybox=busybox nginx=nginx:1.9.1

  # Update all deployments' and rc's nginx container's image to 'nginx:1.9.1'
  mk set image deployments,rc nginx=nginx:1.9.1 --all

  # Update image of all containers of daemonset abc to 'nginx:1.9.1'
  mk set image daemonset abc *=nginx:1.9.1

  # Print result (in yaml format) of updating nginx container image from local file, without hitting the server
  mk set image -f path/to/file.yaml nginx=nginx:1.9.1 --local -o yaml`;

/** cli-runtime's LocalResourceError. */
const LOCAL_RESOURCE_ERROR = `you must specify resources by --filename when --local is set.
Example resource specifications include:
   '-f rsrc.yaml'
   '--filename=rsrc.json'`;

/** Adds `image` under `set`. */
export function addImageCommand(set: Command, ctx: CliContext): void {
  const cmd = subcommand(set, 'image')
    .usage('(-f FILENAME | TYPE NAME) CONTAINER_NAME_1=CONTAINER_IMAGE_1 ... CONTAINER_NAME_N=CONTAINER_IMAGE_N')
    .summary('Update the image of a pod template')
    .description(LONG)
    .argument('[args...]')
    .addHelpText('after', examples(EXAMPLES));
  addFilenameFlags(cmd, 'identifying the resource to get from a server.');
  boolFlag(cmd, '--all', 'Select all resources, in the namespace of the specified resource types');
  boolFlag(cmd, '--local', 'If true, set image will NOT contact api-server but run locally.');
  addDryRunFlag(cmd);
  addFieldManagerFlag(cmd, 'kubectl-set');
  addSelectorFlag(cmd);
  addOutputFlag(cmd);

  cmd.action(async (args: string[], flags: SetImageFlags) => {
    const dryRun = parseDryRun(flags.dryRun, (m) => ctx.io.err(`${m}\n`));
    const printer = new ResultPrinter(ctx.io, parseResultFormat(flags.output));
    const { resources, images } = parseImageArgs(args);
    const local = flags.local ?? false;
    if (local && resources.length > 0) throw new CliError(LOCAL_RESOURCE_ERROR);
    const filenames = flags.filename ?? [];

    const deps = await clusterDeps(ctx);
    const selection = await selectTargets(deps, {
      args: resources,
      filenames,
      recursive: flags.recursive ?? false,
      labelSelector: local ? undefined : flags.selector,
      all: local ? false : effectiveAll(flags.all ?? false, resources),
      allNamespaces: false,
      fetch: !local,
    });
    // kubectl reads every object before it validates, and stops if any could not be read.
    finishWithErrors(selection.errors, ctx.io);
    const problems = validateImageOptions({
      all: flags.all ?? false,
      selector: flags.selector ?? '',
      resources,
      filenames,
      images,
      local,
      serverDryRun: dryRun === 'server',
    });
    finishWithErrors(problems.map((p) => new CliError(p)), ctx.io);
    await setImages({ client: deps.client, io: ctx.io, printer }, selection.targets, { images, local, dryRun, fieldManager: flags.fieldManager });
  });
}
