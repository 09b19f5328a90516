import { describe, expect, it } from 'vitest';
import { EventCollector } from '../testing/event-collector';
import type { Store } from '../types';

/** Contract: compaction limits watches, never current state. */
export function describeCompactionContract(store: () => Store): void {
  describe('compaction', () => {
    it('refuses watches from before the compacted revision; keeps current state', async () => {
      const a = await store().create('/a', 'one');
      const b = await store().update('/a', 'two', a.modRevision);
      const c = await store().create('/c', 'three');
      const gone = await store().create('/gone', 'x');
      await store().delete('/gone');
      const d = await store().create('/d', 'four');
      await store().compact(c.modRevision);
      expect(await store().compactedRevision()).toBe(c.modRevision);

      await expect(store().watch('/', new EventCollector().options(b.modRevision))).rejects.toMatchObject({
        code: 'Compacted',
        compactedRevision: c.modRevision,
      });
      const fromCompacted = new EventCollector();
      await store().watch('/', fromCompacted.options(c.modRevision));
      await fromCompacted.untilRevision(d.modRevision);
      expect(fromCompacted.events.map((e) => [e.type, e.kv.key])).toEqual([
        ['PUT', '/gone'],
        ['DELETE', '/gone'],
        ['PUT', '/d'],
      ]);
      expect(gone.modRevision).toBeGreaterThan(c.modRevision);

      expect(await store().get('/a')).toEqual(b);
      expect((await store().range('/')).items).toEqual([b, c, d]);
      expect(await store().count('/')).toBe(3);
    });

    it('treats compacting at or below the compacted revision as a no-op', async () => {
      const a = await store().create('/a', 'x');
      await store().create('/b', 'x');
      await store().compact(a.modRevision + 1);
      await store().compact(a.modRevision);
      expect(await store().compactedRevision()).toBe(a.modRevision + 1);
    });

    it('refuses to compact a future revision', async () => {
      await store().create('/a', 'x');
      const revision = await store().revision();
      await expect(store().compact(revision + 1)).rejects.toMatchObject({ code: 'FutureRevision' });
      expect(await store().compactedRevision()).toBeLessThan(revision + 1);
    });
  });
}
