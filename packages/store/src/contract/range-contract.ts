import { beforeEach, describe, expect, it } from 'vitest';
import { compareKeys } from '../prefix-range';
import type { KeyValue, Store } from '../types';

/** Contract: prefix range, paging, count (keys chosen to break LIKE-based or UTF-16-ordered ranges). */
export function describeRangeContract(store: () => Store): void {
  describe('range and count', () => {
    // Characters that break LIKE patterns, byte-order edge cases, and astral characters.
    const keys = [
      'a', 'a%', 'a%1', 'a%2', 'a_', 'a_x', 'aXx', 'a\\', 'a\\y', 'ab', 'aé', 'a\u{d7ff}', 'a\u{d7ff}z',
      'a\u{e000}', 'a\uffff', 'a\uffff!', 'a😀', 'a😀x', 'a😁', 'b', 'x\u{10ffff}', 'x\u{10ffff}z', 'y', '\u{10ffff}q',
    ];
    const prefixes = ['', 'a', 'a%', 'a_', 'a\\', 'a\u{d7ff}', 'a\uffff', 'a😀', 'x\u{10ffff}', '\u{10ffff}', 'zz'];
    const expected = (prefix: string) => keys.filter((k) => k.startsWith(prefix)).sort(compareKeys);

    beforeEach(async () => {
      for (const key of [...keys].reverse()) await store().create(key, `v:${key}`);
    });

    it.each(prefixes)('lists exactly the keys under prefix %j, in key order', async (prefix) => {
      const result = await store().range(prefix);
      expect(result.items.map((kv) => kv.key)).toEqual(expected(prefix));
      expect(result.items.every((kv) => kv.value === `v:${kv.key}`)).toBe(true);
      expect(result.more).toBe(false);
      expect(result.revision).toBe(await store().revision());
      expect(await store().count(prefix)).toBe(expected(prefix).length);
    });

    it('pages with limit and startAfter, reporting more', async () => {
      const all = expected('a');
      const pages: KeyValue[][] = [];
      let startAfter: string | undefined;
      for (;;) {
        const page = await store().range('a', { limit: 4, startAfter });
        pages.push(page.items);
        if (!page.more) break;
        expect(page.items).toHaveLength(4);
        startAfter = page.items[page.items.length - 1]!.key;
      }
      expect(pages.flat().map((kv) => kv.key)).toEqual(all);
      expect(pages).toHaveLength(Math.ceil(all.length / 4));
    });

    it('says no more when the limit exactly reaches the end', async () => {
      const all = expected('a%');
      const page = await store().range('a%', { limit: all.length });
      expect(page.items.map((kv) => kv.key)).toEqual(all);
      expect(page.more).toBe(false);
      expect((await store().range('a%', { limit: all.length - 1 })).more).toBe(true);
    });

    it('treats a startAfter before the prefix as the start, and one past it as the end', async () => {
      expect((await store().range('a_', { startAfter: '0' })).items.map((kv) => kv.key)).toEqual(expected('a_'));
      expect((await store().range('a_', { startAfter: 'zzz' })).items).toEqual([]);
    });

    it('returns the current state of each key', async () => {
      const kv = (await store().get('ab'))!;
      await store().update('ab', 'changed', kv.modRevision);
      await store().delete('a%1');
      const result = await store().range('a');
      expect(result.items.find((i) => i.key === 'ab')?.value).toBe('changed');
      expect(result.items.some((i) => i.key === 'a%1')).toBe(false);
      expect(await store().count('a%')).toBe(expected('a%').length - 1);
    });
  });
}
