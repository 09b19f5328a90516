/**
 * The store hands the same key-value objects to every watcher of a prefix and
 * to the watch triggers it evaluates when a write is published, so a stored
 * value is decoded once and the object shared (read-only: the watch path only
 * indexes, filters and serializes it) instead of once per watcher.
 */
import type { KObject } from '@mk/api';
import type { KeyValue } from '@mk/store';
import { decodeObject } from '../storage/codec';

const decoded = new WeakMap<KeyValue, KObject>();

/** The object a key-value holds, at its mod revision; decoded on first use. Do not modify it. */
export function decodedValue(kv: KeyValue): KObject {
  let obj = decoded.get(kv);
  if (!obj) decoded.set(kv, (obj = decodeObject(kv)));
  return obj;
}
