/**
 * A shared informer factory (client-go's SharedInformerFactory): components
 * of one process ask it for informers and get one per distinct target, so
 * the scheduler, controllers and node agents in the daemon share caches and
 * watch streams instead of each listing the same resources.
 */
import type { KObject } from '@mk/api';
import type { ApiClient } from '../types';
import { createInformer, type InformerOptions } from './informer';
import type { Informer, InformerTarget } from './types';

/** Hands out one shared informer per target and starts and stops them together. */
export interface InformerFactory {
  /** The informer for target, created on first request; informers requested after start() start at once. */
  informerFor<T extends KObject = KObject>(target: InformerTarget): Informer<T>;
  /** Starts every informer created so far (and those created later). */
  start(): void;
  /** Resolves when every informer created so far has synced. */
  synced(): Promise<void>;
  /** Stops every informer; the factory cannot be restarted. */
  stop(): void;
}

/** Creates a factory whose informers all use client and opts. */
export function createInformerFactory(client: ApiClient, opts: InformerOptions = {}): InformerFactory {
  const informers = new Map<string, Informer>();
  let started = false;
  let stopped = false;
  return {
    informerFor<T extends KObject = KObject>(target: InformerTarget): Informer<T> {
      const key = targetKey(target);
      let informer = informers.get(key);
      if (!informer) {
        informer = createInformer(client, target, opts);
        informers.set(key, informer);
        if (started && !stopped) informer.start();
      }
      return informer as unknown as Informer<T>;
    },
    start() {
      if (stopped) throw new Error('informer factory was stopped; create a new one');
      started = true;
      for (const informer of informers.values()) informer.start();
    },
    async synced() {
      await Promise.all([...informers.values()].map((i) => i.synced()));
    },
    stop() {
      stopped = true;
      for (const informer of informers.values()) informer.stop();
    },
  };
}

/** Targets are the same informer when they list the same thing; empty selectors equal absent ones. */
export function targetKey(t: InformerTarget): string {
  return JSON.stringify([t.group, t.version, t.plural, t.namespace ?? '', t.labelSelector ?? '', t.fieldSelector ?? '']);
}
