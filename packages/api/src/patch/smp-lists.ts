/**
 * List helpers of strategic merge patch: element kinds, merge-key lookups, and the ordering
 * rules that decide where merged, patched and server-only items end up.
 */
import { smpError } from './smp-errors';
import { DIRECTIVE_MARKER } from './smp-directives';
import { hasKey, isJsonObject, jsonKind, type JsonKind } from './json';

/** The common JSON kind of the elements of some lists; throws when they differ or are lists. */
export function elementKind(...lists: unknown[][]): JsonKind {
  let kind: JsonKind | undefined;
  for (const list of lists) {
    for (const item of list) {
      const current = jsonKind(item);
      if (kind === undefined) {
        if (current === 'array') throw smpError.noListOfLists();
        kind = current;
      } else if (current !== kind) {
        throw smpError.mixedListTypes(lists);
      }
    }
  }
  if (kind === undefined) throw smpError.noElements();
  return kind;
}

/** How Go's `%v` prints a scalar: the basis of every scalar sort in the algorithm. */
export function scalarText(value: unknown): string {
  return value === null || value === undefined ? '<nil>' : String(value);
}

/** Scalars sorted by their text, as upstream sorts them. */
export function sortScalars(values: unknown[]): unknown[] {
  return [...values].sort((a, b) => compareText(scalarText(a), scalarText(b)));
}

/** Byte-wise string order, as Go compares strings. */
export function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Scalars without duplicates, first occurrence kept. */
export function dedupeScalars(values: unknown[]): unknown[] {
  return [...new Set(values)];
}

/** Throws unless every item of every list is a map carrying `mergeKey`. */
export function requireMergeKey(mergeKey: string, ...lists: unknown[][]): void {
  for (const list of lists) {
    for (const item of list) {
      if (!isJsonObject(item)) throw smpError.expectedMap(item);
      if (!hasKey(item, mergeKey)) throw smpError.noMergeKey(item, mergeKey);
    }
  }
}

/** Splits list items into those without and those with `$patch: delete`. */
export function splitDeleteDirectives(list: unknown[]): { kept: unknown[]; deletes: unknown[] } {
  const kept: unknown[] = [];
  const deletes: unknown[] = [];
  for (const item of list) {
    if (!isJsonObject(item)) throw smpError.expectedMap(item);
    if (item[DIRECTIVE_MARKER] === 'delete') deletes.push(item);
    else kept.push(item);
  }
  return { kept, deletes };
}

/** The identity an item is matched by: its merge key value for maps, itself for scalars. */
function identity(item: unknown, mergeKey: string, kind: JsonKind): unknown {
  if (kind !== 'object') return item;
  return isJsonObject(item) ? item[mergeKey] : undefined;
}

/** A lookup of the first position of each item identity in `order`. */
function positionsIn(order: unknown[], mergeKey: string, kind: JsonKind): (item: unknown) => number {
  const positions = new Map<unknown, number>();
  order.forEach((item, i) => {
    const id = identity(item, mergeKey, kind);
    if (!positions.has(id)) positions.set(id, i);
  });
  return (item) => positions.get(identity(item, mergeKey, kind)) ?? -1;
}

/**
 * Sorts `items` by their position in `order` (delete directives go last). Items missing from
 * `order` sort as upstream's comparator makes them (it calls such pairs "less"), which an
 * insertion sort reproduces exactly.
 */
export function sortByOrder(items: unknown[], order: unknown[], mergeKey: string, kind: JsonKind): unknown[] {
  let sortable = items;
  let deletes: unknown[] = [];
  if (kind === 'object') {
    requireMergeKey(mergeKey, items, order);
    ({ kept: sortable, deletes } = splitDeleteDirectives(items));
  }
  const position = positionsIn(order, mergeKey, kind);
  const less = (a: unknown, b: unknown): boolean => {
    const pa = position(a);
    const pb = position(b);
    return pa >= 0 && pb >= 0 ? pa < pb : true;
  };
  const sorted = [...sortable];
  for (let i = 1; i < sorted.length; i++) {
    for (let j = i; j > 0 && less(sorted[j], sorted[j - 1]); j--) {
      [sorted[j], sorted[j - 1]] = [sorted[j - 1], sorted[j]];
    }
  }
  return [...sorted, ...deletes];
}

/**
 * Interleaves server-only items (`left`) into patch items (`right`), keeping each side's
 * relative order: a server-only item goes before the first patch item it precedes in the
 * live list.
 */
export function interleave(left: unknown[], right: unknown[], serverOrder: unknown[], mergeKey: string, kind: JsonKind): unknown[] {
  const position = positionsIn(serverOrder, mergeKey, kind);
  const result: unknown[] = [];
  let i = 0;
  let j = 0;
  while (i < left.length || j < right.length) {
    if (i >= left.length) result.push(right[j++]);
    else if (j >= right.length) result.push(left[i++]);
    else {
      const pl = position(left[i]);
      const pr = position(right[j]);
      if (pl >= 0 && pr >= 0 && pl < pr) result.push(left[i++]);
      else result.push(right[j++]);
    }
  }
  return result;
}

/** Orders patch items by `patchOrder`, server-only items by `serverOrder`, then interleaves them. */
export function normalizeElementOrder(
  patchItems: unknown[],
  serverOnly: unknown[],
  patchOrder: unknown[],
  serverOrder: unknown[],
  mergeKey: string,
  kind: JsonKind,
): unknown[] {
  const patchSorted = sortByOrder(patchItems, patchOrder, mergeKey, kind);
  const serverSorted = sortByOrder(serverOnly, serverOrder, mergeKey, kind);
  return interleave(serverSorted, patchSorted, serverOrder, mergeKey, kind);
}

/** Splits `merged` into items present in `reference` (by merge key, or by value without one) and the others. */
export function partitionByPresence(
  merged: unknown[],
  reference: unknown[],
  mergeKey: string,
): { present: unknown[]; absent: unknown[] } {
  const kind: JsonKind = mergeKey ? 'object' : 'string';
  if (mergeKey) {
    requireMergeKey(mergeKey, merged);
    for (const item of reference) if (!isJsonObject(item)) throw smpError.expectedMap(item);
  }
  const ids = new Set(reference.map((item) => identity(item, mergeKey, kind)));
  const present: unknown[] = [];
  const absent: unknown[] = [];
  for (const item of merged) (ids.has(identity(item, mergeKey, kind)) ? present : absent).push(item);
  return { present, absent };
}
