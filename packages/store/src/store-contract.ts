import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { describeCompactionContract } from './contract/compaction-contract';
import { describeKeyValueContract } from './contract/key-value-contract';
import { describeRangeContract } from './contract/range-contract';
import { describeWatchContract } from './contract/watch-contract';
import { runIncrementLoops } from './testing/cas-increment';
import { EventCollector } from './testing/event-collector';
import type { Store } from './types';

/** Makes a fresh, empty store for one test. */
export type StoreFactory = () => Store | Promise<Store>;

/**
 * The behaviour every Store backend must have, written against the Store
 * interface only, so a second backend (etcd) can run the same suite.
 */
export function describeStoreContract(name: string, makeStore: StoreFactory): void {
  describe(`Store contract: ${name}`, () => {
    let store: Store;
    beforeEach(async () => {
      store = await makeStore();
    });
    afterEach(async () => {
      await store.close();
    });

    const current = () => store;
    describeKeyValueContract(current);
    describeRangeContract(current);
    describeWatchContract(current);
    describeCompactionContract(current);

    it('loses no update under concurrent compare-and-swap loops', async () => {
      await store.create('/counter', '0');
      const conflicts = await runIncrementLoops(store, '/counter', 8, 25);
      expect((await store.get('/counter'))?.value).toBe('200');
      // The loops really raced (each one reads, yields, then writes).
      expect(conflicts).toBeGreaterThan(0);
    });

    it('rejects every call after close with Closed', async () => {
      await store.create('/a', 'x');
      await store.close();
      const closedCalls: (() => Promise<unknown>)[] = [
        () => store.revision(),
        () => store.compactedRevision(),
        () => store.get('/a'),
        () => store.range('/'),
        () => store.count('/'),
        () => store.create('/b', 'x'),
        () => store.update('/a', 'y', 1),
        () => store.delete('/a'),
        () => store.watch('/', new EventCollector().options(0)),
        () => store.compact(1),
      ];
      for (const call of closedCalls) await expect(call()).rejects.toMatchObject({ code: 'Closed' });
    });
  });
}
