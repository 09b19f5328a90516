/**
 * The command-line half shared by `label` and `annotate`: flags, kubectl's argument validation, target
 * selection, and the error/exit handling around update-metadata.
 */
import type { CliContext } from '../context';
import { CliError } from '../context';
import { clusterDeps } from './cluster-deps';
import { addDryRunFlag, addFieldManagerFlag, addFieldSelectorFlag, addFilenameFlags, addOutputFlag, addSelectorFlag, rejectAllWithSelectors, type SelectionFlags } from './common-flags';
import { parseDryRun } from './dry-run';
import { boolFlag, type KubectlCommand } from './kubectl-command';
import type { MapChanges } from './metadata-changes';
import { splitResourcesAndPairs } from './metadata-changes';
import { ResultPrinter, parseResultFormat } from './print-result';
import { finishWithErrors } from './report-errors';
import { selectTargets } from './select-targets';
import { updateMetadata, type MetadataKind } from './update-metadata';

/** Parsed flags shared by label and annotate. */
export interface MetadataFlags extends SelectionFlags {
  overwrite?: boolean;
  list?: boolean;
  local?: boolean;
  resourceVersion?: string;
  dryRun?: string | boolean;
  fieldManager: string;
  output?: string;
}

/** Adds the flags label and annotate share; `noun` is "labels" or "annotations". */
export function addMetadataFlags(cmd: KubectlCommand, noun: 'labels' | 'annotations', fieldManager: string): void {
  const singular = noun === 'labels' ? 'label' : 'annotation';
  boolFlag(cmd, '--overwrite', `If true, allow ${noun} to be overwritten, otherwise reject ${singular} updates that overwrite existing ${noun}.`);
  boolFlag(cmd, '--list', `If true, display the ${noun} for a given resource.`);
  boolFlag(cmd, '--local', `If true, ${singular} will NOT contact api-server but run locally.`);
  addFieldSelectorFlag(cmd);
  boolFlag(cmd, '--all', 'Select all resources, in the namespace of the specified resource types');
  boolFlag(cmd, '-A, --all-namespaces', 'If true, check the specified action in all namespaces.');
  cmd.option(
    '--resource-version <version>',
    `If non-empty, the ${singular}s update will only succeed if this is the current resource-version for the object. Only valid when specifying a single resource.`,
  );
  addFilenameFlags(cmd, `identifying the resource to update the ${singular}`);
  addDryRunFlag(cmd);
  addFieldManagerFlag(cmd, fieldManager);
  addSelectorFlag(cmd);
  addOutputFlag(cmd);
}

/** What differs between label and annotate on the command line. */
export interface MetadataCommandKind extends MetadataKind {
  pairType: 'label' | 'annotation';
  parse(pairs: string[]): MapChanges;
}

/** Runs label or annotate with kubectl's validation order and messages. */
export async function runMetadataCommand(ctx: CliContext, kind: MetadataCommandKind, args: string[], flags: MetadataFlags): Promise<void> {
  const warn = (m: string): void => ctx.io.err(`${m}\n`);
  const dryRun = parseDryRun(flags.dryRun, warn);
  const { resources, pairs } = splitResourcesAndPairs(args, kind.pairType);
  const changes = kind.parse(pairs);
  if (flags.list && flags.output) throw new CliError('--list and --output may not be specified together');
  const output = parseResultFormat(flags.output);
  rejectAllWithSelectors(flags);
  const filenames = flags.filename ?? [];
  const example = kind.pairType === 'label' ? 'pod.yaml or --filename=pod.json' : 'rsrc.yaml or --filename=rsrc.json';
  if (flags.local) {
    if (dryRun === 'server') throw new CliError('cannot specify --local and --dry-run=server - did you mean --dry-run=client?');
    if (resources.length > 0) throw new CliError(`can only use local files by -f ${example} when --local=true is set`);
    if (filenames.length === 0) throw new CliError(`one or more files must be specified as -f ${example}`);
  } else if (resources.length === 0 && filenames.length === 0) {
    throw new CliError('one or more resources must be specified as <resource> <name> or <resource>/<name>');
  }
  if (Object.keys(changes.set).length === 0 && changes.remove.length === 0 && !flags.list) {
    throw new CliError(`at least one ${kind.pairType} update is required`);
  }

  const deps = await clusterDeps(ctx);
  const selection = await selectTargets(deps, {
    args: resources,
    filenames,
    recursive: flags.recursive ?? false,
    labelSelector: flags.local ? undefined : flags.selector,
    fieldSelector: flags.local ? undefined : flags.fieldSelector,
    all: flags.local ? false : (flags.all ?? false),
    allNamespaces: flags.allNamespaces ?? false,
    fetch: !flags.local,
  });
  if (!selection.singleItemImplied && flags.resourceVersion) throw new CliError('--resource-version may only be used with a single resource');
  const errors = await updateMetadata(deps.client, ctx.io, new ResultPrinter(ctx.io, output), selection, kind, {
    changes,
    overwrite: flags.overwrite ?? false,
    list: flags.list ?? false,
    local: flags.local ?? false,
    dryRun,
    resourceVersion: flags.resourceVersion ?? '',
    fieldManager: flags.fieldManager,
  });
  finishWithErrors(errors, ctx.io);
}
