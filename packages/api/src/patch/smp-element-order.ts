/**
 * `$setElementOrder/<field>`: a parallel list giving the final relative order of a merge list.
 * Server side it is merged with the list's patch and enforces the order (items only the
 * server knows keep their place relative to their neighbours); when merging two patches it is
 * carried over. Precedence: `$setElementOrder` > order in the patch > order in the live list.
 */
import { smpError } from './smp-errors';
import {
  SET_ELEMENT_ORDER_PREFIX,
  fieldOfDirective,
  hasDirectiveMarker,
  removeDirectives,
  storedFromPatch,
} from './smp-directives';
import { elementKind, normalizeElementOrder, partitionByPresence, splitDeleteDirectives } from './smp-lists';
import { mergeListFieldWithLiveOrder, type ListMergeContext } from './smp-merge-list';
import { fieldMeta, type FieldMeta } from './patch-meta';
import { deepEqual, hasKey, isJsonObject, type JsonObject } from './json';

/** What processing the directives of one map needs. */
export interface ElementOrderContext extends Pick<ListMergeContext, 'options' | 'mergeMap'> {
  /** Metadata of the map (struct) holding the lists. */
  readonly structMeta: FieldMeta;
}

/** Processes every `$setElementOrder` directive of `patch` (and the lists they order) into `original`, in place. */
export function applySetElementOrders(original: JsonObject, patch: JsonObject, ctx: ElementOrderContext): void {
  for (const key of Object.keys(patch)) {
    if (!key.startsWith(SET_ELEMENT_ORDER_PREFIX)) continue;
    const order = patch[key];
    if (!ctx.options.mergeParallelList) {
      if (!hasKey(original, key)) original[key] = order;
      else if (!deepEqual(original[key], order)) throw smpError.badSetElementOrderFormat();
    }
    delete patch[key];
    if (!Array.isArray(order)) throw smpError.expectedList(order);
    const field = fieldOfDirective(key, SET_ELEMENT_ORDER_PREFIX);
    const foundOriginal = hasKey(original, field);
    const foundPatch = hasKey(patch, field);
    if (!foundOriginal && !foundPatch) continue;
    const originalList = foundOriginal ? asList(original[field]) : [];
    const patchList = foundPatch ? asList(patch[field]) : [];
    const meta = fieldMeta(ctx.structMeta, field);
    const mergeKey = meta.mergeKey ?? '';
    checkOrderCoversPatch(patchList, order, mergeKey);

    let merged: unknown[];
    let liveOrder = originalList;
    if (!foundPatch) merged = originalList;
    else if (!foundOriginal) merged = storedFromPatch(removeDirectives(patchList).value as unknown[], ctx.options);
    else {
      const listContext = { options: ctx.options, mergeMap: ctx.mergeMap, fieldName: field, meta };
      ({ merged, liveOrder } = mergeListFieldWithLiveOrder(originalList, patchList, false, listContext));
    }

    const { present, absent } = partitionByPresence(merged, order, mergeKey);
    const kind = elementKind(originalList, patchList);
    original[field] = normalizeElementOrder(present, absent, order, liveOrder, mergeKey, kind);
    delete patch[field];
  }
}

function asList(value: unknown): unknown[] {
  if (!Array.isArray(value)) throw smpError.expectedList(value);
  return value;
}

/** The non-delete items of the patch list must appear in `order`, in the same relative order. */
function checkOrderCoversPatch(patchList: unknown[], order: unknown[], mergeKey: string): void {
  if (order.length === 0 || patchList.length === 0) return;
  const items = mergeKey ? splitDeleteDirectives(patchList).kept : patchList;
  let p = 0;
  let o = 0;
  while (p < items.length && o < order.length) {
    if (hasDirectiveMarker(items[p])) {
      p++;
      continue;
    }
    if (sameIdentity(items[p], order[o], mergeKey)) p++;
    o++;
  }
  if (p < items.length && o >= order.length) throw smpError.orderMismatch(patchList, order);
}

function sameIdentity(left: unknown, right: unknown, mergeKey: string): boolean {
  if (!mergeKey) return left === right;
  if (!isJsonObject(left)) throw smpError.expectedMap(left);
  if (!isJsonObject(right)) throw smpError.expectedMap(right);
  if (!hasKey(left, mergeKey)) throw smpError.noMergeKey(left, mergeKey);
  if (!hasKey(right, mergeKey)) throw smpError.noMergeKey(right, mergeKey);
  return left[mergeKey] === right[mergeKey];
}
