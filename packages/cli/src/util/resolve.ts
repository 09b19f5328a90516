/**
 * How kubectl reads resource arguments and maps them onto served types: cli-runtime's
 * builder (`TYPE NAME…`, `TYPE1,TYPE2`, `TYPE/NAME…`), its category expansion (`all`), and
 * the discovery REST mapper with its shortcut expander (plural, singular, short names,
 * `resource.group`, `resource.version.group`, Kind). Errors carry kubectl's messages.
 */
import { qualifiedResource } from '@mk/api';
import type { ApiClient, DiscoveredResource } from '@mk/client';
import { CliError } from '../context';

/** Resource arguments as kubectl's builder reads them. */
export interface ResourceArgs {
  /** Types of `TYPE[,TYPE…] [NAME…]`, split on commas, duplicates dropped, in order. */
  types: string[];
  /** Names given after a single type (`get pods a b`). */
  names: string[];
  /** `TYPE/NAME` arguments, and `T1,T2 NAME` expanded to `T1/NAME T2/NAME`. */
  tuples: { type: string; name: string }[];
}

/** SplitResourceArgument: comma-separated types, first occurrence kept. */
function splitTypes(arg: string): string[] {
  return [...new Set(arg.split(','))];
}

function splitTuple(arg: string): { type: string; name: string } {
  const seg = arg.split('/');
  if (seg.length !== 2) throw new CliError('arguments in resource/name form may not have more than one slash');
  const [type, name] = seg;
  if (!type || !name || splitTypes(type).length !== 1) throw new CliError('arguments in resource/name form must have a single resource and name');
  return { type, name };
}

/**
 * Parses `TYPE NAME…`, `TYPE1,TYPE2`, `TYPE/NAME TYPE/NAME`; `cmd` names the binary in
 * the mixed-form error (kubectl uses its own argv[0]).
 */
export function parseResourceArgs(args: string[], cmd = 'mk'): ResourceArgs {
  let list = args;
  // `a,b NAME…` means every type with every name.
  if (list.length >= 2) {
    const types = splitTypes(list[0]);
    if (types.length > 1) list = types.flatMap((t) => list.slice(1).map((n) => `${t}/${n}`));
  }
  const slashed = list.filter((a) => a.includes('/')).length;
  if (slashed > 0 && slashed !== list.length) {
    throw new CliError(
      `there is no need to specify a resource type as a separate argument when passing arguments in resource/name form (e.g. '${cmd} get resource/<resource_name>' instead of '${cmd} get resource resource/<resource_name>'`,
    );
  }
  if (slashed > 0) return { types: [], names: [], tuples: list.map(splitTuple) };
  if (list.length === 0) return { types: [], names: [], tuples: [] };
  return { types: splitTypes(list[0]), names: list.slice(1), tuples: [] };
}

interface ResourceQuery {
  resource: string;
  group: string;
  version: string;
}

function groupMatches(r: DiscoveredResource, group: string): boolean {
  return group === '' || r.group === group;
}

/** Receives kubectl's mapping warnings (printed as `Warning: …` on stderr). */
export type WarningHandler = (message: string) => void;

/**
 * The shortcut expander: a short name becomes its resource unless it is itself a resource name;
 * when it names resources in several groups, the first wins and the others draw a warning.
 */
function expandShortcut(resources: DiscoveredResource[], q: ResourceQuery, warn?: WarningHandler): ResourceQuery {
  if (resources.some((r) => groupMatches(r, q.group) && (r.plural === q.resource || r.singular === q.resource))) return q;
  const matches = resources.filter((r) => groupMatches(r, q.group) && r.shortNames.includes(q.resource));
  if (matches.length > 0) {
    const [chosen] = matches;
    const warned = new Set<string>();
    for (const other of matches) {
      const longForm = qualifiedResource(other);
      if ((other.group === chosen.group && other.plural === chosen.plural) || warned.has(longForm)) continue;
      warned.add(longForm);
      warn?.(`short name ${JSON.stringify(q.resource)} could also match lower priority resource ${longForm}`);
    }
    return { ...q, resource: chosen.plural, group: chosen.group };
  }
  if (!q.group) return q;
  // No exact group: a group prefix lets `hpa.autoscal` find autoscaling.
  const prefixed = resources.find((r) => r.group.startsWith(q.group) && r.shortNames.includes(q.resource));
  return prefixed ? { ...q, resource: prefixed.plural, group: prefixed.group } : q;
}

/** DefaultRESTMapper.ResourcesFor: plural or singular, case-insensitive; the first served (preferred) match. */
function matchResource(resources: DiscoveredResource[], q: ResourceQuery): DiscoveredResource | undefined {
  const name = q.resource.toLowerCase();
  return resources.find(
    (r) => (r.plural === name || r.singular === name) && groupMatches(r, q.group) && (q.version === '' || r.version === q.version),
  );
}

function matchKind(resources: DiscoveredResource[], kind: string, group: string, version: string): DiscoveredResource | undefined {
  const k = kind.toLowerCase();
  return resources.find((r) => r.kind.toLowerCase() === k && r.group === group && (version === '' || r.version === version));
}

/** Maps one type argument onto a served resource, or undefined when discovery has no such type. */
export function lookupResource(resources: DiscoveredResource[], arg: string, warn?: WarningHandler): DiscoveredResource | undefined {
  const parts = arg.split('.');
  if (parts.length >= 3) {
    const full = { resource: parts[0], version: parts[1], group: parts.slice(2).join('.') };
    const found = matchResource(resources, expandShortcut(resources, full, warn));
    if (found) return found;
  }
  const gr = groupResource(arg);
  const found = matchResource(resources, expandShortcut(resources, gr, warn));
  if (found) return found;
  if (parts.length >= 3) {
    const byKind = matchKind(resources, parts[0], parts.slice(2).join('.'), parts[1]);
    if (byKind) return byKind;
  }
  return matchKind(resources, gr.resource, gr.group, '');
}

/** `resource.group` split at the first dot. */
function groupResource(arg: string): ResourceQuery {
  const dot = arg.indexOf('.');
  return dot < 0 ? { resource: arg, group: '', version: '' } : { resource: arg.slice(0, dot), group: arg.slice(dot + 1), version: '' };
}

/** Maps one type argument onto a served resource (pure form of resolveResource); kubectl's error when there is none. */
export function findResource(resources: DiscoveredResource[], arg: string, warn?: WarningHandler): DiscoveredResource {
  const found = lookupResource(resources, arg, warn);
  if (!found) throw new CliError(`the server doesn't have a resource type ${JSON.stringify(groupResource(arg).resource)}`);
  return found;
}

/**
 * Discovery as kubectl's deferred REST mapper uses it: the client's list (disk-cached in the CLI)
 * while `covers` accepts it, else a live list, fetched once — the user may name a type that was
 * added since the cache was written. Whatever is still missing then is the caller's error to raise.
 */
export async function discoverCovering(client: Pick<ApiClient, 'discover'>, covers: (resources: DiscoveredResource[]) => boolean): Promise<DiscoveredResource[]> {
  const resources = await client.discover();
  return covers(resources) ? resources : client.discover({ fresh: true });
}

/** True when `type` names a category or a served type. */
function knowsType(resources: DiscoveredResource[], type: string): boolean {
  return categoryMembers(resources, type).length > 0 || lookupResource(resources, type) !== undefined;
}

/** Discovery in which every one of `types` (type arguments or categories) is known, if the server knows it. */
export function discoverTypes(client: Pick<ApiClient, 'discover'>, types: string[]): Promise<DiscoveredResource[]> {
  return discoverCovering(client, (resources) => types.every((t) => knowsType(resources, t)));
}

/** The types named in resource arguments; none when the arguments are malformed (the command reports that itself). */
export function typesInArgs(args: string[]): string[] {
  let parsed: ResourceArgs;
  try {
    parsed = parseResourceArgs(args);
  } catch {
    return [];
  }
  return [...new Set([...parsed.types, ...parsed.tuples.map((t) => t.type)])];
}

/** Discovery for a command's resource arguments (`TYPE NAME…`, `TYPE/NAME…`, `T1,T2`): discoverTypes over their types. */
export function discoverForArgs(client: Pick<ApiClient, 'discover'>, args: string[]): Promise<DiscoveredResource[]> {
  return discoverTypes(client, typesInArgs(args));
}

/**
 * Resolves a type argument (`po`, `pods`, `Pod`, `deploy.apps`, `deployments.v1.apps`) via
 * discovery; `warn` hears about short names that also name resources in other groups.
 */
export async function resolveResource(client: Pick<ApiClient, 'discover'>, typeArg: string, warn?: WarningHandler): Promise<DiscoveredResource> {
  return findResource(await discoverTypes(client, [typeArg]), typeArg, warn);
}

/** The members of a category in discovery order, one per group/resource (pure form of expandCategory). */
export function categoryMembers(resources: DiscoveredResource[], category: string): DiscoveredResource[] {
  const seen = new Set<string>();
  return resources.filter((r) => {
    const key = `${r.group}/${r.plural}`;
    if (!r.categories.includes(category) || seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** Resources in a category (`all`), in discovery order; empty when it is not a category. */
export async function expandCategory(client: Pick<ApiClient, 'discover'>, category: string): Promise<DiscoveredResource[]> {
  return categoryMembers(await discoverTypes(client, [category]), category);
}

/**
 * Resolves the `types` of parseResourceArgs as kubectl does: categories expanded in place,
 * each type mapped, duplicates (same group/version/kind) dropped.
 */
export function resolveTypes(resources: DiscoveredResource[], types: string[], warn?: WarningHandler): DiscoveredResource[] {
  const expanded = [
    ...new Set(
      types.flatMap((t) => {
        const members = categoryMembers(resources, t);
        return members.length > 0 ? members.map(qualifiedResource) : [t];
      }),
    ),
  ];
  const out: DiscoveredResource[] = [];
  for (const t of expanded) {
    const r = findResource(resources, t, warn);
    if (!out.some((o) => o.group === r.group && o.version === r.version && o.kind === r.kind)) out.push(r);
  }
  return out;
}
