/**
 * createInformer: a shared informer (client-go's sharedIndexInformer) — a
 * reflector feeding a frozen, indexed cache, and handlers told about every
 * change after the cache has it, in event order.
 */
import { realClock, type Clock, type KObject } from '@mk/api';
import { CacheStore } from './cache-store';
import { deepFreeze } from './deep-freeze';
import { HandlerSet } from './handler-set';
import { Reflector } from './reflector';
import { objectKey, type EventHandlers, type Informer, type InformerTarget, type Lister } from './types';
import type { ApiClient } from '../types';

/** Tuning of one informer; every field has a default. */
export interface InformerOptions {
  clock?: Clock;
  /** Every resyncMs, handlers get onUpdate(obj, obj) for every cached object; unset or 0 = never. */
  resyncMs?: number;
  /** First delay before retrying a failed list or watch; doubles per failure (default 800 ms, as client-go). */
  relistBackoffMs?: number;
  /** Cap of that delay (default 30 s, as client-go). */
  maxBackoffMs?: number;
  /** timeoutSeconds of each watch request (default: random in 300–600 s, as client-go, so streams roll over at different times). */
  watchTimeoutSeconds?: number;
  /** LIST page size (default 500). */
  pageSize?: number;
  /** Where failures are reported (default console.warn). */
  log?: (message: string) => void;
}

/** Creates an informer for target; call start(), then await synced(). */
export function createInformer<T extends KObject = KObject>(client: ApiClient, target: InformerTarget, opts: InformerOptions = {}): Informer<T> {
  return new SharedInformer<T>(client, target, opts);
}

const defaultLog = (message: string): void => console.warn(`informer: ${message}`);

class SharedInformer<T extends KObject> implements Informer<T> {
  readonly target: InformerTarget;
  readonly lister: Lister<T>;
  private readonly cache = new CacheStore<T>();
  private readonly handlers: HandlerSet<T>;
  private readonly clock: Clock;
  private readonly log: (message: string) => void;
  private reflector?: Reflector;
  private stopped = false;
  private isSynced = false;
  private readonly syncedPromise: Promise<void>;
  private resolveSynced!: () => void;
  private rejectSynced!: (err: Error) => void;
  private resyncTimer?: { cancel(): void };

  constructor(
    private readonly client: ApiClient,
    target: InformerTarget,
    private readonly opts: InformerOptions,
  ) {
    this.target = Object.freeze({ ...target });
    this.clock = opts.clock ?? realClock;
    this.log = opts.log ?? defaultLog;
    this.handlers = new HandlerSet<T>(this.log);
    const cache = this.cache;
    // A facade, so holders of the lister cannot reach the cache's mutators.
    this.lister = {
      get: (key) => cache.get(key),
      list: () => cache.list(),
      byNamespace: (ns) => cache.byNamespace(ns),
      byIndex: (index, value) => cache.byIndex(index, value),
    };
    this.syncedPromise = new Promise<void>((resolve, reject) => {
      this.resolveSynced = resolve;
      this.rejectSynced = reject;
    });
    // Nobody may be waiting when an unsynced informer is stopped; that must not be an unhandled rejection.
    this.syncedPromise.catch(() => {});
  }

  addHandlers(handlers: EventHandlers<T>): void {
    this.handlers.add(handlers);
    for (const obj of this.cache.list()) this.handlers.added(obj, handlers);
  }

  addIndex(name: string, fn: (obj: Readonly<T>) => string[]): void {
    this.cache.addIndex(name, fn);
  }

  start(): void {
    if (this.stopped) throw new Error('informer was stopped; create a new one');
    if (this.reflector) return;
    this.reflector = new Reflector(
      this.client,
      this.target,
      { replace: (items) => this.replace(items), apply: (type, obj) => this.apply(type, obj) },
      {
        clock: this.clock,
        backoffInitialMs: this.opts.relistBackoffMs ?? 800,
        backoffMaxMs: this.opts.maxBackoffMs ?? 30_000,
        watchTimeoutSeconds: () => this.opts.watchTimeoutSeconds ?? Math.floor(300 * (1 + Math.random())),
        pageSize: this.opts.pageSize,
        log: this.log,
      },
    );
    void this.reflector.run();
  }

  synced(): Promise<void> {
    return this.syncedPromise;
  }

  hasSynced(): boolean {
    return this.isSynced;
  }

  lastSyncResourceVersion(): string {
    return this.reflector?.resourceVersion ?? '';
  }

  stop(): void {
    if (this.stopped) return;
    this.stopped = true;
    this.reflector?.stop();
    this.resyncTimer?.cancel();
    if (!this.isSynced) this.rejectSynced(new Error('informer stopped before it synced'));
  }

  /** A full list: adds and updates for what it holds, deletes for cached objects it no longer has. */
  private replace(items: KObject[]): void {
    const seen = new Set<string>();
    for (const item of items) {
      const key = objectKey(item);
      seen.add(key);
      this.upsert(key, item);
    }
    for (const key of this.cache.keys()) {
      if (seen.has(key)) continue;
      this.handlers.deleted(this.cache.delete(key)!);
    }
    if (!this.isSynced) {
      this.isSynced = true;
      this.resolveSynced();
      this.scheduleResync();
    }
  }

  private apply(type: 'ADDED' | 'MODIFIED' | 'DELETED', item: KObject): void {
    const key = objectKey(item);
    if (type !== 'DELETED') return this.upsert(key, item);
    // An object never cached (e.g. deleted between two list pages) has nobody to tell.
    if (this.cache.delete(key)) this.handlers.deleted(deepFreeze(item) as Readonly<T>);
  }

  /** Caches item (frozen), then notifies; an unchanged resourceVersion means an unchanged object, so nobody is told. */
  private upsert(key: string, item: KObject): void {
    const old = this.cache.get(key);
    if (old && old.metadata?.resourceVersion === item.metadata?.resourceVersion) return;
    const obj = deepFreeze(item) as Readonly<T>;
    this.cache.set(key, obj);
    if (old) this.handlers.updated(old, obj);
    else this.handlers.added(obj);
  }

  private scheduleResync(): void {
    const period = this.opts.resyncMs ?? 0;
    if (period <= 0 || this.stopped) return;
    this.resyncTimer = this.clock.setTimeout(() => {
      for (const obj of this.cache.list()) this.handlers.updated(obj, obj);
      this.scheduleResync();
    }, period);
  }
}
