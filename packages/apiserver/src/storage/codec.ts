/**
 * Objects are stored as JSON without metadata.resourceVersion: the store's mod
 * revision is the resourceVersion, set on every read (as the etcd3 storage of
 * the real apiserver does). They are written apiVersion, kind, metadata first,
 * so a list can hand out stored JSON without decoding it (listItemJson).
 */
import type { KObject } from '@mk/api';
import type { KeyValue } from '@mk/store';

export function encodeObject(obj: KObject): string {
  const { apiVersion, kind, metadata, ...rest } = obj;
  const meta = metadata ?? {};
  const { resourceVersion: _rv, ...kept } = meta;
  return JSON.stringify({ apiVersion, kind, metadata: meta.resourceVersion === undefined ? meta : kept, ...rest });
}

/** Strips apiVersion/kind from a list item, as upstream list responses carry them only on the list. */
export function listItem(obj: KObject): KObject {
  const { apiVersion: _a, kind: _k, ...rest } = obj;
  return rest;
}

/** The start of a value encodeObject wrote: apiVersion and kind (JSON strings), then metadata's opening brace. */
const STORED_HEAD = /^\{"apiVersion":"(?:[^"\\]|\\.)*","kind":"(?:[^"\\]|\\.)*","metadata":\{/;

/**
 * A stored object as a list item, without decoding it: apiVersion and kind
 * dropped (list items carry neither, as upstream's) and resourceVersion set to
 * the mod revision. Undefined for a value not in encodeObject's layout (written
 * by an older mk): the caller decodes that one.
 */
export function listItemJson(kv: Pick<KeyValue, 'value' | 'modRevision'>): string | undefined {
  const head = STORED_HEAD.exec(kv.value);
  if (!head) return undefined;
  const rest = kv.value.slice(head[0].length);
  const rv = `"resourceVersion":${JSON.stringify(String(kv.modRevision))}`;
  return `{"metadata":{${rv}${rest.startsWith('}') ? '' : ','}${rest}`;
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
