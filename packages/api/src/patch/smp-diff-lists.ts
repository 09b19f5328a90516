/**
 * Diffing two versions of a merge list into strategic-merge-patch form: changed and added
 * elements, `$patch: delete` elements (lists of maps), a `$deleteFromPrimitiveList` list
 * (lists of primitives) and the `$setElementOrder` list kubectl sends alongside.
 */
import { DIRECTIVE_MARKER } from './smp-directives';
import { compareText, dedupeScalars, elementKind, requireMergeKey, scalarText, sortByOrder, sortScalars } from './smp-lists';
import { itemMeta, type FieldMeta } from './patch-meta';
import { deepEqual, type JsonObject } from './json';

/** Which parts of a diff to compute. */
export interface DiffOptions {
  /** Emit `$setElementOrder/<field>` lists. */
  readonly setElementOrder: boolean;
  /** Leave out changes and additions (the deletions half of a three-way patch). */
  readonly ignoreChangesAndAdditions: boolean;
  /** Leave out deletions (the changes half of a three-way patch). */
  readonly ignoreDeletions: boolean;
  /** Emit `$retainKeys` for the maps being diffed (their field has the retainKeys strategy). */
  readonly buildRetainKeysDirective: boolean;
}

/** Diffs two maps; injected so that list and map diffing live in separate files. */
export type MapDiffer = (original: JsonObject, modified: JsonObject, meta: FieldMeta, options: DiffOptions) => JsonObject;

/** The three parallel outputs of diffing a merge list. */
export interface ListDiff {
  /** Changed and added elements, then `$patch: delete` elements. */
  patch: unknown[];
  /** Primitives to remove (`$deleteFromPrimitiveList`). */
  deletions: unknown[];
  /** Final order (`$setElementOrder`): merge-key stubs or primitives. */
  order: unknown[];
}

const NO_DIFF: ListDiff = { patch: [], deletions: [], order: [] };

/** Diffs a merge list described by `meta` (the list field's metadata). */
export function diffMergeList(original: unknown[], modified: unknown[], meta: FieldMeta, options: DiffOptions, diffMap: MapDiffer): ListDiff {
  if (original.length === 0) {
    if (modified.length === 0 || options.ignoreChangesAndAdditions) return NO_DIFF;
    return { patch: modified, deletions: [], order: [] };
  }
  const kind = elementKind(original, modified);
  const mergeKey = meta.mergeKey ?? '';
  if (kind !== 'object') {
    const { added, removed } = diffScalars(original, modified, options);
    const wantOrder =
      options.setElementOrder &&
      ((!options.ignoreDeletions && removed.length > 0) || (!options.ignoreChangesAndAdditions && !deepEqual(original, modified)));
    return { patch: sortByOrder(added, modified, mergeKey, kind), deletions: removed, order: wantOrder ? modified : [] };
  }
  const { changed, removed } = diffMaps(original as JsonObject[], modified as JsonObject[], mergeKey, meta, options, diffMap);
  const patch = [...sortByOrder(changed, modified, mergeKey, kind), ...removed];
  const wantOrder =
    options.setElementOrder &&
    ((!options.ignoreChangesAndAdditions && (patch.length > 0 || !sameOrder(original, modified, mergeKey))) ||
      (!options.ignoreDeletions && patch.length > 0));
  const order = wantOrder ? (modified as JsonObject[]).map((item) => ({ [mergeKey]: item[mergeKey] })) : [];
  return { patch, deletions: [], order };
}

function sameOrder(original: unknown[], modified: unknown[], mergeKey: string): boolean {
  if (original.length !== modified.length) return false;
  requireMergeKey(mergeKey, original, modified);
  return modified.every((item, i) => (original[i] as JsonObject)[mergeKey] === (item as JsonObject)[mergeKey]);
}

/** Walks both lists sorted by merge key: matching elements are diffed, the rest added or deleted. */
function diffMaps(
  original: JsonObject[],
  modified: JsonObject[],
  mergeKey: string,
  meta: FieldMeta,
  options: DiffOptions,
  diffMap: MapDiffer,
): { changed: unknown[]; removed: unknown[] } {
  const byKey = (list: JsonObject[]) => {
    requireMergeKey(mergeKey, list);
    return [...list].sort((a, b) => compareText(scalarText(a[mergeKey]), scalarText(b[mergeKey])));
  };
  const before = byKey(original);
  const after = byKey(modified);
  const changed: unknown[] = [];
  const removed: unknown[] = [];
  let o = 0;
  let m = 0;
  while (o < before.length || m < after.length) {
    const order = o < before.length && m < after.length
      ? compareText(scalarText(before[o][mergeKey]), scalarText(after[m][mergeKey]))
      : o < before.length ? -1 : 1;
    if (order === 0) {
      const patch = diffMap(before[o], after[m], itemMeta(meta), options);
      if (Object.keys(patch).length > 0) changed.push({ ...patch, [mergeKey]: after[m][mergeKey] });
      o++;
      m++;
    } else if (order > 0) {
      if (!options.ignoreChangesAndAdditions) changed.push(after[m]);
      m++;
    } else {
      if (!options.ignoreDeletions) removed.push({ [mergeKey]: before[o][mergeKey], [DIRECTIVE_MARKER]: 'delete' });
      o++;
    }
  }
  return { changed, removed };
}

/** Walks both lists of primitives sorted by text, collecting additions and removals. */
function diffScalars(original: unknown[], modified: unknown[], options: DiffOptions): { added: unknown[]; removed: unknown[] } {
  const before = sortScalars(original);
  const after = sortScalars(modified);
  const added: unknown[] = [];
  const removed: unknown[] = [];
  let o = 0;
  let m = 0;
  while (o < before.length || m < after.length) {
    const order = o < before.length && m < after.length
      ? compareText(scalarText(before[o]), scalarText(after[m]))
      : o < before.length ? -1 : 1;
    if (order === 0) {
      o++;
      m++;
    } else if (order > 0) {
      if (!options.ignoreChangesAndAdditions) added.push(after[m]);
      m++;
    } else {
      if (!options.ignoreDeletions) removed.push(before[o]);
      o++;
    }
  }
  return { added, removed: dedupeScalars(removed) };
}
