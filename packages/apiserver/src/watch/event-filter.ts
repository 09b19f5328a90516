/**
 * Turns a store event into the Kubernetes watch event a filtered watcher
 * sees: an object that starts matching the selector is ADDED, one that stops
 * matching is DELETED (as the apiserver's watch cache does).
 */
import type { KObject } from '@mk/api';
import type { WatchEvent } from '@mk/store';
import { decodeObject } from '../storage/codec';

export type K8sEventType = 'ADDED' | 'MODIFIED' | 'DELETED';

export interface K8sEvent {
  type: K8sEventType;
  object: KObject;
}

export function translateEvent(ev: WatchEvent, filter?: (o: KObject) => boolean): K8sEvent | undefined {
  if (ev.type === 'DELETE') {
    const last = decodeObject({ value: ev.prevKv?.value ?? ev.kv.value, modRevision: ev.revision });
    return !filter || filter(last) ? { type: 'DELETED', object: last } : undefined;
  }
  const cur = decodeObject(ev.kv);
  const isCreate = !ev.prevKv || ev.kv.createRevision === ev.kv.modRevision;
  if (isCreate) return !filter || filter(cur) ? { type: 'ADDED', object: cur } : undefined;
  if (!filter) return { type: 'MODIFIED', object: cur };
  const old = decodeObject({ value: ev.prevKv!.value, modRevision: ev.revision });
  const curPasses = filter(cur);
  const oldPasses = filter(old);
  if (curPasses && oldPasses) return { type: 'MODIFIED', object: cur };
  if (curPasses) return { type: 'ADDED', object: cur };
  if (oldPasses) return { type: 'DELETED', object: old };
  return undefined;
}
