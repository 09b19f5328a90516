/**
 * controller.ControllerExpectations: what a controller has asked the API
 * server to create or delete and not yet seen in its informer cache. A
 * controller that syncs while its writes are still in flight would otherwise
 * create or delete twice. Records expire (upstream: 5 minutes) so a lost
 * watch event cannot wedge a controller.
 */
import type { Clock } from '@mk/api';

export const EXPECTATIONS_TTL_MS = 5 * 60_000;

interface Record {
  adds: number;
  /** Keys (namespace/name) of objects whose deletion is awaited. */
  deletes: Set<string>;
  at: number;
}

export interface Expectations {
  /** Expect `adds` creations and the deletion of these object keys (replaces any previous record). */
  expect(controllerKey: string, adds: number, deleteKeys?: readonly string[]): void;
  /** An object the controller created showed up in the cache (or its create failed). */
  creationObserved(controllerKey: string): void;
  /** An object the controller deleted disappeared or got a deletionTimestamp (or its delete failed). */
  deletionObserved(controllerKey: string, objectKey: string): void;
  /** True when nothing is pending, or the record expired: safe to compute a new plan. */
  satisfied(controllerKey: string): boolean;
  /** Forgets the controller (on its deletion). */
  forget(controllerKey: string): void;
}

export function createExpectations(clock: Clock, ttlMs = EXPECTATIONS_TTL_MS): Expectations {
  const records = new Map<string, Record>();
  return {
    expect(key, adds, deleteKeys = []) {
      records.set(key, { adds, deletes: new Set(deleteKeys), at: clock.now().getTime() });
    },
    creationObserved(key) {
      const r = records.get(key);
      if (r && r.adds > 0) r.adds--;
    },
    deletionObserved(key, objectKey) {
      records.get(key)?.deletes.delete(objectKey);
    },
    satisfied(key) {
      const r = records.get(key);
      if (!r) return true;
      if (r.adds <= 0 && r.deletes.size === 0) return true;
      return clock.now().getTime() - r.at > ttlMs;
    },
    forget(key) {
      records.delete(key);
    },
  };
}
