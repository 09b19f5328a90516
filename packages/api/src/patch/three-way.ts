/**
 * The three-way patches of client-side `kubectl apply`: `original` is the last-applied
 * configuration (annotation), `modified` the new manifest, `current` the live object.
 * Deletions come from original→modified (so fields set only by the server or by other tools
 * survive), additions and changes from current→modified.
 */
import { createMergePatch, applyMergePatch } from './merge-patch';
import { diffObjects } from './smp-diff';
import type { DiffOptions } from './smp-diff-lists';
import { MERGE_PATCHES, mergeMaps } from './smp-merge';
import { PLAIN_FIELD, type PatchMeta } from './patch-meta';
import { cloneJson, isJsonObject, type JsonObject } from './json';

/**
 * Client-side apply's strategic merge patch (apimachinery's `CreateThreeWayMergePatch` with
 * `overwrite=true`, as kubectl calls it): applying the result to `current` gives what kubectl
 * would produce, and an unchanged manifest yields `{}`.
 */
export function createThreeWayStrategicMergePatch(
  original: JsonObject | undefined,
  modified: JsonObject,
  current: JsonObject,
  meta: PatchMeta = PLAIN_FIELD,
): JsonObject {
  const base: Omit<DiffOptions, 'ignoreDeletions' | 'ignoreChangesAndAdditions'> = {
    setElementOrder: true,
    buildRetainKeysDirective: false,
  };
  const delta = diffObjects(current, modified, meta, { ...base, ignoreDeletions: true, ignoreChangesAndAdditions: false });
  const deletions = diffObjects(original ?? {}, modified, meta, { ...base, ignoreDeletions: false, ignoreChangesAndAdditions: true });
  return mergeMaps(cloneJson(deletions), cloneJson(delta), meta, MERGE_PATCHES);
}

/**
 * Client-side apply's JSON merge patch for kinds without strategic-merge metadata (custom
 * resources; apimachinery's `CreateThreeWayJSONMergePatch`): lists are replaced whole.
 */
export function createThreeWayJsonMergePatch(original: JsonObject | undefined, modified: JsonObject, current: JsonObject): JsonObject {
  const additionsAndChanges = keepNulls(createMergePatch(current, modified), false);
  const deletions = keepNulls(createMergePatch(original ?? {}, modified), true);
  return mergePatches(deletions, additionsAndChanges);
}

/** Keeps only the `null`s of a merge patch (`keep`) or everything but them. Empty maps set on purpose stay values. */
function keepNulls(patch: JsonObject, keep: boolean): JsonObject {
  const result: JsonObject = {};
  for (const [key, value] of Object.entries(patch)) {
    if (value === null) {
      if (keep) result[key] = null;
    } else if (isJsonObject(value) && Object.keys(value).length > 0) {
      const nested = keepNulls(value, keep);
      if (Object.keys(nested).length > 0) result[key] = nested;
    } else if (!keep) {
      result[key] = value;
    }
  }
  return result;
}

/** Merges two merge patches, keeping the first one's `null`s (evanphx's `MergePatch` on patches). */
function mergePatches(first: JsonObject, second: JsonObject): JsonObject {
  const result = cloneJson(first);
  for (const [key, value] of Object.entries(second)) {
    const existing = result[key];
    result[key] = isJsonObject(existing) && isJsonObject(value) ? mergePatches(existing, value) : applyMergePatch(existing, value);
  }
  return result;
}
