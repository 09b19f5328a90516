/**
 * How server-side apply identifies list items: a set item by its value, a list-map item by its
 * key fields (with the API server's defaults for omitted keys, e.g. `protocol: TCP`).
 */
import { PatchError } from '../errors';
import { isJsonObject } from '../json';
import type { ApplyListKind, FieldMeta } from '../patch-meta';
import { formatPath, keyElement, serializeElement, type FieldPath, type PathElement } from './field-path';

/** The error upstream reports for an item it cannot identify (an internal error, 500). */
function badItem(path: FieldPath, index: number, detail: string): PatchError {
  return new PatchError(`failed to create typed object: ${formatPath(path)}: element ${index}: ${detail}`, 500);
}

/** The path element of item `index` of the non-atomic list at `path`. */
export function itemElement(item: unknown, kind: ApplyListKind, meta: FieldMeta, index: number, path: FieldPath): PathElement {
  if (kind.type === 'set') {
    if (isJsonObject(item) || Array.isArray(item)) throw badItem(path, index, `expected a scalar, got ${JSON.stringify(item)}`);
    return { value: item };
  }
  if (kind.type !== 'map' || !isJsonObject(item)) throw badItem(path, index, `expected a map, got ${JSON.stringify(item)}`);
  const fields: Record<string, unknown> = {};
  for (const name of kind.keys) {
    const value = item[name] ?? meta.keyDefaults?.[name];
    if (value === undefined) {
      throw badItem(path, index, `associative list with keys has an element that omits key field "${name}" (and doesn't have default value)`);
    }
    fields[name] = value;
  }
  return keyElement(fields);
}

/** A list's items by element: the elements in list order and the first item of each. */
export interface IndexedList {
  readonly elements: PathElement[];
  readonly items: Map<string, unknown>;
}

/**
 * Indexes the list at `path` by item element. Live lists may hold duplicates (later ones keep
 * their place but are not addressable); an applied configuration may not, as upstream rejects it.
 */
export function indexList(list: unknown[], kind: ApplyListKind, meta: FieldMeta, path: FieldPath, allowDuplicates = true): IndexedList {
  const elements: PathElement[] = [];
  const items = new Map<string, unknown>();
  list.forEach((item, i) => {
    const element = itemElement(item, kind, meta, i, path);
    const id = serializeElement(element);
    if (items.has(id) && !allowDuplicates) {
      throw new PatchError(`failed to create typed patch object: ${formatPath(path)}: duplicate entries for key ${formatPath([element])}`, 500);
    }
    elements.push(element);
    if (!items.has(id)) items.set(id, item);
  });
  return { elements, items };
}
