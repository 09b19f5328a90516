/**
 * The arguments of `set image` (kubectl pkg/cmd/set/set_image.go): resources first, then
 * CONTAINER=IMAGE pairs (cmdutil.GetResourcesAndPairs and ParsePairs without removals), and the
 * checks of Validate, which kubectl collects and reports together.
 */
import { CliError } from '../context';
import { splitResourcesAndPairs } from '../mutate/metadata-changes';

/** Resource arguments and the requested images by container name (`*` for every container). */
export interface ImageArgs {
  resources: string[];
  images: Map<string, string>;
}

/** Splits and parses the arguments; a pair without `=` is kubectl's "invalid image format". */
export function parseImageArgs(args: string[]): ImageArgs {
  const { resources, pairs } = splitResourcesAndPairs(args, 'image');
  const images = new Map<string, string>();
  const invalid: string[] = [];
  for (const pair of pairs) {
    const eq = pair.indexOf('=');
    if (eq > 0) images.set(pair.slice(0, eq), pair.slice(eq + 1));
    else invalid.push(pair);
  }
  if (invalid.length > 0) throw new CliError(`invalid image format: ${invalid.join(', ')}`);
  return { resources, images };
}

/** What Validate looks at. */
export interface ImageValidation {
  all: boolean;
  selector: string;
  resources: string[];
  filenames: string[];
  images: Map<string, string>;
  local: boolean;
  serverDryRun: boolean;
}

/** kubectl's SetImageOptions.Validate: every problem, in kubectl's order. */
export function validateImageOptions(v: ImageValidation): string[] {
  const problems: string[] = [];
  if (v.all && v.selector) problems.push('cannot set --all and --selector at the same time');
  if (v.resources.length === 0 && v.filenames.length === 0) problems.push('one or more resources must be specified as <resource> <name> or <resource>/<name>');
  if (v.images.size === 0) problems.push('at least one image update is required');
  else if (v.images.size > 1 && v.images.has('*')) problems.push('all containers are already specified by *, but saw more than one container_name=container_image pairs');
  if (v.local && v.serverDryRun) problems.push('cannot specify --local and --dry-run=server - did you mean --dry-run=client?');
  return problems;
}
