/**
 * Owners the API server confirmed absent (upstream absentOwnerCache, an LRU
 * of 500): uids are never reused, so once an owner is known gone, the
 * siblings that name it need not ask again.
 */
import type { OwnerReference } from '@mk/api';

/** Upstream's cache size. */
const CAPACITY = 500;

/** The key of a reference as looked up: in `namespace` for namespaced owners, '' for cluster-scoped ones. */
export function absentKey(ref: Readonly<OwnerReference>, namespace: string | undefined): string {
  return JSON.stringify([ref.apiVersion, ref.kind, namespace ?? '', ref.name, ref.uid]);
}

/** A least-recently-used set of absent-owner keys. */
export class AbsentOwnerCache {
  private readonly keys = new Map<string, true>();

  constructor(private readonly capacity = CAPACITY) {}

  has(key: string): boolean {
    if (!this.keys.has(key)) return false;
    // Refresh: a Map iterates in insertion order, so re-inserting marks it most recently used.
    this.keys.delete(key);
    this.keys.set(key, true);
    return true;
  }

  add(key: string): void {
    this.keys.delete(key);
    this.keys.set(key, true);
    if (this.keys.size > this.capacity) this.keys.delete(this.keys.keys().next().value!);
  }
}
