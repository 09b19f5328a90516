/** `mk edit`: edit a resource on the server in $KUBE_EDITOR / $EDITOR / vi (kubectl edit). */
import { rm } from 'node:fs/promises';
import type { RegisterCommand } from '../command';
import { clusterDeps } from '../mutate/cluster-deps';
import { addFieldManagerFlag, addFilenameFlags, addValidateFlag, fieldValidation } from '../mutate/common-flags';
import { editTargets } from '../mutate/edit-session';
import { editTempFile } from '../mutate/editor';
import { boolFlag, examples, subcommand } from '../mutate/kubectl-command';
import { ResultPrinter, parseResultFormat } from '../mutate/print-result';
import { finishWithErrors } from '../mutate/report-errors';
import { selectTargets } from '../mutate/select-targets';

/** Parsed flags of `mk edit`. */
interface EditFlags {
  filename?: string[];
  recursive?: boolean;
  output?: string;
  outputPatch?: boolean;
  validate?: string | boolean;
  fieldManager: string;
}

const LONG = `Edit a resource from the default editor.

The edit command allows you to directly edit any API resource you can retrieve via the command-line tools. It will open the editor defined by your KUBE_EDITOR, or EDITOR environment variables, or fall back to 'vi'. You can edit multiple objects, although changes are applied one at a time. The command accepts file names as well as command-line arguments, although the files you point to must be previously saved versions of resources.

Editing is done with the API version used to fetch the resource. To edit using a specific API version, fully-qualify the resource, version, and group.

The default format is YAML. To edit in JSON, specify "-o json".

In the event an error occurs while updating, a temporary file will be created on disk that contains your unapplied changes. The most common error when updating a resource is another editor changing the resource on the server. When this occurs, you will have to apply your changes to the newer version of the resource, or update your temporary saved copy to include the latest resource version.`;

const EXAMPLES = `
  # Edit the service named 'registry'
  mk edit svc/registry

  # Use an alternative editor
  KUBE_EDITOR="nano" mk edit svc/registry

  # Edit the deployment 'mydeployment' in YAML and save the modified config in its annotation
  mk edit deployment/mydeployment -o yaml`;

export const register: RegisterCommand = (program, ctx) => {
  const cmd = subcommand(program, 'edit')
    .usage('(RESOURCE/NAME | -f FILENAME) [options]')
    .summary('Edit a resource on the server')
    .description(LONG)
    .argument('[args...]')
    .addHelpText('after', examples(EXAMPLES));
  addFilenameFlags(cmd, 'to use to edit the resource');
  cmd.option('-o, --output <format>', 'Output format. One of: (json, yaml, name). JSON also edits the object as JSON.');
  boolFlag(cmd, '--output-patch', 'Output the patch if the resource is edited.');
  addValidateFlag(cmd);
  addFieldManagerFlag(cmd, 'kubectl-edit');

  cmd.action(async (args: string[], flags: EditFlags) => {
    // -o picks both the format of the file to edit and how the result is printed, as in kubectl.
    const output = parseResultFormat(flags.output);
    const format = output === 'json' ? 'json' : 'yaml';
    const validation = fieldValidation(flags.validate);
    const deps = await clusterDeps(ctx);
    const selection = await selectTargets(deps, { args, filenames: flags.filename ?? [], recursive: flags.recursive ?? false, all: false, allNamespaces: false, fetch: true, allowEmptySelector: true });
    finishWithErrors(selection.errors, ctx.io);
    await editTargets(
      {
        client: deps.client,
        io: ctx.io,
        printer: new ResultPrinter(ctx.io, output),
        edit: (content) => editTempFile(process.env, 'mk-edit-', `.${format}`, content),
        removeFile: (file) => rm(file, { force: true }),
        baseName: 'mk',
      },
      selection.targets,
      { format, fieldManager: flags.fieldManager, fieldValidation: validation, outputPatch: flags.outputPatch ?? false },
    );
  });
};
