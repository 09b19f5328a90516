/**
 * Merging a strategic merge patch map into an original map (apimachinery's `mergeMap`), the
 * heart of both applying a patch (server side) and combining two patches (three-way apply).
 */
import {
  DELETE_FROM_PRIMITIVE_LIST_PREFIX,
  DIRECTIVE_MARKER,
  applyMapDirective,
  applyRetainKeys,
  discardNulls,
  fieldOfDirective,
  removeDirectives,
  storedFromPatch,
  type MergeOptions,
} from './smp-directives';
import { applySetElementOrders } from './smp-element-order';
import { mergeListField, type MapMerger } from './smp-merge-list';
import { fieldMeta, type FieldMeta } from './patch-meta';
import { hasKey, isJsonObject, jsonKind, type JsonObject } from './json';

/** Options for applying a patch to an object, as the API server does. */
export const APPLY_TO_OBJECT: MergeOptions = { mergeParallelList: true, ignoreUnmatchedNulls: true };

/** Options for merging one patch into another, keeping directives and deletions. */
export const MERGE_PATCHES: MergeOptions = { mergeParallelList: false, ignoreUnmatchedNulls: false };

/** Merges `patch` into `original` following `meta`. Works in place on both; callers pass copies. */
export function mergeMaps(original: JsonObject, patch: JsonObject, meta: FieldMeta, options: MergeOptions): JsonObject {
  if (hasKey(patch, DIRECTIVE_MARKER)) return storedFromPatch(applyMapDirective(patch[DIRECTIVE_MARKER], patch), options);
  const mergeMap: MapMerger = (o, p, m) => mergeMaps(o, p, m, options);
  applyRetainKeys(original, patch, options);
  applySetElementOrders(original, patch, { options, mergeMap, structMeta: meta });

  for (const key of Object.keys(patch)) {
    const patchValue = patch[key];
    let field = key;
    let isDeleteList = false;
    if (key.startsWith(DELETE_FROM_PRIMITIVE_LIST_PREFIX)) {
      if (!options.mergeParallelList) {
        original[key] = patchValue;
        continue;
      }
      field = fieldOfDirective(key, DELETE_FROM_PRIMITIVE_LIST_PREFIX);
      isDeleteList = true;
    }
    if (patchValue === null) {
      delete original[field];
      // Server side a null only deletes; between patches it is kept as a deletion.
      if (options.ignoreUnmatchedNulls) continue;
    }
    if (!hasKey(original, field) || jsonKind(original[field]) !== jsonKind(patchValue)) {
      if (!isDeleteList) setFromPatch(original, field, patchValue, options);
      continue;
    }
    const childMeta = fieldMeta(meta, field);
    const current = original[field];
    if (isJsonObject(current)) {
      original[field] =
        childMeta.patchStrategy === 'replace'
          ? storedFromPatch(patchValue, options)
          : mergeMaps(current, patchValue as JsonObject, childMeta, options);
    } else if (Array.isArray(current)) {
      original[field] = mergeListField(current, patchValue, isDeleteList, { fieldName: field, meta: childMeta, options, mergeMap });
    } else {
      setFromPatch(original, field, patchValue, options);
    }
  }
  return original;
}

/** Takes a value the original lacks (or holds with another type) from the patch. */
function setFromPatch(target: JsonObject, field: string, value: unknown, options: MergeOptions): void {
  if (options.ignoreUnmatchedNulls) discardNulls(value);
  const result = removeDirectives(value);
  if (result.keep) target[field] = result.value;
  else delete target[field];
}
