/** `mk patch`: update fields of a resource with a strategic merge, JSON merge or JSON patch. */
import { readFile } from 'node:fs/promises';
import { parse as parseYaml } from 'yaml';
import type { RegisterCommand } from '../command';
import { CliError } from '../context';
import { clusterDeps } from '../mutate/cluster-deps';
import { addDryRunFlag, addFieldManagerFlag, addFilenameFlags, addOutputFlag } from '../mutate/common-flags';
import { parseDryRun } from '../mutate/dry-run';
import { boolFlag, examples, subcommand } from '../mutate/kubectl-command';
import { PATCH_TYPES, patchObjects, type PatchTypeName } from '../mutate/patch-objects';
import { ResultPrinter, parseResultFormat } from '../mutate/print-result';
import { finishWithErrors } from '../mutate/report-errors';
import { selectTargets } from '../mutate/select-targets';

/** Parsed flags of `mk patch`. */
interface PatchFlags {
  patch?: string;
  patchFile?: string;
  type?: string;
  filename?: string[];
  recursive?: boolean;
  local?: boolean;
  subresource?: string;
  dryRun?: string | boolean;
  fieldManager: string;
  output?: string;
}

const LONG = `Update fields of a resource using strategic merge patch, a JSON merge patch, or a JSON patch.

JSON and YAML formats are accepted.

Note: Strategic merge patch is not supported for custom resources.`;

const EXAMPLES = `
  # Partially update a node using a strategic merge patch, specifying the patch as JSON
  mk patch node k8s-node-1 -p '{"spec":{"unschedulable":true}}'

  # Partially update a node using a strategic merge patch, specifying the patch as YAML
  mk patch node k8s-node-1 -p $'spec:\\n unschedulable: true'

  # Partially update a node identified by the type and name specified in "node.json" using strategic merge patch
  mk patch -f node.json -p '{"spec":{"unschedulable":true}}'

  # Update a container's image; spec.containers[*].name is required because it's a merge key
  mk patch pod valid-pod -p '{"spec":{"containers":[{"name":"kubernetes-serve-hostname","image":"new image"}]}}'

  # Update a container's image using a JSON patch with positional arrays
  mk patch pod valid-pod --type='json' -p='[{"op": "replace", "path": "/spec/containers/0/image", "value":"new image"}]'

  # Update a deployment's replicas through the 'scale' subresource using a merge patch
  mk patch deployment nginx-deployment --subresource='scale' --type='merge' -p '{"spec":{"replicas":2}}'`;

export const register: RegisterCommand = (program, ctx) => {
  const cmd = subcommand(program, 'patch')
    .usage('(-f FILENAME | TYPE NAME) [-p PATCH|--patch-file FILE] [options]')
    .summary('Update fields of a resource')
    .description(LONG)
    .argument('[args...]')
    .addHelpText('after', examples(EXAMPLES));
  cmd.option('-p, --patch <patch>', 'The patch to be applied to the resource JSON file.');
  cmd.option('--patch-file <file>', 'A file containing a patch to be applied to the resource.');
  cmd.option('--type <type>', 'The type of patch being provided; one of [json merge strategic]', 'strategic');
  addFilenameFlags(cmd, 'identifying the resource to update');
  boolFlag(cmd, '--local', 'If true, patch will operate on the content of the file, not the server-side resource.');
  cmd.option('--subresource <subresource>', "If specified, patch will operate on the subresource of the requested object. Must be one of [status scale]. This flag is beta and may change in the future.");
  addDryRunFlag(cmd);
  addFieldManagerFlag(cmd, 'kubectl-patch');
  addOutputFlag(cmd);

  cmd.action(async (args: string[], flags: PatchFlags) => {
    const warn = (m: string): void => ctx.io.err(`${m}\n`);
    const dryRun = parseDryRun(flags.dryRun, warn);
    const output = parseResultFormat(flags.output);
    if (flags.patch && flags.patchFile) throw new CliError('cannot specify --patch and --patch-file together');
    if (!flags.patch && !flags.patchFile) throw new CliError('must specify --patch or --patch-file containing the contents of the patch');
    if (flags.local && args.length > 0) throw new CliError('cannot specify --local and server resources');
    if (flags.local && dryRun === 'server') throw new CliError('cannot specify --local and --dry-run=server - did you mean --dry-run=client?');
    const typeName = (flags.type ?? 'strategic').toLowerCase();
    if (!(typeName in PATCH_TYPES)) throw new CliError(`--type must be one of [json merge strategic], not ${JSON.stringify(flags.type)}`);
    if (flags.subresource && !['status', 'scale'].includes(flags.subresource)) {
      throw new CliError(`invalid subresource value: ${JSON.stringify(flags.subresource)}. Must be one of [status scale]`);
    }
    const text = flags.patchFile ? await readPatchFile(flags.patchFile) : flags.patch!;
    let patch: unknown;
    try {
      patch = parseYaml(text, { version: '1.1' });
    } catch (err) {
      throw new CliError(`unable to parse ${JSON.stringify(text)}: ${(err as Error).message.split('\n')[0]}`);
    }

    const deps = await clusterDeps(ctx);
    const selection = await selectTargets(deps, { args, filenames: flags.filename ?? [], recursive: flags.recursive ?? false, all: false, allNamespaces: false, fetch: false });
    const { errors, count } = await patchObjects(deps.client, new ResultPrinter(ctx.io, output), selection, {
      type: typeName as PatchTypeName,
      patch,
      local: flags.local ?? false,
      dryRun,
      fieldManager: flags.fieldManager,
      subresource: flags.subresource,
    });
    finishWithErrors(errors, ctx.io);
    if (count === 0) throw new CliError('no objects passed to patch');
  });
};

async function readPatchFile(file: string): Promise<string> {
  try {
    return await readFile(file, 'utf8');
  } catch (err) {
    throw new CliError(`unable to read patch file: ${(err as Error).message}`);
  }
}
