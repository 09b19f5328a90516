/**
 * Which fields changed between two versions of an object (structured-merge-diff's
 * `Compare`): leaves are added, removed or modified; list items and maps that appear or
 * disappear are added or removed themselves too.
 */
import { deepEqual, isJsonObject, jsonKind } from '../json';
import { applyListKind, fieldMeta, itemMeta, type FieldMeta } from '../patch-meta';
import { serializeElement, type FieldPath } from './field-path';
import { FieldSet } from './field-set';
import { indexList } from './list-items';

/** The changes from one object to another, as field sets. */
export interface Comparison {
  readonly added: FieldSet;
  readonly modified: FieldSet;
  readonly removed: FieldSet;
}

/** Compares `before` and `after` (objects) under `meta`. */
export function compareObjects(before: unknown, after: unknown, meta: FieldMeta): Comparison {
  const comparison = { added: new FieldSet(), modified: new FieldSet(), removed: new FieldSet() };
  walk(before, after, meta, [], comparison);
  return comparison;
}

/** True when the value is compared as one leaf under `meta`. */
function isLeaf(before: unknown, after: unknown, meta: FieldMeta): boolean {
  const sample = before === undefined ? after : before;
  if (after !== undefined && before !== undefined && jsonKind(before) !== jsonKind(after)) return true;
  if (Array.isArray(sample)) {
    const emptyBoth = ((before as unknown[] | undefined)?.length ?? 0) === 0 && ((after as unknown[] | undefined)?.length ?? 0) === 0;
    return applyListKind(meta).type === 'atomic' || emptyBoth;
  }
  if (isJsonObject(sample)) {
    const size = (v: unknown) => (isJsonObject(v) ? Object.keys(v).length : 0);
    return meta.atomic === true || (size(before) === 0 && size(after) === 0);
  }
  return true;
}

function walk(before: unknown, after: unknown, meta: FieldMeta, path: FieldPath, out: Comparison): void {
  if (before === undefined && after === undefined) return;
  if (isLeaf(before, after, meta)) {
    if (before === undefined) out.added.insert(path);
    else if (after === undefined) out.removed.insert(path);
    else if (!deepEqual(before, after)) out.modified.insert(path);
    return;
  }
  if (Array.isArray(before ?? after)) walkList((before as unknown[]) ?? [], (after as unknown[]) ?? [], meta, path, out);
  else walkMap((before ?? {}) as Record<string, unknown>, (after ?? {}) as Record<string, unknown>, meta, path, out);
  if (before === undefined) out.added.insert(path);
  else if (after === undefined) out.removed.insert(path);
}

function walkMap(before: Record<string, unknown>, after: Record<string, unknown>, meta: FieldMeta, path: FieldPath, out: Comparison): void {
  const keys = new Set([...Object.keys(before), ...Object.keys(after)]);
  for (const key of keys) walk(before[key], after[key], fieldMeta(meta, key), [...path, { field: key }], out);
}

function walkList(before: unknown[], after: unknown[], meta: FieldMeta, path: FieldPath, out: Comparison): void {
  const kind = applyListKind(meta);
  const left = indexList(before, kind, meta, path);
  const right = indexList(after, kind, meta, path);
  const seen = new Set<string>();
  for (const element of [...left.elements, ...right.elements]) {
    const id = serializeElement(element);
    if (seen.has(id)) continue;
    seen.add(id);
    walk(left.items.get(id), right.items.get(id), itemMeta(meta), [...path, element], out);
  }
}
