/** `mk api-resources`: the served resource types, from discovery (kubectl api-resources). */
import { qualifiedResource } from '@mk/api';
import type { DiscoveredResource } from '@mk/client';
import type { RegisterCommand } from '../command';
import { CliError } from '../context';
import { KUBECTL_TABLE_OPTIONS, TabWriter } from '../printers/tabwriter';
import { boolFlag, collectList, examples, subcommand } from '../mutate/kubectl-command';

/** The filters and layout of `api-resources`. */
export interface ApiResourcesOptions {
  output: '' | 'wide' | 'name';
  sortBy: '' | 'name' | 'kind';
  /** undefined = every group; '' = the core group. */
  apiGroup?: string;
  /** undefined = both scopes. */
  namespaced?: boolean;
  verbs: string[];
  categories: string[];
  noHeaders: boolean;
}

/**
 * kubectl's listing: one entry per group and resource in the group's preferred version
 * (discovery lists preferred versions first), filtered, then stably sorted by group (or
 * by --sort-by) with the name breaking ties.
 */
export function apiResourceLines(resources: DiscoveredResource[], opts: ApiResourcesOptions): string[] {
  const seen = new Set<string>();
  const rows = resources.filter((r) => {
    const key = `${r.group}/${r.plural}`;
    if (seen.has(key)) return false;
    seen.add(key);
    if (r.verbs.length === 0) return false;
    if (opts.apiGroup !== undefined && r.group !== opts.apiGroup) return false;
    if (opts.namespaced !== undefined && r.namespaced !== opts.namespaced) return false;
    if (!opts.verbs.every((v) => r.verbs.includes(v))) return false;
    return opts.categories.every((c) => r.categories.includes(c));
  });
  const sortKey = (r: DiscoveredResource): string => (opts.sortBy === 'name' ? r.plural : opts.sortBy === 'kind' ? r.kind : r.group);
  rows.sort((a, b) => compare(sortKey(a), sortKey(b)) || compare(a.plural, b.plural));
  const lines: string[] = [];
  if (!opts.noHeaders && opts.output !== 'name') {
    lines.push(['NAME', 'SHORTNAMES', 'APIVERSION', 'NAMESPACED', 'KIND', ...(opts.output === 'wide' ? ['VERBS', 'CATEGORIES'] : [])].join('\t'));
  }
  for (const r of rows) {
    if (opts.output === 'name') {
      lines.push(qualifiedResource(r));
      continue;
    }
    const cells = [r.plural, r.shortNames.join(','), r.group ? `${r.group}/${r.version}` : r.version, String(r.namespaced), r.kind];
    if (opts.output === 'wide') cells.push(r.verbs.join(','), r.categories.join(','));
    lines.push(cells.join('\t'));
  }
  return lines;
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Parsed flags of `mk api-resources`. */
interface ApiResourcesFlags {
  output?: string;
  sortBy?: string;
  apiGroup?: string;
  namespaced?: boolean;
  verbs?: string[];
  categories?: string[];
  /** commander's negated `--no-headers`: false when given. */
  headers?: boolean;
  cached?: boolean;
}

const EXAMPLES = `
  # Print the supported API resources
  mk api-resources

  # Print the supported API resources with more information
  mk api-resources -o wide

  # Print the supported API resources sorted by a column
  mk api-resources --sort-by=name

  # Print the supported namespaced resources
  mk api-resources --namespaced=true

  # Print the supported non-namespaced resources
  mk api-resources --namespaced=false

  # Print the supported API resources with a specific APIGroup
  mk api-resources --api-group=rbac.authorization.k8s.io`;

export const register: RegisterCommand = (program, ctx) => {
  const cmd = subcommand(program, 'api-resources')
    .usage('[options]')
    .summary('Print the supported API resources on the server')
    .description('Print the supported API resources on the server.')
    .argument('[args...]')
    .addHelpText('after', examples(EXAMPLES));
  cmd.option('--no-headers', "When using the default or custom-column output format, don't print headers (default print headers).");
  cmd.option('-o, --output <format>', 'Output format. One of: (wide, name).');
  cmd.option('--api-group <group>', 'Limit to resources in the specified API group.');
  boolFlag(cmd, '--namespaced', 'If false, non-namespaced resources will be returned, otherwise returning namespaced resources by default.');
  cmd.option('--verbs <verbs>', 'Limit to resources that support the specified verbs.', collectList);
  cmd.option('--sort-by <field>', "If non-empty, sort list of resources using specified field. The field can be either 'name' or 'kind'.");
  boolFlag(cmd, '--cached', 'Use the cached list of resources if available.');
  cmd.option('--categories <categories>', 'Limit to resources that belong to the specified categories.', collectList);

  cmd.action(async (args: string[], flags: ApiResourcesFlags) => {
    if (args.length > 0) throw new CliError(`unexpected arguments: [${args.join(' ')}]\nSee 'mk api-resources -h' for help and examples`);
    const output = flags.output ?? '';
    if (!['', 'wide', 'name'].includes(output)) throw new CliError(`--output ${output} is not available`);
    const sortBy = flags.sortBy ?? '';
    if (!['', 'name', 'kind'].includes(sortBy)) throw new CliError('--sort-by accepts only name or kind');
    const client = await ctx.client();
    // Like kubectl, the listing asks the server unless --cached allows the disk cache.
    const resources = await client.discover({ fresh: !flags.cached });
    const lines = apiResourceLines(resources, {
      output: output as ApiResourcesOptions['output'],
      sortBy: sortBy as ApiResourcesOptions['sortBy'],
      apiGroup: flags.apiGroup,
      namespaced: flags.namespaced,
      verbs: flags.verbs ?? [],
      categories: flags.categories ?? [],
      noHeaders: flags.headers === false,
    });
    const writer = new TabWriter({ write: (text) => ctx.io.out(text) }, KUBECTL_TABLE_OPTIONS);
    for (const line of lines) writer.write(`${line}\n`);
    writer.flush();
  });
};
