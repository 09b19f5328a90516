/**
 * `replace -f` (kubectl pkg/cmd/replace/replace.go): PUT each object as the file has it, so a stale
 * resourceVersion in the file is a 409 Conflict; `--force` deletes and re-creates instead.
 */
import { addSourceToError, isNotFound } from '@mk/client';
import type { KObject } from '@mk/api';
import { loadManifestFiles, type ClusterPrintDeps } from './cluster-deps';
import { createObject } from './create-objects';
import { dryRunQuery, withDryRunSuffix, type DryRunStrategy } from './dry-run';
import { waitDeleted } from './wait-deleted';
import { finishWithErrors } from './report-errors';

export interface ReplacePlan {
  dryRun: DryRunStrategy;
  fieldManager: string;
  fieldValidation: string;
  force: boolean;
  /** How long --force waits for the old object to go. */
  timeoutMs: number;
}

export async function replaceFromFiles(deps: ClusterPrintDeps, files: { filenames: string[]; recursive: boolean }, plan: ReplacePlan): Promise<void> {
  const loaded = await loadManifestFiles(deps, files, { validate: plan.fieldValidation !== 'Ignore' });
  const errors: unknown[] = [...loaded.errors];
  for (const info of loaded.infos) {
    const r = info.resource;
    const path = deps.client.path({ group: r.group, version: r.version, plural: r.plural, namespace: r.namespaced ? info.namespace : undefined, name: info.name });
    try {
      if (plan.force) {
        if (plan.dryRun === 'none') {
          try {
            const gone = await deps.client.request<KObject>('DELETE', path, { body: { propagationPolicy: 'Background' } });
            deps.printer.print(info.object, r, info.name, 'deleted');
            const target = { resource: r, namespace: r.namespaced ? info.namespace : '', name: info.name };
            await waitDeleted(deps.client, target, gone?.metadata?.uid, AbortSignal.timeout(plan.timeoutMs));
          } catch (err) {
            if (!isNotFound(err)) throw err;
          }
        }
        const created = await createObject(deps.client, r, info.namespace, info.object, { ...plan, saveConfig: false });
        deps.printer.print(created, r, info.name, withDryRunSuffix('replaced', plan.dryRun));
        continue;
      }
      const body: KObject = { ...info.object, metadata: { ...info.object.metadata, ...(r.namespaced ? { namespace: info.namespace } : {}) } };
      const replaced =
        plan.dryRun === 'client'
          ? body
          : await deps.client.request<KObject>('PUT', path, { body, query: { ...dryRunQuery(plan.dryRun), fieldManager: plan.fieldManager, fieldValidation: plan.fieldValidation } });
      deps.printer.print(replaced, r, info.name, withDryRunSuffix('replaced', plan.dryRun));
    } catch (err) {
      errors.push(addSourceToError('replacing', info.source, err));
    }
  }
  finishWithErrors(errors, deps.io);
}
