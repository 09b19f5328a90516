/**
 * `create -f` (kubectl pkg/cmd/create/create.go RunCreate) and the send-and-print step shared by the
 * generator subcommands: POST each object with fieldManager kubectl-create, print `pod/web created`.
 */
import { matchesLabels, parseLabelSelector, type KObject } from '@mk/api';
import { addSourceToError, type ApiClient, type DiscoveredResource } from '@mk/client';
import { loadManifestFiles, type ClusterPrintDeps } from './cluster-deps';
import { dryRunQuery, withDryRunSuffix, type DryRunStrategy } from './dry-run';
import { withLastApplied } from './last-applied';
import { finishWithErrors } from './report-errors';

/** Flags common to `create -f` and the generators. */
export interface CreatePlan {
  dryRun: DryRunStrategy;
  fieldManager: string;
  fieldValidation: string;
  /** --save-config: store the last-applied annotation so `apply` can take over later. */
  saveConfig: boolean;
}

/** The object as create sends it: with the last-applied annotation under --save-config, without a resourceVersion. */
export function createBody(object: KObject, saveConfig: boolean): KObject {
  const body = saveConfig ? withLastApplied(object) : object;
  if (!body.metadata?.resourceVersion) return body;
  const { resourceVersion: _dropped, ...metadata } = body.metadata;
  return { ...body, metadata };
}

/** POSTs one object (unless --dry-run=client) and returns what to print. */
export async function createObject(client: ApiClient, resource: DiscoveredResource, namespace: string, object: KObject, plan: CreatePlan): Promise<KObject> {
  const body = createBody(object, plan.saveConfig);
  if (plan.dryRun === 'client') return body;
  const path = client.path({ group: resource.group, version: resource.version, plural: resource.plural, namespace: resource.namespaced ? namespace : undefined });
  const created = await client.request<KObject>('POST', path, {
    body,
    query: { ...dryRunQuery(plan.dryRun), fieldManager: plan.fieldManager, fieldValidation: plan.fieldValidation },
  });
  return created ?? body;
}

/** Creates every object of the files; per-object failures are reported at the end (exit 1). */
export async function createFromFiles(deps: ClusterPrintDeps, files: { filenames: string[]; recursive: boolean; selector?: string }, plan: CreatePlan): Promise<void> {
  const loaded = await loadManifestFiles(deps, files, { validate: plan.fieldValidation !== 'Ignore' });
  const selector = files.selector ? parseLabelSelector(files.selector) : undefined;
  const errors: unknown[] = [...loaded.errors];
  let count = 0;
  for (const info of loaded.infos) {
    if (selector && !matchesLabels(selector, info.object.metadata?.labels)) continue;
    try {
      const created = await createObject(deps.client, info.resource, info.namespace, info.object, plan);
      count++;
      deps.printer.print(created, info.resource, created.metadata?.name ?? info.name, withDryRunSuffix('created', plan.dryRun));
    } catch (err) {
      errors.push(addSourceToError('creating', info.source, err));
    }
  }
  finishWithErrors(errors, deps.io);
  if (count === 0) throw new Error('no objects passed to create');
}
