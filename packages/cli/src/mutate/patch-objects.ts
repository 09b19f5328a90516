/**
 * The body of `patch` (kubectl pkg/cmd/patch/patch.go): send the user's patch to each object and
 * report `patched` or `patched (no change)` by comparing the object before and after; with --local
 * (or --dry-run=client) apply it here instead.
 */
import { applyJsonPatch, applyMergePatch, applyStrategicMergePatch, patchMetaFor, type KObject } from '@mk/api';
import { isApiError, type ApiClient } from '@mk/client';
import { goJson } from '../manifests/go-json';
import { dryRunQuery, type DryRunStrategy } from './dry-run';
import type { ResultPrinter } from './print-result';
import type { Selection } from './select-targets';
import { targetPath, type Target } from './targets';
import { JSON_PATCH, MERGE_PATCH, STRATEGIC_MERGE_PATCH, usesStrategicMergePatch } from './three-way-patch';

/** `--type` values and their content types. */
export const PATCH_TYPES = { json: JSON_PATCH, merge: MERGE_PATCH, strategic: STRATEGIC_MERGE_PATCH } as const;

/** One of `json`, `merge`, `strategic`. */
export type PatchTypeName = keyof typeof PATCH_TYPES;

/** What `patch` was asked to send. */
export interface PatchPlan {
  type: PatchTypeName;
  patch: unknown;
  local: boolean;
  dryRun: DryRunStrategy;
  fieldManager: string;
  subresource?: string;
}

/** Patches every selected object; returns the per-object errors and how many objects were visited. */
export async function patchObjects(client: ApiClient, printer: ResultPrinter, selection: Selection, plan: PatchPlan): Promise<{ errors: unknown[]; count: number }> {
  const errors: unknown[] = [...selection.errors];
  let count = 0;
  for (const target of selection.targets) {
    count++;
    try {
      const before = plan.local ? (target.object ?? {}) : await client.request<KObject>('GET', targetPath(client, target, plan.subresource));
      const after = plan.local || plan.dryRun === 'client' ? patchLocally(target, before, plan) : await sendPatch(client, target, plan);
      const operation = goJson(before) === goJson(after) ? 'patched (no change)' : 'patched';
      // kubectl patch applies the dry-run suffix before it sets the operation, so its lines never carry one.
      printer.print(after, target.resource, target.name, operation);
    } catch (err) {
      errors.push(err);
    }
  }
  return { errors, count };
}

async function sendPatch(client: ApiClient, target: Target, plan: PatchPlan): Promise<KObject> {
  const contentType = PATCH_TYPES[plan.type];
  try {
    return await client.request<KObject>('PATCH', targetPath(client, target, plan.subresource), {
      body: plan.patch,
      contentType,
      query: { ...dryRunQuery(plan.dryRun), fieldManager: plan.fieldManager },
    });
  } catch (err) {
    if (isApiError(err) && err.code === 415) {
      const r = target.resource;
      throw new Error(`${contentType} is not supported by ${r.group}/${r.version}, Kind=${r.kind}: ${err.message}`);
    }
    throw err;
  }
}

function patchLocally(target: Target, before: KObject, plan: PatchPlan): KObject {
  const r = target.resource;
  switch (plan.type) {
    case 'json':
      return applyJsonPatch(before, plan.patch) as KObject;
    case 'merge':
      return applyMergePatch(before, plan.patch) as KObject;
    case 'strategic':
      if (!usesStrategicMergePatch(r)) {
        throw new Error(`strategic merge patch is not supported for ${r.group}/${r.version}, Kind=${r.kind} locally, try --type merge`);
      }
      return applyStrategicMergePatch(before, plan.patch, patchMetaFor(r.group, r.version, r.kind)) as KObject;
  }
}
