/**
 * Pruning on apply: what a manager applied last time and no longer applies is removed from
 * the object, unless some manager (including its new configuration) still owns it. As
 * upstream, a struct the manager used to fill is removed whole once nobody owns anything in
 * it, so fields the server defaulted inside it go too (and get defaulted afresh).
 */
import type { JsonObject } from '../json';
import type { PatchMeta } from '../patch-meta';
import type { FieldSet } from './field-set';
import { removeItems } from './remove-items';

/** `merged` without the fields `lastApplied` covered that nobody in `ownedNow` owns. */
export function pruneDropped(merged: JsonObject, lastApplied: FieldSet, ownedNow: FieldSet, meta: PatchMeta): JsonObject {
  const dropped = lastApplied.withParentFieldsAsMembers().difference(ownedNow.withParentFieldsAsMembers());
  return dropped.isEmpty() ? merged : removeItems(merged, dropped, meta);
}
