/** `mk annotate`: update the annotations on resources (kubectl annotate). */
import type { RegisterCommand } from '../command';
import { examples, subcommand } from '../mutate/kubectl-command';
import { addMetadataFlags, runMetadataCommand, type MetadataCommandKind, type MetadataFlags } from '../mutate/metadata-command';
import { applyAnnotationChanges, parseAnnotationChanges } from '../mutate/metadata-changes';

const LONG = `Update the annotations on one or more resources.

All Kubernetes objects support the ability to store additional data with the object as annotations. Annotations are key/value pairs that can be larger than labels and include arbitrary string values such as structured JSON. Tools and system extensions may use annotations to store their own data.

Attempting to set an annotation that already exists will fail unless --overwrite is set. If --resource-version is specified and does not match the current resource version on the server the command will fail.

Use "mk api-resources" for a complete list of supported resources.`;

const EXAMPLES = `
  # Update pod 'foo' with the annotation 'description' and the value 'my frontend'
  # If the same annotation is set multiple times, only the last value will be applied
  mk annotate pods foo description='my frontend'

  # Update a pod identified by type and name in "pod.json"
  mk annotate -f pod.json description='my frontend'

  # Update pod 'foo' with the annotation 'description' and the value 'my frontend running nginx', overwriting any existing value
  mk annotate --overwrite pods foo description='my frontend running nginx'

  # Update all pods in the namespace
  mk annotate pods --all description='my frontend running nginx'

  # Update pod 'foo' only if the resource is unchanged from version 1
  mk annotate pods foo description='my frontend running nginx' --resource-version=1

  # Update pod 'foo' by removing an annotation named 'description' if it exists
  # Does not require the --overwrite flag
  mk annotate pods foo description-`;

const ANNOTATE: MetadataCommandKind = {
  pairType: 'annotation',
  field: 'annotations',
  parse: parseAnnotationChanges,
  apply: applyAnnotationChanges,
  operation: () => 'annotated',
  printsServerObject: true,
};

export const register: RegisterCommand = (program, ctx) => {
  const cmd = subcommand(program, 'annotate')
    .usage('[--overwrite] (-f FILENAME | TYPE NAME) KEY_1=VAL_1 ... KEY_N=VAL_N [--resource-version=version] [options]')
    .summary('Update the annotations on a resource')
    .description(LONG)
    .argument('[args...]')
    .addHelpText('after', examples(EXAMPLES));
  addMetadataFlags(cmd, 'annotations', 'kubectl-annotate');
  cmd.action((args: string[], flags: MetadataFlags) => runMetadataCommand(ctx, ANNOTATE, args, flags));
};
