/**
 * The shared body of `label` and `annotate` (kubectl RunLabel / RunAnnotate): edit the map on each
 * fetched object, send the two-way JSON merge patch of the whole object, and print the outcome or
 * (--list) the resulting map. Failures of one object do not stop the others.
 */
import { createMergePatch, type KObject } from '@mk/api';
import type { ApiClient } from '@mk/client';
import type { CliIO } from '../context';
import { goJson } from '../manifests/go-json';
import { dryRunQuery, withDryRunSuffix, type DryRunStrategy } from './dry-run';
import type { MapChanges } from './metadata-changes';
import { MERGE_PATCH } from './three-way-patch';
import type { ResultPrinter } from './print-result';
import type { Selection } from './select-targets';
import { targetPath } from './targets';

/** Which map and how the command words things. */
export interface MetadataKind {
  field: 'labels' | 'annotations';
  /** Applies the changes, throwing the overwrite error. */
  apply(current: Record<string, string> | undefined, changes: MapChanges, overwrite: boolean): Record<string, string>;
  /** The operation printed for one object, from the JSON before and after. */
  operation(oldJson: string, newJson: string, overwrite: boolean): string;
  /** kubectl label reports removals of absent keys (`label "x" not found.`); annotate does not. */
  reportMissing?: (key: string) => string;
  /** Whether -o json|yaml prints the server's answer (annotate) or the locally edited object (label). */
  printsServerObject: boolean;
}

/** The edit requested on the command line. */
export interface MetadataPlan {
  changes: MapChanges;
  overwrite: boolean;
  list: boolean;
  local: boolean;
  dryRun: DryRunStrategy;
  resourceVersion: string;
  fieldManager: string;
}

/** Runs label/annotate over the selected objects; returns the per-object errors. */
export async function updateMetadata(client: ApiClient, io: CliIO, printer: ResultPrinter, selection: Selection, kind: MetadataKind, plan: MetadataPlan): Promise<unknown[]> {
  const errors: unknown[] = [...selection.errors];
  for (const target of selection.targets) {
    try {
      const obj = structuredClone(target.object ?? {}) as KObject;
      obj.metadata ??= {};
      // With --resource-version the version must appear in the patch, so it is cleared from the "before" JSON.
      if (plan.resourceVersion) delete obj.metadata.resourceVersion;
      const oldJson = goJson(obj);
      const before = obj.metadata[kind.field] as Record<string, string> | undefined;
      const offline = plan.dryRun === 'client' || plan.local || plan.list;
      if (!offline && kind.reportMissing) {
        for (const key of plan.changes.remove) if (before?.[key] === undefined) io.out(`${kind.reportMissing(key)}\n`);
      }
      obj.metadata[kind.field] = kind.apply(before, plan.changes, plan.overwrite);
      if (plan.resourceVersion) obj.metadata.resourceVersion = plan.resourceVersion;
      const newJson = goJson(obj);
      const operation = kind.operation(oldJson, newJson, plan.overwrite);
      let output = obj;
      if (!offline) {
        const patch = createMergePatch(JSON.parse(oldJson), JSON.parse(newJson));
        output = await client.request<KObject>('PATCH', targetPath(client, target), {
          body: patch,
          contentType: MERGE_PATCH,
          query: { ...dryRunQuery(plan.dryRun), fieldManager: plan.fieldManager },
        });
      }
      if (plan.list) {
        const map = (output.metadata?.[kind.field] ?? {}) as Record<string, string>;
        let indent = '';
        if (!selection.singleItemImplied) {
          indent = ' ';
          io.out(`Listing ${kind.field} for ${target.resource.kind}.${target.resource.group}/${target.name}:\n`);
        }
        for (const key of Object.keys(map).sort()) io.out(`${indent}${key}=${map[key]}\n`);
        continue;
      }
      printer.print(kind.printsServerObject ? output : obj, target.resource, target.name, withDryRunSuffix(operation, plan.dryRun));
    } catch (err) {
      errors.push(err);
    }
  }
  return errors;
}
