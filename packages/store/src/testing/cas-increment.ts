import { isStoreError } from '../errors';
import type { Store } from '../types';

/**
 * Test support: read-modify-write loops over an integer counter at key, each
 * retrying on Conflict (with the current value the error carries). Returns how
 * many conflicts the loops hit. A lost update would leave the counter short.
 */
export async function runIncrementLoops(store: Store, key: string, loops: number, perLoop: number): Promise<number> {
  let conflicts = 0;
  const loop = async () => {
    for (let i = 0; i < perLoop; i++) {
      let kv = await store.get(key);
      if (!kv) throw new Error(`counter ${key} is missing`);
      for (;;) {
        try {
          await store.update(key, String(Number(kv.value) + 1), kv.modRevision);
          break;
        } catch (error) {
          if (!isStoreError(error, 'Conflict') || !error.current) throw error;
          conflicts++;
          kv = error.current;
        }
      }
    }
  };
  await Promise.all(Array.from({ length: loops }, loop));
  return conflicts;
}
