/**
 * The informer's cache: objects by key plus secondary indexes kept up to date
 * on every change (client-go's threadSafeStore/Indexer). Pure data structure;
 * it never copies objects, so callers must hand it frozen ones.
 */
import type { KObject } from '@mk/api';
import type { Lister } from './types';

/** Maps an object to the values it is indexed under. */
export type IndexFunc<T> = (obj: Readonly<T>) => string[];

/** The index every cache has: objects by namespace ('' for cluster-scoped ones). */
export const NAMESPACE_INDEX = 'namespace';

/** An indexed map of frozen objects by cache key. */
export class CacheStore<T extends KObject = KObject> implements Lister<T> {
  private readonly items = new Map<string, Readonly<T>>();
  private readonly indexFuncs = new Map<string, IndexFunc<T>>();
  /** index name → index value → keys. */
  private readonly indices = new Map<string, Map<string, Set<string>>>();

  constructor() {
    this.addIndex(NAMESPACE_INDEX, (o) => [o.metadata?.namespace ?? '']);
  }

  get size(): number {
    return this.items.size;
  }

  get(key: string): Readonly<T> | undefined {
    return this.items.get(key);
  }

  list(): Readonly<T>[] {
    return [...this.items.values()];
  }

  keys(): string[] {
    return [...this.items.keys()];
  }

  byNamespace(namespace: string): Readonly<T>[] {
    return this.byIndex(NAMESPACE_INDEX, namespace);
  }

  /** Unknown index names throw, as client-go's ByIndex does: a typo must not read as "no objects". */
  byIndex(index: string, value: string): Readonly<T>[] {
    const byValue = this.indices.get(index);
    if (!byValue) throw new Error(`Index with name ${index} does not exist`);
    const keys = byValue.get(value);
    if (!keys) return [];
    const out: Readonly<T>[] = [];
    for (const k of keys) out.push(this.items.get(k)!);
    return out;
  }

  /** Adds (or replaces) an index and builds it over the objects already cached. */
  addIndex(name: string, fn: IndexFunc<T>): void {
    this.indexFuncs.set(name, fn);
    const byValue = new Map<string, Set<string>>();
    this.indices.set(name, byValue);
    for (const [key, obj] of this.items) addTo(byValue, fn(obj), key);
  }

  /** Stores obj under key; returns the object it replaced. */
  set(key: string, obj: Readonly<T>): Readonly<T> | undefined {
    const old = this.items.get(key);
    this.items.set(key, obj);
    for (const [name, fn] of this.indexFuncs) {
      const byValue = this.indices.get(name)!;
      if (old) removeFrom(byValue, fn(old), key);
      addTo(byValue, fn(obj), key);
    }
    return old;
  }

  /** Removes key; returns the object that was cached. */
  delete(key: string): Readonly<T> | undefined {
    const old = this.items.get(key);
    if (!old) return undefined;
    this.items.delete(key);
    for (const [name, fn] of this.indexFuncs) removeFrom(this.indices.get(name)!, fn(old), key);
    return old;
  }
}

function addTo(byValue: Map<string, Set<string>>, values: string[], key: string): void {
  for (const v of values) {
    let keys = byValue.get(v);
    if (!keys) byValue.set(v, (keys = new Set()));
    keys.add(key);
  }
}

function removeFrom(byValue: Map<string, Set<string>>, values: string[], key: string): void {
  for (const v of values) {
    const keys = byValue.get(v);
    if (!keys) continue;
    keys.delete(key);
    // Dropping empty sets keeps the index from growing with every value ever seen (e.g. node names).
    if (keys.size === 0) byValue.delete(v);
  }
}
