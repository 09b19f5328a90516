/**
 * Diffing two objects into a strategic merge patch (apimachinery's `diffMaps`), and the
 * two-way patch `kubectl edit` and `kubectl set …` send.
 */
import { DELETE_FROM_PRIMITIVE_LIST_PREFIX, DIRECTIVE_MARKER, RETAIN_KEYS_DIRECTIVE, SET_ELEMENT_ORDER_PREFIX } from './smp-directives';
import { diffMergeList, type DiffOptions } from './smp-diff-lists';
import { smpError } from './smp-errors';
import { sortScalars } from './smp-lists';
import { PLAIN_FIELD, fieldMeta, type FieldMeta, type PatchMeta } from './patch-meta';
import { cloneJson, deepEqual, hasKey, isJsonObject, jsonKind, type JsonObject } from './json';

/**
 * The patch that turns `original` into `modified`: added and changed fields, `null` for removed
 * fields, and for merge lists the changed elements, deletion directives and the element order.
 */
export function diffObjects(original: JsonObject, modified: JsonObject, meta: FieldMeta, options: DiffOptions): JsonObject {
  const patch: JsonObject = {};
  const retainKeys: string[] = [];
  for (const [key, value] of Object.entries(modified)) {
    if (options.buildRetainKeysDirective && value !== null) retainKeys.push(key);
    if (!hasKey(original, key)) {
      if (!options.ignoreChangesAndAdditions) patch[key] = value;
      continue;
    }
    const before = original[key];
    if (key === DIRECTIVE_MARKER) {
      if (typeof before !== 'string' || typeof value !== 'string') throw smpError.invalidDirectiveValue();
      if (before !== value) patch[key] = value;
    } else if (jsonKind(before) !== jsonKind(value)) {
      if (!options.ignoreChangesAndAdditions) patch[key] = value;
    } else if (isJsonObject(before)) {
      diffMapField(key, before, value as JsonObject, patch, fieldMeta(meta, key), options);
    } else if (Array.isArray(before)) {
      diffListField(key, before, value as unknown[], patch, fieldMeta(meta, key), options);
    } else if (!options.ignoreChangesAndAdditions && !deepEqual(before, value)) {
      patch[key] = value;
    }
  }
  if (!options.ignoreDeletions) {
    for (const key of Object.keys(original)) if (!hasKey(modified, key)) patch[key] = null;
  }
  // Clear fields the modified map dropped, or keep the directive next to other changes.
  if (retainKeys.length > 0 && (Object.keys(patch).length > 0 || hasDroppedField(original, modified))) {
    patch[RETAIN_KEYS_DIRECTIVE] = sortScalars(retainKeys);
  }
  return patch;
}

function diffMapField(key: string, before: JsonObject, after: JsonObject, patch: JsonObject, meta: FieldMeta, options: DiffOptions): void {
  if (meta.patchStrategy === 'replace') {
    if (!options.ignoreChangesAndAdditions) patch[key] = after;
    return;
  }
  const nested = diffObjects(before, after, meta, { ...options, buildRetainKeysDirective: meta.retainKeys === true });
  if (Object.keys(nested).length > 0) patch[key] = nested;
}

function diffListField(key: string, before: unknown[], after: unknown[], patch: JsonObject, meta: FieldMeta, options: DiffOptions): void {
  if (meta.patchStrategy !== 'merge') {
    if (!options.ignoreChangesAndAdditions && !deepEqual(before, after)) patch[key] = after;
    return;
  }
  const listOptions = { ...options, buildRetainKeysDirective: meta.retainKeys === true };
  const diff = diffMergeList(before, after, meta, listOptions, diffObjects);
  if (diff.patch.length > 0) patch[key] = diff.patch;
  if (diff.deletions.length > 0) patch[`${DELETE_FROM_PRIMITIVE_LIST_PREFIX}/${key}`] = diff.deletions;
  if (diff.order.length > 0) patch[`${SET_ELEMENT_ORDER_PREFIX}/${key}`] = diff.order;
}

function hasDroppedField(original: JsonObject, modified: JsonObject): boolean {
  return Object.entries(original).some(([key, value]) => value !== null && !hasKey(modified, key));
}

/**
 * The strategic merge patch that turns `original` into `modified` (apimachinery's
 * `CreateTwoWayMergePatch`, with `$setElementOrder` lists as kubectl sends them).
 */
export function createTwoWayStrategicMergePatch(original: JsonObject, modified: JsonObject, meta: PatchMeta = PLAIN_FIELD): JsonObject {
  const options: DiffOptions = {
    setElementOrder: true,
    ignoreChangesAndAdditions: false,
    ignoreDeletions: false,
    buildRetainKeysDirective: false,
  };
  return cloneJson(diffObjects(original, modified, meta, options));
}
