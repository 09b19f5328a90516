/**
 * Applying a strategic merge patch (`application/strategic-merge-patch+json`), as the API
 * server does for `kubectl apply`, `edit`, `set image`, `rollout restart/pause/resume` and
 * `kubectl patch` (whose default type is strategic).
 */
import { PatchError } from './errors';
import { APPLY_TO_OBJECT, mergeMaps } from './smp-merge';
import { PLAIN_FIELD, type PatchMeta } from './patch-meta';
import { cloneJson, isJsonObject, jsonKind, type JsonObject } from './json';

/**
 * Applies `patch` to `original` with the merge rules of `meta` (see `patchMetaFor`): maps merge
 * and `null` deletes; merge lists merge by key (`$patch: delete` elements remove, unmatched
 * elements are appended) or as sets of primitives; other lists are replaced; `$patch: replace`
 * / `delete`, `$retainKeys`, `$setElementOrder/…` and `$deleteFromPrimitiveList/…` are honoured.
 * Inputs are not modified. Throws `PatchError` for malformed patches.
 */
export function applyStrategicMergePatch(original: unknown, patch: unknown, meta: PatchMeta = PLAIN_FIELD): JsonObject {
  if (!isJsonObject(patch)) {
    throw new PatchError(`json: cannot unmarshal ${jsonKind(patch)} into Go value of type map[string]interface {}`, 400);
  }
  if (!isJsonObject(original)) throw new PatchError('invalid JSON document', 400);
  return mergeMaps(cloneJson(original), cloneJson(patch), meta, APPLY_TO_OBJECT);
}
