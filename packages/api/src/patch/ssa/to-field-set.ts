/**
 * The fields an applied configuration sets (structured-merge-diff's `ToFieldSet`): every
 * scalar, atomic list or map, list item, empty map and null is a member; a non-empty struct
 * is only the parent of its members.
 */
import { isJsonObject } from '../json';
import { applyListKind, fieldMeta, itemMeta, type FieldMeta } from '../patch-meta';
import { FieldSet } from './field-set';
import type { FieldPath } from './field-path';
import { indexList } from './list-items';

/** The field set of `value` (an object) under `meta`; rejects duplicate list-map keys as upstream does. */
export function toFieldSet(value: unknown, meta: FieldMeta): FieldSet {
  const set = new FieldSet();
  visit(value, meta, [], set);
  return set;
}

function visit(value: unknown, meta: FieldMeta, path: FieldPath, set: FieldSet): void {
  if (Array.isArray(value)) {
    const kind = applyListKind(meta);
    if (kind.type === 'atomic') {
      set.insert(path);
      return;
    }
    const { elements } = indexList(value, kind, meta, path, false);
    value.forEach((item, i) => {
      const itemPath = [...path, elements[i]];
      set.insert(itemPath);
      if (isJsonObject(item)) visit(item, itemMeta(meta), itemPath, set);
    });
  } else if (isJsonObject(value)) {
    if (meta.atomic) {
      set.insert(path);
      return;
    }
    for (const [key, child] of Object.entries(value)) {
      const childPath = [...path, { field: key }];
      visit(child, fieldMeta(meta, key), childPath, set);
      if (child === null || (isJsonObject(child) && Object.keys(child).length === 0)) set.insert(childPath);
    }
  } else {
    set.insert(path);
  }
}
