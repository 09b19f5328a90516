/**
 * Turns a store event into the Kubernetes watch event a filtered watcher
 * sees: an object that starts matching the selector is ADDED, one that stops
 * matching is DELETED (as the apiserver's watch cache does).
 *
 * The store hands one event object to every watcher of its prefix, so each
 * event's objects are decoded once and shared by all of them (read-only: the
 * watch path only filters and serializes them) instead of once per watcher.
 */
import type { KObject } from '@mk/api';
import type { WatchEvent } from '@mk/store';
import { decodeObject } from '../storage/codec';

export type K8sEventType = 'ADDED' | 'MODIFIED' | 'DELETED';

export interface K8sEvent {
  type: K8sEventType;
  object: KObject;
}

const decoded = new WeakMap<WatchEvent, { cur?: KObject; old?: KObject }>();

function memo(ev: WatchEvent): { cur?: KObject; old?: KObject } {
  let m = decoded.get(ev);
  if (!m) decoded.set(ev, (m = {}));
  return m;
}

/** The object after the change (for a DELETE, its last state). */
function currentOf(ev: WatchEvent): KObject {
  const m = memo(ev);
  if (ev.type === 'DELETE') return (m.cur ??= decodeObject({ value: ev.prevKv?.value ?? ev.kv.value, modRevision: ev.revision }));
  return (m.cur ??= decodeObject(ev.kv));
}

/** The object before the change (updates only). */
function previousOf(ev: WatchEvent): KObject {
  const m = memo(ev);
  return (m.old ??= decodeObject({ value: ev.prevKv!.value, modRevision: ev.revision }));
}

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
