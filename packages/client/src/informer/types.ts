/**
 * Contracts of the informer cache and the work queue, the two pieces every
 * controller, the scheduler and the node agents are built from (client-go's
 * SharedInformer and RateLimitingQueue).
 */
import type { KObject } from '@mk/api';
import type { ResourcePath } from '../types';

/** What an informer lists and watches: a resource collection, optionally narrowed. */
export interface InformerTarget {
  group: string;
  version: string;
  plural: string;
  /** Namespace to watch; undefined = all namespaces (or cluster-scoped). */
  namespace?: string;
  labelSelector?: string;
  fieldSelector?: string;
}

/** Callbacks; objects passed in are the cache's own copies: never mutate them. */
export interface EventHandlers<T extends KObject = KObject> {
  onAdd?(obj: Readonly<T>): void;
  onUpdate?(oldObj: Readonly<T>, newObj: Readonly<T>): void;
  /** `obj` is the last known state (a relist that finds an object gone also reports it here). */
  onDelete?(obj: Readonly<T>): void;
}

/** A read-only view of an informer's cache. */
export interface Lister<T extends KObject = KObject> {
  /** `key` is `namespace/name`, or `name` for cluster-scoped objects. */
  get(key: string): Readonly<T> | undefined;
  list(): Readonly<T>[];
  /** Objects of one namespace. */
  byNamespace(namespace: string): Readonly<T>[];
  /** Objects a named index maps `value` to (see Informer.addIndex). */
  byIndex(index: string, value: string): Readonly<T>[];
}

/** A cache of one target kept current by list and watch, with handlers and indexes. */
export interface Informer<T extends KObject = KObject> {
  readonly target: InformerTarget;
  readonly lister: Lister<T>;
  /** Handlers added after the initial list get synthetic onAdd calls for the cached objects. */
  addHandlers(handlers: EventHandlers<T>): void;
  /** An index function: object → index values (e.g. pods by spec.nodeName). */
  addIndex(name: string, fn: (obj: Readonly<T>) => string[]): void;
  /** Lists, then watches from the list's resourceVersion; re-watches on stream end, re-lists on 410. */
  start(): void;
  /** Resolves when the first list has been delivered to the cache and handlers; rejects if stopped before that. */
  synced(): Promise<void>;
  /** True once the first list has been delivered (client-go's HasSynced). */
  hasSynced(): boolean;
  /** The resourceVersion the cache is at: the last list's or the last event's (bookmarks included). */
  lastSyncResourceVersion(): string;
  /** Ends the watch and any retry; final (an informer cannot be restarted). */
  stop(): void;
}

/** Cache key of an object, as client-go's MetaNamespaceKeyFunc. */
export function objectKey(obj: Pick<KObject, 'metadata'>): string {
  const m = obj.metadata ?? {};
  return m.namespace ? `${m.namespace}/${m.name}` : String(m.name);
}

/** Splits a key back into namespace and name. */
export function splitKey(key: string): { namespace?: string; name: string } {
  const i = key.indexOf('/');
  return i < 0 ? { name: key } : { namespace: key.slice(0, i), name: key.slice(i + 1) };
}

/** A de-duplicating, rate-limited queue of keys (client-go's workqueue semantics). */
export interface WorkQueue {
  /** Adds a key unless it is already queued; a key being processed is re-queued after done(). */
  add(key: string): void;
  /** Adds after a delay. */
  addAfter(key: string, delayMs: number): void;
  /** Adds after the key's own exponential backoff (per-item failures). */
  addRateLimited(key: string): void;
  /** Resets the key's backoff (call on success). */
  forget(key: string): void;
  /** How many times the key has been rate-limited since its last forget. */
  retries(key: string): number;
  /** Waits for the next key; resolves undefined after shutdown. */
  get(): Promise<string | undefined>;
  /** Marks the key processed. */
  done(key: string): void;
  readonly length: number;
  shutDown(): void;
}

export type { ResourcePath };
