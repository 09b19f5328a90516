/**
 * Pod writes of a StatefulSet sync that the informer cache has not shown yet
 * (the role of upstream's expectations, keyed by pod identity). Until the
 * cache has seen a created pod, or a deleted pod gone or terminating, a new
 * plan would create or delete it again; the sync waits instead. Records
 * expire so a lost event cannot wedge a set.
 */
import type { Clock } from '@mk/api';
import type { Pod } from 'kubernetes-types/core/v1';
import { EXPECTATIONS_TTL_MS } from '../framework/expectations';

interface Pending {
  /** pod key → uid of the pod created. */
  creates: Map<string, string>;
  /** pod key → uid of the pod deleted. */
  deletes: Map<string, string>;
  since: number;
}

export interface PendingWrites {
  /** The set created this pod (the object the API server returned). */
  created(setKey: string, pod: Readonly<Pod>): void;
  /** The set deleted this pod. */
  deleted(setKey: string, pod: Readonly<Pod>): void;
  /** The informer delivered an event for this pod (its creation is seen). */
  observe(setKey: string, pod: Readonly<Pod>): void;
  /** Ms to wait before the set may be planned again; 0 when every write is visible in the cache (or expired). */
  waitMs(setKey: string, cached: (podKey: string) => Readonly<Pod> | undefined): number;
  /** Forgets the set. */
  forget(setKey: string): void;
}

const keyOf = (pod: Readonly<Pod>) => `${pod.metadata?.namespace}/${pod.metadata?.name}`;

/** A tracker of pending pod writes per set, timed by clock. */
export function createPendingWrites(clock: Clock, ttlMs = EXPECTATIONS_TTL_MS): PendingWrites {
  const bySet = new Map<string, Pending>();
  const entry = (setKey: string): Pending => {
    let p = bySet.get(setKey);
    if (!p) bySet.set(setKey, (p = { creates: new Map(), deletes: new Map(), since: clock.now().getTime() }));
    return p;
  };
  return {
    created(setKey, pod) {
      if (pod.metadata?.uid) entry(setKey).creates.set(keyOf(pod), pod.metadata.uid);
    },
    deleted(setKey, pod) {
      entry(setKey).deletes.set(keyOf(pod), pod.metadata?.uid ?? '');
    },
    observe(setKey, pod) {
      const p = bySet.get(setKey);
      if (p && p.creates.get(keyOf(pod)) === pod.metadata?.uid) p.creates.delete(keyOf(pod));
    },
    waitMs(setKey, cached) {
      const p = bySet.get(setKey);
      if (!p) return 0;
      for (const [key, uid] of p.creates) if (cached(key)?.metadata?.uid === uid) p.creates.delete(key);
      for (const [key, uid] of p.deletes) {
        const pod = cached(key);
        if (!pod || pod.metadata?.uid !== uid || pod.metadata?.deletionTimestamp) p.deletes.delete(key);
      }
      const left = p.since + ttlMs - clock.now().getTime();
      if ((p.creates.size === 0 && p.deletes.size === 0) || left <= 0) {
        bySet.delete(setKey);
        return 0;
      }
      return left;
    },
    forget(setKey) {
      bySet.delete(setKey);
    },
  };
}
