/**
 * `mk get`: kubectl get. Human output asks the server for Tables (kubectl's Accept header)
 * and formats them client-side; other formats fetch plain JSON. Follows kubectl's builder
 * rules for arguments and selectors, its chunked lists (limit + continue), its error
 * aggregation (found objects print, then `Error from server (NotFound): …`, exit 1), and
 * its watch (list RV, or name field selector from RV 0 skipping the synthetic ADDED).
 */
import { readFileSync } from 'node:fs';
import type { Command } from 'commander';
import type { KObject } from '@mk/api';
import { ApiError, isApiError, isNotFound, type ApiClient, type DiscoveredResource, type WatchEventJSON } from '@mk/client';
import type { RegisterCommand } from '../command';
import { CliError, type CliContext } from '../context';
import { finishWithErrors } from '../mutate/report-errors';
import { flattenList, genericObject, multipleKinds, printHuman, SeparatedSink, sortObject, type FetchedInfo } from '../printers/get-output';
import { parseOutputFormat, type OutputFormat } from '../printers/output-format';
import { isList, isTable, kindPrefix, WatchEventObject } from '../printers/printer';
import { SkipPrinter } from '../printers/skip-printer';
import { KUBECTL_TABLE_OPTIONS, TabWriter } from '../printers/tabwriter';
import { discoverForArgs, findResource, parseResourceArgs, resolveTypes, type WarningHandler } from '../util/resolve';

/** The Accept header kubectl sends for server-side printing. */
export const TABLE_ACCEPT =
  'application/json;as=Table;v=v1;g=meta.k8s.io,application/json;as=Table;v=v1beta1;g=meta.k8s.io,application/json';

/** The flags of `mk get`, normalised. */
export interface GetFlags {
  output: string;
  template?: string;
  allowMissingTemplateKeys: boolean;
  selector: string;
  fieldSelector: string;
  labelColumns: string[];
  showLabels: boolean;
  showKind: boolean;
  allNamespaces: boolean;
  watch: boolean;
  watchOnly: boolean;
  outputWatchEvents: boolean;
  sortBy: string;
  noHeaders: boolean;
  ignoreNotFound: boolean;
  chunkSize: number;
  /** `--raw URI`: print the server's answer to a GET of the URI as is. */
  raw?: string;
}

/** One request of the plan: a (chunked) list of a type, or a GET of a name. */
interface Source {
  resource: DiscoveredResource;
  namespace: string;
  name?: string;
}

interface Plan {
  sources: Source[];
  /** TYPE NAME with one name, or one TYPE/NAME: print the object itself rather than a List. */
  singleItemImplied: boolean;
}

function collect(value: string, previous: string[]): string[] {
  return [...previous, ...value.split(',')];
}

function parseBoolFlag(value: string | undefined): boolean {
  return value === undefined || value === 'true';
}

/** Registers `get` with kubectl's flags. */
export const register: RegisterCommand = (program: Command, ctx: CliContext) => {
  program
    .command('get')
    .description('Display one or many resources')
    .argument('[args...]', 'TYPE[.VERSION][.GROUP] [NAME | -l label] | TYPE[.VERSION][.GROUP]/NAME ...')
    .option('-o, --output <format>', 'Output format: json, yaml, name, wide, jsonpath=..., jsonpath-file=..., jsonpath-as-json=..., custom-columns=..., custom-columns-file=...', '')
    .option('--template <template>', 'Template string or path to template file to use when -o jsonpath or -o jsonpath-file')
    .option('--allow-missing-template-keys [bool]', 'Ignore errors in templates when a field or map key is missing', parseBoolFlag, true)
    .option('-l, --selector <selector>', "Selector (label query) to filter on, supports '=', '==', '!=', 'in', 'notin'", '')
    .option('--field-selector <selector>', "Selector (field query) to filter on, supports '=', '==', and '!='", '')
    .option('-L, --label-columns <labels>', 'Labels to present as columns (comma separated, repeatable)', collect, [])
    .option('--show-labels', 'When printing, show all labels as the last column', false)
    .option('--show-kind', 'List the resource type for the requested object(s)', false)
    .option('-A, --all-namespaces', 'List the requested object(s) across all namespaces', false)
    .option('-w, --watch', 'After listing/getting the requested object, watch for changes', false)
    .option('--watch-only', 'Watch for changes to the requested object(s), without listing/getting first', false)
    .option('--output-watch-events', 'Output watch event objects when --watch or --watch-only is used', false)
    .option('--sort-by <jsonpath>', "Sort list types using this field specification (e.g. '{.metadata.name}')", '')
    .option('--no-headers', "Don't print headers (default or custom-columns output)")
    .option('--ignore-not-found', 'If the requested object does not exist the command will return exit code 0', false)
    .option('--chunk-size <n>', 'Return large lists in chunks rather than all at once; 0 disables', (v) => Number.parseInt(v, 10), 500)
    .option('--raw <uri>', 'Raw URI to request from the server')
    .action(async (args: string[], opts: Record<string, unknown>) => {
      const hasExplain = program.commands.some((c) => c.name() === 'explain');
      await runGet(ctx, args, {
        output: opts.output as string,
        template: opts.template as string | undefined,
        allowMissingTemplateKeys: opts.allowMissingTemplateKeys as boolean,
        selector: opts.selector as string,
        fieldSelector: opts.fieldSelector as string,
        labelColumns: opts.labelColumns as string[],
        showLabels: opts.showLabels as boolean,
        showKind: opts.showKind as boolean,
        allNamespaces: opts.allNamespaces as boolean,
        watch: opts.watch as boolean,
        watchOnly: opts.watchOnly as boolean,
        outputWatchEvents: opts.outputWatchEvents as boolean,
        sortBy: opts.sortBy as string,
        noHeaders: opts.headers === false,
        ignoreNotFound: opts.ignoreNotFound as boolean,
        chunkSize: opts.chunkSize as number,
        raw: opts.raw as string | undefined,
      }, { hasExplain });
    });
};

/** Runs `get` with parsed flags; `hasExplain` says whether the usage error may point at `mk explain`. */
export async function runGet(ctx: CliContext, args: string[], flags: GetFlags, opts: { hasExplain?: boolean } = {}): Promise<void> {
  if (flags.raw !== undefined) return getRaw(ctx, args, flags);
  validate(flags);
  if (flags.sortBy && flags.watch) ctx.io.err('warning: --watch requested, --sort-by will be ignored for watch events received\n');
  else if (flags.sortBy && flags.watchOnly) ctx.io.err('warning: --watch-only requested, --sort-by will be ignored\n');
  if (args.length === 0 && !flags.watch && !flags.watchOnly) {
    ctx.io.err('You must specify the type of resource to get. Use "mk api-resources" for a complete list of supported resources.\n\n');
    const explain = opts.hasExplain ? '\nUse "mk explain <resource>" for a detailed description of that resource (e.g. mk explain pods).' : '';
    throw new CliError(`Required resource not specified.${explain}\nSee 'mk get -h' for help and examples`);
  }
  const client = await ctx.client();
  const namespace = await ctx.namespace();
  const warn = (message: string) => ctx.io.err(`Warning: ${message}\n`);
  const plan = planRequests(await discoverForArgs(client, args), args, flags, namespace, flags.watch || flags.watchOnly, warn);
  const human = isHumanOutput(flags);
  if (flags.watch || flags.watchOnly) return watch(ctx, client, plan, human, flags);

  const { infos, errors } = await fetchAll(client, plan, human, flags, flags.sortBy ? 0 : flags.chunkSize, true);
  if (human) {
    const sink = new SeparatedSink((t) => ctx.io.out(t));
    const layout = { format: parseFormat(flags), allNamespaces: flags.allNamespaces, noHeaders: flags.noHeaders, sortBy: flags.sortBy, now: ctx.now() };
    const { allNamespaced } = printHuman(infos, layout, sink);
    if (sink.written === 0 && !flags.ignoreNotFound && errors.length === 0) {
      ctx.io.err(allNamespaced ? `No resources found in ${namespace} namespace.\n` : 'No resources found\n');
    }
  } else {
    // printGeneric: a lone missing object fails alone; otherwise print what was found, then the errors.
    if (plan.singleItemImplied && errors.length > 0) throw errors[0];
    if (infos.length > 0 || !flags.ignoreNotFound) {
      const printer = parseFormat(flags).build({ withNamespace: false, withKind: false, kind: '', now: ctx.now() });
      const objects = infos.flatMap((i) => (isList(i.object) ? flattenList(i.object) : [i.object]));
      try {
        printer.print(genericObject(objects, plan.singleItemImplied, flags.sortBy), { write: (t) => ctx.io.out(t) });
      } catch (err) {
        errors.push(err);
      }
    }
  }
  finishWithErrors(errors, ctx.io);
}

/** kubectl asks for server-side Tables only for the default and wide formats. */
function isHumanOutput(flags: GetFlags): boolean {
  return (flags.output === '' && !flags.template) || flags.output === 'wide';
}

/** `get --raw URI`: the body of a GET, byte for byte (rawhttp.RawGet). */
async function getRaw(ctx: CliContext, args: string[], flags: GetFlags): Promise<void> {
  const raw = flags.raw!;
  if (args.length > 0) throw new CliError('arguments may not be passed when --raw is specified');
  if (flags.watch || flags.watchOnly || flags.selector.trim() !== '') {
    throw new CliError('--raw may not be specified with other flags that filter the server request or alter the output');
  }
  if (flags.output !== '') throw new CliError('--raw and --output are mutually exclusive');
  // url.ParseRequestURI: an absolute path or an absolute URL.
  if (!raw.startsWith('/') && !/^[A-Za-z][A-Za-z0-9+.-]*:/.test(raw)) {
    throw new CliError(`--raw must be a valid URL path: parse ${JSON.stringify(raw)}: invalid URI for request`);
  }
  const client = await ctx.client();
  const path = /^[A-Za-z][A-Za-z0-9+.-]*:/.test(raw) ? raw.replace(/^[A-Za-z][A-Za-z0-9+.-]*:\/\/[^/]*/, '') || '/' : raw;
  const res = await client.requestRaw('GET', path);
  ctx.io.out(await res.text());
}

function validate(flags: GetFlags): void {
  if (flags.showLabels && flags.output !== '' && flags.output !== 'wide') {
    throw new CliError(`--show-labels option cannot be used with ${flags.output} printer`);
  }
  if (flags.outputWatchEvents && !(flags.watch || flags.watchOnly)) {
    throw new CliError('--output-watch-events option can only be used with --watch or --watch-only');
  }
}

function parseFormat(flags: GetFlags): OutputFormat {
  try {
    return parseOutputFormat(flags, (path) => readFileSync(path, 'utf8'));
  } catch (err) {
    throw new CliError((err as Error).message);
  }
}

/** The builder's argument and selector rules, turned into requests. */
function planRequests(resources: DiscoveredResource[], args: string[], flags: GetFlags, namespace: string, singleType: boolean, warn: WarningHandler): Plan {
  const parsed = parseResourceArgs(args);
  const labelSelector = flags.selector.trim();
  const fieldSelector = flags.fieldSelector.trim();
  const ns = flags.allNamespaces ? '' : namespace;
  // One bare TYPE argument selects everything of that type (an empty, but set, label selector).
  const bySelector = labelSelector !== '' || fieldSelector !== '' || (parsed.types.length > 0 && parsed.names.length === 0);
  if (singleType && parsed.types.length > 1) throw new CliError('you may only specify a single resource type');
  if (bySelector) {
    if (parsed.names.length > 0) throw new CliError('name cannot be provided when a selector is specified');
    if (parsed.tuples.length > 0) throw new CliError('selectors and the all flag cannot be used when passing resource/name arguments');
    if (parsed.types.length === 0) throw new CliError('at least one resource must be specified to use a selector');
    const types = resolveTypes(resources, parsed.types, warn);
    if (singleType && types.length > 1) throw new CliError('you may only specify a single resource type');
    return { sources: types.map((resource) => ({ resource, namespace: resource.namespaced ? ns : '' })), singleItemImplied: false };
  }
  if (parsed.tuples.length > 0) {
    const mapped = new Map<string, DiscoveredResource>();
    for (const t of parsed.tuples) if (!mapped.has(t.type)) mapped.set(t.type, findResource(resources, t.type, warn));
    const canonical = new Set([...mapped.values()].map((r) => `${r.group}/${r.version}/${r.plural}`));
    if (singleType && canonical.size > 1) throw new CliError('you may only specify a single resource type');
    const sources = parsed.tuples.map((t) => named(mapped.get(t.type)!, t.name, ns, flags.allNamespaces));
    return { sources, singleItemImplied: parsed.tuples.length === 1 };
  }
  if (parsed.names.length > 0) {
    const types = resolveTypes(resources, parsed.types, warn);
    if (types.length > 1) throw new CliError('you must specify only one resource');
    return { sources: parsed.names.map((n) => named(types[0], n, ns, flags.allNamespaces)), singleItemImplied: parsed.names.length === 1 };
  }
  throw new CliError(
    "You must provide one or more resources by argument or filename.\nExample resource specifications include:\n   '-f rsrc.yaml'\n   '--filename=rsrc.json'\n   '<resource> <name>'\n   '<resource>'",
  );
}

function named(resource: DiscoveredResource, name: string, ns: string, allNamespaces: boolean): Source {
  if (resource.namespaced && ns === '') {
    throw new CliError(allNamespaces ? 'a resource cannot be retrieved by name across all namespaces' : 'namespace may not be empty when retrieving a resource by name');
  }
  return { resource, namespace: resource.namespaced ? ns : '', name };
}

/** Fetches every source; with continueOnError, failures are collected (NotFound dropped with --ignore-not-found). */
async function fetchAll(client: ApiClient, plan: Plan, human: boolean, flags: GetFlags, chunkSize: number, continueOnError: boolean): Promise<{ infos: FetchedInfo[]; errors: unknown[] }> {
  const infos: FetchedInfo[] = [];
  const errors: unknown[] = [];
  for (const source of plan.sources) {
    try {
      if (source.name !== undefined) infos.push({ resource: source.resource, object: await getOne(client, source, human, flags) });
      else for await (const page of listPages(client, source, human, flags, chunkSize)) infos.push({ resource: source.resource, object: page });
    } catch (err) {
      if (!continueOnError) throw err;
      if (!(flags.ignoreNotFound && isNotFound(err))) errors.push(err);
    }
  }
  return { infos, errors };
}

function resourcePathOf(client: ApiClient, source: Source, name?: string): string {
  const { group, version, plural } = source.resource;
  return client.path({ group, version, plural, namespace: source.namespace || undefined, name });
}

function tableQuery(human: boolean, flags: GetFlags): Record<string, string> {
  return human && flags.sortBy ? { includeObject: 'Object' } : {};
}

async function getOne(client: ApiClient, source: Source, human: boolean, flags: GetFlags): Promise<KObject> {
  return client.request<KObject>('GET', resourcePathOf(client, source, source.name), {
    query: tableQuery(human, flags),
    accept: human ? TABLE_ACCEPT : 'application/json',
  });
}

async function* listPages(client: ApiClient, source: Source, human: boolean, flags: GetFlags, chunkSize: number): AsyncGenerator<KObject> {
  const base: Record<string, string | number> = { ...tableQuery(human, flags) };
  if (flags.selector.trim()) base.labelSelector = flags.selector.trim();
  if (flags.fieldSelector.trim()) base.fieldSelector = flags.fieldSelector.trim();
  if (chunkSize > 0) base.limit = chunkSize;
  let cont = '';
  do {
    let page: KObject;
    try {
      page = await client.request<KObject>('GET', resourcePathOf(client, source), {
        query: cont ? { ...base, continue: cont } : base,
        accept: human ? TABLE_ACCEPT : 'application/json',
      });
    } catch (err) {
      throw enhanceListError(err, source.resource, flags);
    }
    yield page;
    cont = typeof page.metadata?.continue === 'string' ? page.metadata.continue : '';
  } while (cont);
}

/** cli-runtime's EnhanceListError: says which list failed for NotFound and BadRequest answers. */
function enhanceListError(err: unknown, r: DiscoveredResource, flags: GetFlags): unknown {
  if (!isApiError(err) || (err.reason !== 'NotFound' && err.reason !== 'BadRequest')) return err;
  const subject = JSON.stringify(`${r.group}/${r.version}, Resource=${r.plural}`);
  const labels = flags.selector.trim();
  const fields = flags.fieldSelector.trim();
  const message =
    labels === '' && fields === ''
      ? `Unable to list ${subject}: ${err.status.message ?? ''}`
      : `Unable to find ${subject} that match label selector ${JSON.stringify(labels)}, field selector ${JSON.stringify(fields)}: ${err.status.message ?? ''}`;
  return new ApiError({ ...err.status, message });
}

/** `get -w`: print the current state, then one line (or object) per watch event, until the server closes the stream. */
async function watch(ctx: CliContext, client: ApiClient, plan: Plan, human: boolean, flags: GetFlags): Promise<void> {
  const { infos } = await fetchAll(client, plan, human, flags, flags.chunkSize, false);
  if (multipleKinds(infos)) throw new CliError('watch is only supported on individual resources and resource collections - more than 1 resource was found');
  if (infos.length === 0) return;
  const resource = infos[0].resource;
  const printer = new SkipPrinter(
    parseFormat(flags).build({ withNamespace: flags.allNamespaces, withKind: false, kind: kindPrefix(resource.kind, resource.group), now: ctx.now() }),
  );
  printer.output = !flags.watchOnly;
  const obj = watchedObject(infos, plan.singleItemImplied);
  const listed = isList(obj);
  const rv = listed ? String(obj.metadata?.resourceVersion ?? '') : '0';
  const writer = new TabWriter({ write: (t) => ctx.io.out(t) }, KUBECTL_TABLE_OPTIONS);
  const wrap = (type: string, o: KObject) => (flags.outputWatchEvents ? new WatchEventObject(type, o) : o);
  for (const o of listed ? flattenList(obj) : [obj]) printer.print(wrap('ADDED', sortedOrFail(o, flags.sortBy)), writer);
  writer.flush();
  // Watches of lists start after the list's RV; a single object's watch starts with a synthetic ADDED to skip.
  printer.output = listed;
  if (plan.sources.length !== 1) throw new CliError('you may only watch a single resource or type of resource at a time');
  const source = plan.sources[0];
  const query: Record<string, string> = { resourceVersion: rv };
  if (source.name !== undefined) query.fieldSelector = `metadata.name=${source.name}`;
  else {
    if (flags.selector.trim()) query.labelSelector = flags.selector.trim();
    if (flags.fieldSelector.trim()) query.fieldSelector = flags.fieldSelector.trim();
  }
  const handle = await client.watch(resourcePathOf(client, source), {
    query,
    accept: human ? TABLE_ACCEPT : 'application/json',
    onEvent: (event: WatchEventJSON) => {
      if (event.type === 'BOOKMARK') return;
      printer.print(wrap(event.type, event.object), writer);
      writer.flush();
      printer.output = true;
    },
  });
  // kubectl ends quietly (exit 0) however the stream ends.
  await handle.done.catch(() => undefined);
}

/** The SortingPrinter step of a watch's first listing; kubectl stops with its error. */
function sortedOrFail(obj: KObject, sortBy: string): KObject {
  if (!sortBy || !isTable(obj) || (obj.rows ?? []).length <= 1) return obj;
  try {
    return sortObject(obj, sortBy);
  } catch (err) {
    throw new CliError(`unable to output the provided object: ${(err as Error).message}`);
  }
}

/** Result.Object(): one object as is, else a v1 List of everything fetched carrying their common RV. */
function watchedObject(infos: FetchedInfo[], singleItemImplied: boolean): KObject {
  const objects = infos.map((i) => i.object);
  if (objects.length === 1 && (singleItemImplied || isList(objects[0]))) return objects[0];
  const versions = new Set(objects.map((o) => String(o.metadata?.resourceVersion ?? '')));
  const version = versions.size === 1 ? [...versions][0] : '';
  return { apiVersion: 'v1', kind: 'List', metadata: { resourceVersion: version }, items: objects };
}
