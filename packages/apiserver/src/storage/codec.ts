/**
 * Objects are stored as JSON without metadata.resourceVersion: the store's mod
 * revision is the resourceVersion, set on every read (as the etcd3 storage of
 * the real apiserver does).
 */
import type { KObject } from '@mk/api';
import type { KeyValue } from '@mk/store';

export function encodeObject(obj: KObject): string {
  const meta = obj.metadata ?? {};
  if (meta.resourceVersion === undefined) return JSON.stringify(obj);
  const { resourceVersion: _rv, ...rest } = meta;
  return JSON.stringify({ ...obj, metadata: rest });
}

export function decodeObject(kv: Pick<KeyValue, 'value' | 'modRevision'>): KObject {
  const obj = JSON.parse(kv.value) as KObject;
  obj.metadata = { ...(obj.metadata ?? {}), resourceVersion: String(kv.modRevision) };
  return obj;
}

/** A deep copy for objects about to be changed; cached/decoded objects are never mutated in place. */
export function clone<T>(obj: T): T {
  return structuredClone(obj);
}
