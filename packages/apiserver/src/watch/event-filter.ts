/**
 * Turns a store event into the Kubernetes watch event a filtered watcher
 * sees: an object that starts matching the selector is ADDED, one that stops
 * matching is DELETED (as the apiserver's watch cache does).
 *
 * Objects are decoded once per stored value and shared by every watcher (see
 * decoded-values).
 */
import type { KObject } from '@mk/api';
import type { WatchEvent } from '@mk/store';
import { decodedValue } from './decoded-values';

export type K8sEventType = 'ADDED' | 'MODIFIED' | 'DELETED';

export interface K8sEvent {
  type: K8sEventType;
  object: KObject;
}

/** The object after the change; a DELETE's kv holds the deleted value at the delete's revision, its last state. */
function currentOf(ev: WatchEvent): KObject {
  return decodedValue(ev.kv);
}

const previous = new WeakMap<WatchEvent, KObject>();

/**
 * The object before the change (updates only), at the event's revision: a watcher whose selector it
 * stops matching gets it as DELETED at that revision, as upstream sends it.
 */
function previousOf(ev: WatchEvent): KObject {
  let old = previous.get(ev);
  if (!old) {
    // A shallow copy: the decoded previous value (perhaps already read by a watch trigger) stays as stored.
    const stored = decodedValue(ev.prevKv!);
    old = { ...stored, metadata: { ...stored.metadata, resourceVersion: String(ev.revision) } };
    previous.set(ev, old);
  }
  return old;
}

/** The watch event a watcher with this filter gets for a store event, if any. */
export function translateEvent(ev: WatchEvent, filter?: (o: KObject) => boolean): K8sEvent | undefined {
  if (ev.type === 'DELETE') {
    const last = currentOf(ev);
    return !filter || filter(last) ? { type: 'DELETED', object: last } : undefined;
  }
  const cur = currentOf(ev);
  const isCreate = !ev.prevKv || ev.kv.createRevision === ev.kv.modRevision;
  if (isCreate) return !filter || filter(cur) ? { type: 'ADDED', object: cur } : undefined;
  if (!filter) return { type: 'MODIFIED', object: cur };
  const old = previousOf(ev);
  const curPasses = filter(cur);
  const oldPasses = filter(old);
  if (curPasses && oldPasses) return { type: 'MODIFIED', object: cur };
  if (curPasses) return { type: 'ADDED', object: cur };
  if (oldPasses) return { type: 'DELETED', object: old };
  return undefined;
}
