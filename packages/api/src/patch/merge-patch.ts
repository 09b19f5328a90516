/**
 * JSON merge patch (RFC 7386), `application/merge-patch+json`: what `kubectl label`,
 * `annotate`, `scale` and `patch --type=merge` send, and what client-side apply sends for
 * kinds without strategic-merge metadata. Written by hand because it is twenty lines and no
 * installed library implements it.
 */
import { PatchError } from './errors';
import { cloneJson, deepEqual, hasKey, isJsonObject, jsonKind, type JsonObject } from './json';

/**
 * Applies an RFC 7386 merge patch: objects merge recursively, `null` deletes a key, anything
 * else (lists included) replaces. Inputs are not modified. A `null` patch is rejected like
 * upstream (`Invalid JSON Patch`, 400).
 */
export function applyMergePatch(target: unknown, patch: unknown): unknown {
  if (patch === null || patch === undefined) throw new PatchError('Invalid JSON Patch', 400);
  return mergeValue(cloneJson(target), cloneJson(patch));
}

function mergeValue(target: unknown, patch: unknown): unknown {
  if (!isJsonObject(patch)) return patch;
  if (!isJsonObject(target)) return withoutNulls(patch);
  for (const [key, value] of Object.entries(patch)) {
    if (value === null) delete target[key];
    else target[key] = hasKey(target, key) && target[key] !== null ? mergeValue(target[key], value) : withoutNulls(value);
  }
  return target;
}

/** Drops `null` members of objects (recursively, also inside lists), as a merge patch adding a new value does. */
function withoutNulls(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutNulls);
  if (!isJsonObject(value)) return value;
  for (const key of Object.keys(value)) {
    if (value[key] === null) delete value[key];
    else value[key] = withoutNulls(value[key]);
  }
  return value;
}

/**
 * The merge patch that turns `original` into `modified` (keys missing from `modified` become
 * `null`, changed lists are sent whole), as evanphx/json-patch's `CreateMergePatch` computes it.
 */
export function createMergePatch(original: JsonObject, modified: JsonObject): JsonObject {
  const patch: JsonObject = {};
  for (const [key, value] of Object.entries(modified)) {
    if (!hasKey(original, key)) {
      patch[key] = cloneJson(value);
      continue;
    }
    const before = original[key];
    if (isJsonObject(before) && isJsonObject(value)) {
      const nested = createMergePatch(before, value);
      if (Object.keys(nested).length > 0) patch[key] = nested;
    } else if (jsonKind(before) !== jsonKind(value) || !deepEqual(before, value)) {
      patch[key] = cloneJson(value);
    }
  }
  for (const key of Object.keys(original)) {
    if (!hasKey(modified, key)) patch[key] = null;
  }
  return patch;
}
