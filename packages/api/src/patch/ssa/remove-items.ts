/**
 * Removing owned paths from an object (structured-merge-diff's `RemoveItems`): a member path
 * removes the field or list item with everything below it; a map or list left empty by the
 * removal disappears too (upstream turns it into null, which decodes as absent).
 */
import { isJsonObject, type JsonObject } from '../json';
import { applyListKind, fieldMeta, itemMeta, type FieldMeta } from '../patch-meta';
import type { FieldPath } from './field-path';
import type { FieldSet } from './field-set';
import { indexList } from './list-items';

/** `value` (an object) without the members of `set`. */
export function removeItems(value: JsonObject, set: FieldSet, meta: FieldMeta): JsonObject {
  return (remove(value, set, meta, []) ?? {}) as JsonObject;
}

function remove(value: unknown, set: FieldSet, meta: FieldMeta, path: FieldPath): unknown {
  if (Array.isArray(value)) {
    const kind = applyListKind(meta);
    if (kind.type === 'atomic') return value;
    const { elements } = indexList(value, kind, meta, path);
    const kept: unknown[] = [];
    value.forEach((item, i) => {
      const element = elements[i];
      if (set.hasMember(element)) return;
      const below = set.childSet(element);
      kept.push(below.isEmpty() ? item : remove(item, below, itemMeta(meta), [...path, element]));
    });
    return kept.length > 0 ? kept : undefined;
  }
  if (isJsonObject(value)) {
    if (meta.atomic) return value;
    const out: JsonObject = {};
    for (const [key, child] of Object.entries(value)) {
      const element = { field: key };
      if (set.hasMember(element)) continue;
      const below = set.childSet(element);
      const kept = below.isEmpty() ? child : remove(child, below, fieldMeta(meta, key), [...path, element]);
      if (kept !== undefined) out[key] = kept;
    }
    return Object.keys(out).length > 0 ? out : undefined;
  }
  return value;
}

