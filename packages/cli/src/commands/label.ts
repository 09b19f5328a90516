/** `mk label`: update the labels on resources (kubectl label). */
import type { RegisterCommand } from '../command';
import { examples, subcommand } from '../mutate/kubectl-command';
import { addMetadataFlags, runMetadataCommand, type MetadataCommandKind, type MetadataFlags } from '../mutate/metadata-command';
import { applyLabelChanges, parseLabelChanges } from '../mutate/metadata-changes';

const LONG = `Update the labels on a resource.

 * A label key and value must begin with a letter or number, and may contain letters, numbers, hyphens, dots, and underscores, up to 63 characters each.
 * Optionally, the key can begin with a DNS subdomain prefix and a single '/', like example.com/my-app.
 * If --overwrite is true, then existing labels can be overwritten, otherwise attempting to overwrite a label will result in an error.
 * If --resource-version is specified, then updates will use this resource version, otherwise the existing resource-version will be used.`;

const EXAMPLES = `
  # Update pod 'foo' with the label 'unhealthy' and the value 'true'
  mk label pods foo unhealthy=true

  # Update pod 'foo' with the label 'status' and the value 'unhealthy', overwriting any existing value
  mk label --overwrite pods foo status=unhealthy

  # Update all pods in the namespace
  mk label pods --all status=unhealthy

  # Update a pod identified by the type and name in "pod.json"
  mk label -f pod.json status=unhealthy

  # Update pod 'foo' only if the resource is unchanged from version 1
  mk label pods foo status=unhealthy --resource-version=1

  # Update pod 'foo' by removing a label named 'bar' if it exists
  # Does not require the --overwrite flag
  mk label pods foo bar-`;

/** kubectl label's wording: "not labeled", "labeled", or "unlabeled" when the object shrank without --overwrite. */
const LABEL: MetadataCommandKind = {
  pairType: 'label',
  field: 'labels',
  parse: parseLabelChanges,
  apply: applyLabelChanges,
  operation: (oldJson, newJson, overwrite) => {
    if (oldJson === newJson) return 'not labeled';
    return !overwrite && newJson.length < oldJson.length ? 'unlabeled' : 'labeled';
  },
  reportMissing: (key) => `label ${JSON.stringify(key)} not found.`,
  printsServerObject: false,
};

export const register: RegisterCommand = (program, ctx) => {
  const cmd = subcommand(program, 'label')
    .usage('[--overwrite] (-f FILENAME | TYPE NAME) KEY_1=VAL_1 ... KEY_N=VAL_N [--resource-version=version] [options]')
    .summary('Update the labels on a resource')
    .description(LONG)
    .argument('[args...]')
    .addHelpText('after', examples(EXAMPLES));
  addMetadataFlags(cmd, 'labels', 'kubectl-label');
  cmd.action((args: string[], flags: MetadataFlags) => runMetadataCommand(ctx, LABEL, args, flags));
};
