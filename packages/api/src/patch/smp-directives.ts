/**
 * The strategic merge patch directives (`$patch`, `$retainKeys`, `$setElementOrder/<field>`,
 * `$deleteFromPrimitiveList/<field>`) and the small operations on them.
 */
import { smpError } from './smp-errors';
import { deepEqual, hasKey, isJsonObject, type JsonObject } from './json';

export const DIRECTIVE_MARKER = '$patch';
export const RETAIN_KEYS_DIRECTIVE = '$retainKeys';
export const SET_ELEMENT_ORDER_PREFIX = '$setElementOrder';
export const DELETE_FROM_PRIMITIVE_LIST_PREFIX = '$deleteFromPrimitiveList';

/** How a merge proceeds: server-side application of a patch, or merging two patches (three-way). */
export interface MergeOptions {
  /** Apply `$setElementOrder`/`$deleteFromPrimitiveList` (server side) instead of carrying them over. */
  readonly mergeParallelList: boolean;
  /** Drop `null`s that match nothing (server side) instead of keeping them as deletions. */
  readonly ignoreUnmatchedNulls: boolean;
}

/** The field name after a `$prefix/` directive key; throws the upstream format error otherwise. */
export function fieldOfDirective(key: string, prefix: string): string {
  const slash = key.indexOf('/');
  if (slash < 0 || key.slice(0, slash) !== prefix) {
    throw prefix === SET_ELEMENT_ORDER_PREFIX ? smpError.badSetElementOrderFormat() : smpError.badPrimitiveListFormat();
  }
  return key.slice(slash + 1);
}

/** True for a list element or map carrying a `$patch` directive. */
export function hasDirectiveMarker(item: unknown): boolean {
  return isJsonObject(item) && hasKey(item, DIRECTIVE_MARKER);
}

/**
 * Strips directive-carrying maps from a value taken from a patch. Returns `keep: false` when the
 * value itself is such a map. Works in place.
 */
export function removeDirectives(value: unknown): { value: unknown; keep: boolean } {
  if (Array.isArray(value)) {
    const kept: unknown[] = [];
    for (const item of value) {
      const result = removeDirectives(item);
      if (result.keep) kept.push(result.value);
    }
    return { value: kept, keep: true };
  }
  if (!isJsonObject(value)) return { value, keep: true };
  if (hasKey(value, DIRECTIVE_MARKER)) return { value: undefined, keep: false };
  for (const key of Object.keys(value)) {
    const result = removeDirectives(value[key]);
    if (result.keep) value[key] = result.value;
    else delete value[key];
  }
  return { value, keep: true };
}

/** Drops every `null` member of objects in `value` (recursively), in place. */
export function discardNulls(value: unknown): void {
  if (Array.isArray(value)) value.forEach(discardNulls);
  else if (isJsonObject(value)) {
    for (const key of Object.keys(value)) {
      if (value[key] === null) delete value[key];
      else discardNulls(value[key]);
    }
  }
}

/** Drops keys that are parallel-list or retain-keys directives, recursively, in place. */
export function discardDirectiveKeys(value: unknown): void {
  if (Array.isArray(value)) value.forEach(discardDirectiveKeys);
  else if (isJsonObject(value)) {
    for (const key of Object.keys(value)) {
      if (isDirectiveKey(key)) delete value[key];
      else discardDirectiveKeys(value[key]);
    }
  }
}

function isDirectiveKey(key: string): boolean {
  return (
    key === DIRECTIVE_MARKER ||
    key === RETAIN_KEYS_DIRECTIVE ||
    key.startsWith(`${SET_ELEMENT_ORDER_PREFIX}/`) ||
    key.startsWith(`${DELETE_FROM_PRIMITIVE_LIST_PREFIX}/`)
  );
}

/**
 * A value taken verbatim from a patch into the result. Server side, upstream stores it as sent
 * and the typed decode that follows drops its `null`s and unknown `$…` keys; mk stores JSON, so
 * the same cleaning happens here.
 */
export function storedFromPatch<T>(value: T, options: MergeOptions): T {
  if (options.ignoreUnmatchedNulls) {
    discardNulls(value);
    discardDirectiveKeys(value);
  }
  return value;
}

/** `$patch` on a map: `replace` yields the patch itself, `delete` an empty map. */
export function applyMapDirective(directive: unknown, patch: JsonObject): JsonObject {
  if (directive === 'replace') {
    delete patch[DIRECTIVE_MARKER];
    return patch;
  }
  if (directive === 'delete') return {};
  throw smpError.badPatchType(directive, patch);
}

/**
 * Applies a `$retainKeys` directive: clears every key of `original` it does not list, after
 * checking that the patch sets no key outside the list. When merging two patches the
 * directive is carried over instead.
 */
export function applyRetainKeys(original: JsonObject, patch: JsonObject, options: MergeOptions): void {
  if (!hasKey(patch, RETAIN_KEYS_DIRECTIVE)) return;
  const retained = patch[RETAIN_KEYS_DIRECTIVE];
  delete patch[RETAIN_KEYS_DIRECTIVE];
  if (!options.mergeParallelList) {
    if (!hasKey(original, RETAIN_KEYS_DIRECTIVE)) original[RETAIN_KEYS_DIRECTIVE] = retained;
    else if (!deepEqual(original[RETAIN_KEYS_DIRECTIVE], retained)) {
      throw smpError.badRetainKeysFormat();
    }
    return;
  }
  if (!Array.isArray(retained)) throw smpError.badRetainKeysFormat();
  const keep = new Set(retained);
  for (const [key, value] of Object.entries(patch)) {
    if (value === null || key.startsWith(DELETE_FROM_PRIMITIVE_LIST_PREFIX) || key.startsWith(SET_ELEMENT_ORDER_PREFIX)) {
      continue;
    }
    if (!keep.has(key)) throw smpError.badRetainKeysFormat();
  }
  for (const key of Object.keys(original)) {
    if (!keep.has(key)) delete original[key];
  }
}
