/**
 * `mk describe`: kubectl describe. Objects are found as `get` finds them (TYPE, TYPE NAME…,
 * TYPE/NAME, -l, -A), each is rendered by its kind's describer (pkg/describe layout), and
 * descriptions are separated by two blank lines. `describe TYPE PREFIX` with no exact match
 * describes every object whose name starts with PREFIX.
 */
import type { Command } from 'commander';
import type { KObject } from '@mk/api';
import { isNotFound, type ApiClient, type DiscoveredResource } from '@mk/client';
import type { RegisterCommand } from '../command';
import { CliError, type CliContext } from '../context';
import { describerFor } from '../describe/describers';
import { localOffset } from '../describe/format';
import type { DescribeEnv } from '../describe/env';
import { finishWithErrors } from '../mutate/report-errors';
import { flattenList } from '../printers/get-output';
import { discoverForArgs, findResource, parseResourceArgs, resolveTypes, type WarningHandler } from '../util/resolve';

/** The flags of `mk describe`. */
export interface DescribeFlags {
  selector: string;
  allNamespaces: boolean;
  showEvents: boolean;
  chunkSize: number;
}

interface Found {
  resource: DiscoveredResource;
  object: KObject;
}

function parseBoolFlag(value: string | undefined): boolean {
  return value === undefined || value === 'true';
}

/** Registers `describe` with kubectl's flags. */
export const register: RegisterCommand = (program: Command, ctx: CliContext) => {
  program
    .command('describe')
    .description('Show details of a specific resource or group of resources')
    .argument('[args...]', 'TYPE [NAME_PREFIX | -l label] | TYPE/NAME')
    .option('-l, --selector <selector>', "Selector (label query) to filter on, supports '=', '==', '!=', 'in', 'notin'", '')
    .option('-A, --all-namespaces', 'List the requested object(s) across all namespaces', false)
    .option('--show-events [bool]', 'Display events related to the described object', parseBoolFlag, true)
    .option('--chunk-size <n>', 'Return large lists in chunks rather than all at once; 0 disables', (v) => Number.parseInt(v, 10), 500)
    .action(async (args: string[], opts: Record<string, unknown>) => {
      await runDescribe(ctx, args, {
        selector: opts.selector as string,
        allNamespaces: opts.allNamespaces as boolean,
        showEvents: opts.showEvents as boolean,
        chunkSize: opts.chunkSize as number,
      });
    });
};

/** Runs `describe` with parsed flags; `utcOffset` picks the zone of printed times (local by default). */
export async function runDescribe(ctx: CliContext, args: string[], flags: DescribeFlags, utcOffset: (d: Date) => number = localOffset): Promise<void> {
  if (args.length === 0) {
    throw new CliError('You must specify the type of resource to describe. Use "mk api-resources" for a complete list of supported resources.\n');
  }
  const client = await ctx.client();
  const namespace = await ctx.namespace();
  const env: DescribeEnv = { client, now: ctx.now(), utcOffset, showEvents: flags.showEvents, chunkSize: flags.chunkSize };
  const resources = await discoverForArgs(client, args);
  const warn = (message: string) => ctx.io.err(`Warning: ${message}\n`);
  const { found, errors } = await findObjects(client, resources, args, flags, namespace, warn);

  if (errors.length === 1 && isNotFound(errors[0]) && args.length === 2) {
    // kubectl then looks for names starting with the argument (only TYPE NAME can match one).
    if (args.every((a) => !a.includes('/'))) return describeByPrefix(ctx, env, findResource(resources, args[0]), namespace, args[1], errors[0]);
    throw errors[0];
  }
  const seen = new Set<string>();
  let first = true;
  for (const f of found) {
    try {
      const text = await describerFor(f.resource.group, f.resource.kind)(env, withType(f));
      ctx.io.out(first ? text : `\n\n${text}`);
      first = false;
    } catch (err) {
      const message = err instanceof Error ? err.message : String(err);
      if (!seen.has(message)) errors.push(err);
      seen.add(message);
    }
  }
  if (found.length === 0 && errors.length === 0) {
    ctx.io.err(flags.allNamespaces ? 'No resources found\n' : `No resources found in ${namespace} namespace.\n`);
  }
  finishWithErrors(errors, ctx.io);
}

/** Gives objects their apiVersion and kind when the server left them off. */
function withType(f: Found): KObject {
  const apiVersion = f.resource.group ? `${f.resource.group}/${f.resource.version}` : f.resource.version;
  return { ...f.object, apiVersion: f.object.apiVersion ?? apiVersion, kind: f.object.kind ?? f.resource.kind };
}

/** The builder's visit, for describe: lists flattened, names fetched one by one, failures collected. */
async function findObjects(
  client: ApiClient,
  resources: DiscoveredResource[],
  args: string[],
  flags: DescribeFlags,
  namespace: string,
  warn: WarningHandler,
): Promise<{ found: Found[]; errors: unknown[] }> {
  const parsed = parseResourceArgs(args);
  const selector = flags.selector.trim();
  const ns = flags.allNamespaces ? '' : namespace;
  const found: Found[] = [];
  const errors: unknown[] = [];
  const visit = async (resource: DiscoveredResource, fetch: () => Promise<KObject[]>) => {
    try {
      for (const object of await fetch()) found.push({ resource, object });
    } catch (err) {
      errors.push(err);
    }
  };
  const pathOf = (r: DiscoveredResource, name?: string) => client.path({ group: r.group, version: r.version, plural: r.plural, namespace: r.namespaced && ns ? ns : undefined, name });

  if (selector !== '' || (parsed.types.length > 0 && parsed.names.length === 0)) {
    if (parsed.names.length > 0) throw new CliError('name cannot be provided when a selector is specified');
    if (parsed.tuples.length > 0) throw new CliError('selectors and the all flag cannot be used when passing resource/name arguments');
    if (parsed.types.length === 0) throw new CliError('at least one resource must be specified to use a selector');
    for (const r of resolveTypes(resources, parsed.types, warn)) {
      await visit(r, () => listChunked(client, pathOf(r), selector, flags.chunkSize));
    }
    return { found, errors };
  }
  const named =
    parsed.tuples.length > 0 ? parsed.tuples.map((t) => ({ r: findResource(resources, t.type, warn), name: t.name })) : namesOf(resources, parsed.types, parsed.names, warn);
  for (const { r, name } of named) {
    if (r.namespaced && ns === '') throw new CliError('a resource cannot be retrieved by name across all namespaces');
    await visit(r, async () => [await client.request<KObject>('GET', pathOf(r, name))]);
  }
  return { found, errors };
}

function namesOf(resources: DiscoveredResource[], types: string[], names: string[], warn: WarningHandler): { r: DiscoveredResource; name: string }[] {
  const resolved = resolveTypes(resources, types, warn);
  if (resolved.length > 1) throw new CliError('you must specify only one resource');
  return names.map((name) => ({ r: resolved[0], name }));
}

async function listChunked(client: ApiClient, path: string, selector: string, chunkSize: number): Promise<KObject[]> {
  const items: KObject[] = [];
  let cont = '';
  do {
    const query: Record<string, string | number> = {};
    if (selector) query.labelSelector = selector;
    if (chunkSize > 0) query.limit = chunkSize;
    if (cont) query.continue = cont;
    const list = await client.request<KObject>('GET', path, { query });
    items.push(...flattenList(list));
    cont = typeof list.metadata?.continue === 'string' ? list.metadata.continue : '';
  } while (cont);
  return items;
}

/** DescribeMatchingResources: every object of the type in the namespace whose name starts with prefix. */
async function describeByPrefix(ctx: CliContext, env: DescribeEnv, resource: DiscoveredResource, namespace: string, prefix: string, original: unknown): Promise<void> {
  const path = env.client.path({ group: resource.group, version: resource.version, plural: resource.plural, namespace: resource.namespaced ? namespace : undefined });
  const items = await listChunked(env.client, path, '', env.chunkSize);
  const matching = items.filter((o) => (o.metadata?.name ?? '').startsWith(prefix));
  if (matching.length === 0) throw original;
  for (const object of matching) {
    ctx.io.out(`${await describerFor(resource.group, resource.kind)(env, withType({ resource, object }))}\n`);
  }
}
