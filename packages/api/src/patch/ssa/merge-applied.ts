/**
 * Merging an applied configuration into the live object (structured-merge-diff's `Merge` with
 * the "keep right-hand side" rule): applied leaves win, maps merge key by key, list maps and
 * sets merge item by item in upstream's interleaved order, atomic values are replaced.
 */
import { cloneJson, isJsonObject, jsonKind, type JsonObject } from '../json';
import { applyListKind, fieldMeta, itemMeta, type FieldMeta } from '../patch-meta';
import { serializeElement, type FieldPath } from './field-path';
import { indexList } from './list-items';

/** The live object with the applied configuration merged in (`null`s end up absent). */
export function mergeApplied(live: JsonObject, applied: JsonObject, meta: FieldMeta): JsonObject {
  return (merge(live, applied, meta, []) ?? {}) as JsonObject;
}

function merge(live: unknown, applied: unknown, meta: FieldMeta, path: FieldPath): unknown {
  if (applied === undefined) return cloneJson(live);
  if (live === undefined || live === null || applied === null || jsonKind(live) !== jsonKind(applied)) return withoutNulls(applied);
  if (Array.isArray(live) && Array.isArray(applied)) {
    if (applyListKind(meta).type === 'atomic' || (live.length === 0 && applied.length === 0)) return withoutNulls(applied);
    return mergeList(live, applied, meta, path);
  }
  if (isJsonObject(live) && isJsonObject(applied)) {
    if (meta.atomic || (Object.keys(live).length === 0 && Object.keys(applied).length === 0)) return withoutNulls(applied);
    const out: JsonObject = {};
    for (const key of new Set([...Object.keys(live), ...Object.keys(applied)])) {
      const value = merge(live[key], applied[key], fieldMeta(meta, key), [...path, { field: key }]);
      if (value !== undefined && value !== null) out[key] = value;
    }
    return out;
  }
  return applied;
}

/**
 * Walks both lists together: shared items are merged where the applied list puts them, live-only
 * items keep their place, and applied-only items come where the applied list has them.
 */
function mergeList(live: unknown[], applied: unknown[], meta: FieldMeta, path: FieldPath): unknown[] {
  const kind = applyListKind(meta);
  const left = indexList(live, kind, meta, path);
  const right = indexList(applied, kind, meta, path, false);
  const leftIds = left.elements.map(serializeElement);
  const rightIds = right.elements.map(serializeElement);
  const shared = rightIds.filter((id) => left.items.has(id));
  let nextShared = shared.shift();
  const done = new Set<string>();
  const out: unknown[] = [];
  const rightElements = new Map(right.elements.map((element, i) => [rightIds[i], element]));
  const take = (id: string, liveItem: unknown) => {
    const element = rightElements.get(id);
    const value = merge(liveItem, right.items.get(id), itemMeta(meta), element ? [...path, element] : path);
    if (value !== undefined) out.push(value);
  };
  let l = 0;
  let r = 0;
  while (l < leftIds.length || r < rightIds.length) {
    if (l < leftIds.length && r < rightIds.length) {
      if (leftIds[l] === rightIds[r]) {
        done.add(leftIds[l]);
        take(leftIds[l], left.items.get(leftIds[l]));
        l++;
        r++;
        nextShared = shared.shift();
        continue;
      }
      if (right.items.has(leftIds[l]) && nextShared !== undefined && nextShared !== leftIds[l]) {
        l++;
        continue;
      }
    }
    if (l < leftIds.length) {
      if (!right.items.has(leftIds[l])) {
        const value = merge(live[l], undefined, itemMeta(meta), [...path, left.elements[l]]);
        if (value !== undefined) out.push(value);
        l++;
        continue;
      }
      if (done.has(leftIds[l])) l++;
    }
    if (r < rightIds.length) {
      const id = rightIds[r];
      done.add(id);
      take(id, left.items.get(id));
      r++;
      if (nextShared === id) nextShared = shared.shift();
    }
  }
  return out;
}

/** A value from the applied configuration, minus `null` members (the typed decode drops them). */
function withoutNulls(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutNulls);
  if (!isJsonObject(value)) return value;
  const out: JsonObject = {};
  for (const [key, child] of Object.entries(value)) if (child !== null) out[key] = withoutNulls(child);
  return out;
}
