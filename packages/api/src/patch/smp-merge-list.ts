/**
 * Applying a strategic merge patch to one list: merge lists merge by key (or as a set of
 * primitives), honour `$patch: delete`/`replace` elements and keep the upstream ordering;
 * other lists are replaced by the patch.
 */
import { smpError } from './smp-errors';
import { DIRECTIVE_MARKER, storedFromPatch, type MergeOptions } from './smp-directives';
import { dedupeScalars, elementKind, normalizeElementOrder, partitionByPresence } from './smp-lists';
import { itemMeta, type FieldMeta } from './patch-meta';
import { hasKey, isJsonObject, type JsonObject } from './json';

/** Merges a patch map into an original map; injected to keep list and map merging in separate files. */
export type MapMerger = (original: JsonObject, patch: JsonObject, meta: FieldMeta) => JsonObject;

/** What a list merge needs besides the two lists. */
export interface ListMergeContext {
  readonly fieldName: string;
  /** Metadata of the list field itself. */
  readonly meta: FieldMeta;
  readonly options: MergeOptions;
  readonly mergeMap: MapMerger;
}

/** Merges `patch` into `original` for one list field; `isDeleteList` marks a `$deleteFromPrimitiveList`. */
export function mergeListField(original: unknown, patch: unknown, isDeleteList: boolean, ctx: ListMergeContext): unknown[] {
  return mergeListFieldWithLiveOrder(original, patch, isDeleteList, ctx).merged;
}

/**
 * Like `mergeListField`, also returning the order `$setElementOrder` must treat as "live".
 * Upstream deletes and appends in place on the live list's backing array, so after a merge the
 * caller's view of the live list shows the surviving items followed by as many appended items
 * as were deleted (the array has no spare capacity once copied). That view decides where
 * server-only items land, so it is reproduced here.
 */
export function mergeListFieldWithLiveOrder(
  original: unknown,
  patch: unknown,
  isDeleteList: boolean,
  ctx: ListMergeContext,
): { merged: unknown[]; liveOrder: unknown[] } {
  if (!Array.isArray(original)) throw smpError.expectedList(original);
  if (!Array.isArray(patch)) throw smpError.expectedList(patch);
  // Delete lists apply whatever the field's strategy is, as upstream does.
  if (ctx.meta.patchStrategy === 'merge' || isDeleteList) return mergeList(original, patch, isDeleteList, ctx);
  return { merged: patch, liveOrder: original };
}

function mergeList(
  original: unknown[],
  patch: unknown[],
  isDeleteList: boolean,
  ctx: ListMergeContext,
): { merged: unknown[]; liveOrder: unknown[] } {
  if (original.length === 0 && patch.length === 0) return { merged: original, liveOrder: original };
  const kind = elementKind(original, patch);
  if (kind !== 'object') {
    if (ctx.options.mergeParallelList && isDeleteList) {
      return { merged: original.filter((item) => !patch.includes(item)), liveOrder: original };
    }
    const merged = dedupeScalars([...original, ...patch]);
    const { present, absent } = partitionByPresence(merged, patch, '');
    return { merged: normalizeElementOrder(present, absent, patch, original, '', kind), liveOrder: original };
  }
  const mergeKey = ctx.meta.mergeKey ?? '';
  if (!mergeKey) throw smpError.noMergeKeyDeclared(ctx.fieldName);
  const special = applySpecialElements(original, patch, mergeKey);
  const merged = mergeByKey(special.original, special.patch, mergeKey, ctx);
  const { present, absent } = partitionByPresence(merged, special.patch, mergeKey);
  const deleted = special.replaced ? 0 : original.length - special.original.length;
  const appended = merged.slice(special.original.length);
  return {
    merged: normalizeElementOrder(present, absent, special.patch, special.original, mergeKey, kind),
    liveOrder: special.replaced ? original : [...special.original, ...appended.slice(0, deleted)],
  };
}

/** Handles `$patch` elements: `delete` removes matching items, `replace` makes the rest the whole list. */
function applySpecialElements(
  original: unknown[],
  patch: unknown[],
  mergeKey: string,
): { original: unknown[]; patch: unknown[]; replaced: boolean } {
  const plain: unknown[] = [];
  let replace = false;
  let remaining = original;
  for (const item of patch as JsonObject[]) {
    if (!hasKey(item, DIRECTIVE_MARKER)) {
      plain.push(item);
      continue;
    }
    const directive = item[DIRECTIVE_MARKER];
    if (directive === 'delete') {
      if (!hasKey(item, mergeKey)) throw smpError.noMergeKey(item, mergeKey);
      remaining = remaining.filter((entry) => {
        if (!isJsonObject(entry)) throw smpError.expectedMap(entry);
        return !(hasKey(entry, mergeKey) && entry[mergeKey] === item[mergeKey]);
      });
    } else if (directive === 'replace') {
      replace = true;
    } else if (directive === 'merge') {
      throw smpError.listMergeDirective();
    } else {
      throw smpError.badPatchType(directive, item);
    }
  }
  return replace ? { original: plain, patch: [], replaced: true } : { original: remaining, patch: plain, replaced: false };
}

/** Merges each patch item into the original item with the same key, appending the unmatched. */
function mergeByKey(original: unknown[], patch: unknown[], mergeKey: string, ctx: ListMergeContext): unknown[] {
  const result = [...original];
  for (const item of patch as JsonObject[]) {
    if (!hasKey(item, mergeKey)) throw smpError.noMergeKey(item, mergeKey);
    const index = result.findIndex((entry) => {
      if (!isJsonObject(entry)) throw smpError.expectedMap(entry);
      return hasKey(entry, mergeKey) && entry[mergeKey] === item[mergeKey];
    });
    if (index >= 0) result[index] = ctx.mergeMap(result[index] as JsonObject, item, itemMeta(ctx.meta));
    else result.push(storedFromPatch(item, ctx.options));
  }
  return result;
}
