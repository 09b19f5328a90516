/**
 * The body of `apply`: load the manifests, apply each object (client- or server-side), keep going
 * after failures, then print `-o json|yaml` output and prune, as kubectl's ApplyOptions.Run does.
 */
import { matchesLabels, parseLabelSelector, type KObject } from '@mk/api';
import type { ManifestInfo } from '../manifests/mapping';
import { loadManifestFiles, type ClusterDeps } from './cluster-deps';
import { clientSideApply } from './client-side-apply';
import type { CascadeStrategy } from './delete-options';
import { withDryRunSuffix, type DryRunStrategy } from './dry-run';
import { ResultPrinter, type ResultFormat } from './print-result';
import { DEFAULT_PRUNE_TYPES, parsePruneAllowlist, pruneObjects, resolvePruneTypes } from './prune';
import { finishWithErrors } from './report-errors';
import { serverSideApply } from './server-side-apply';

/** Everything `apply` was asked to do, already validated. */
export interface ApplyPlan {
  filenames: string[];
  recursive: boolean;
  selector: string;
  dryRun: DryRunStrategy;
  fieldValidation: string;
  fieldManager: string;
  serverSide: boolean;
  forceConflicts: boolean;
  output: ResultFormat;
  prune?: { all: boolean; allowlist: string[]; cascade: CascadeStrategy; gracePeriod: number };
}

/** The outside world of `apply`. */
export interface ApplyDeps extends ClusterDeps {
  /** Program name for messages (`mk`). */
  baseName: string;
  sleep(ms: number): Promise<void>;
}

/** Runs `apply`; throws the collected errors at the end (exit 1). */
export async function applyObjects(deps: ApplyDeps, plan: ApplyPlan): Promise<void> {
  const { client, io } = deps;
  const warn = (message: string): void => io.err(`${message}\n`);
  const resources = await client.discover();
  const pruneTypes = plan.prune
    ? plan.prune.allowlist.length > 0
      ? parsePruneAllowlist(plan.prune.allowlist, resources)
      : DEFAULT_PRUNE_TYPES
    : undefined;

  const loaded = await loadManifestFiles(deps, plan, { validate: plan.fieldValidation !== 'Ignore', resources });
  const selector = plan.selector ? parseLabelSelector(plan.selector) : undefined;
  const infos = selector ? loaded.infos.filter((i) => matchesLabels(selector, i.object.metadata?.labels)) : loaded.infos;
  const errors: unknown[] = [...loaded.errors];
  if (infos.length === 0 && errors.length === 0) throw new Error('no objects passed to apply');

  const printer = new ResultPrinter(io, plan.output);
  const visitedUids = new Set<string>();
  const visitedNamespaces = new Set<string>(deps.namespaceExplicit ? [deps.namespace] : []);
  const results: KObject[] = [];
  for (const info of infos) {
    if (info.namespace) visitedNamespaces.add(info.namespace);
    try {
      const { operation, object } = await applyOne(deps, plan, info, warn);
      if (object.metadata?.uid) visitedUids.add(object.metadata.uid);
      results.push(object);
      if (!printer.printsObjects) printer.print(object, info.resource, info.name, withDryRunSuffix(operation, plan.dryRun));
    } catch (err) {
      errors.push(err);
    }
  }
  finishWithErrors(errors, io);

  if (printer.printsObjects && results.length > 0) {
    printer.printObject(results.length === 1 ? results[0] : { apiVersion: 'v1', kind: 'List', metadata: {}, items: results });
  }
  if (plan.prune && pruneTypes) {
    await pruneObjects(client, {
      types: resolvePruneTypes(pruneTypes, resources),
      visitedUids,
      visitedNamespaces,
      labelSelector: plan.selector,
      dryRun: plan.dryRun,
      cascade: plan.prune.cascade,
      gracePeriod: plan.prune.gracePeriod,
      onPruned: (obj, resource) => printer.print(obj, resource, obj.metadata?.name ?? '', withDryRunSuffix('pruned', plan.dryRun)),
    });
  }
}

async function applyOne(
  deps: ApplyDeps,
  plan: ApplyPlan,
  info: ManifestInfo,
  warn: (message: string) => void,
): Promise<{ operation: string; object: KObject }> {
  if (plan.serverSide) {
    const object = await serverSideApply(deps.client, info, {
      dryRun: plan.dryRun,
      fieldManager: plan.fieldManager,
      fieldValidation: plan.fieldValidation,
      forceConflicts: plan.forceConflicts,
    });
    return { operation: 'serverside-applied', object: object ?? info.object };
  }
  return clientSideApply(deps.client, info, {
    dryRun: plan.dryRun,
    fieldManager: plan.fieldManager,
    fieldValidation: plan.fieldValidation,
    baseName: deps.baseName,
    warn,
    sleep: deps.sleep,
  });
}
