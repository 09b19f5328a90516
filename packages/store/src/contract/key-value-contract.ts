import { describe, expect, it } from 'vitest';
import type { Store } from '../types';

/** Contract: create, get, compare-and-swap update, delete, revisions. */
export function describeKeyValueContract(store: () => Store): void {
  describe('create, get, update, delete', () => {
    it('creates a key at the next revision and reads it back', async () => {
      const before = await store().revision();
      const kv = await store().create('/a', 'one');
      expect(kv).toEqual({ key: '/a', value: 'one', createRevision: before + 1, modRevision: before + 1 });
      expect(await store().revision()).toBe(before + 1);
      expect(await store().get('/a')).toEqual(kv);
      expect(await store().get('/missing')).toBeUndefined();
    });

    it('refuses to create an existing key without consuming a revision', async () => {
      await store().create('/a', 'one');
      const revision = await store().revision();
      await expect(store().create('/a', 'two')).rejects.toMatchObject({ name: 'StoreError', code: 'KeyExists' });
      expect(await store().revision()).toBe(revision);
      expect((await store().get('/a'))?.value).toBe('one');
    });

    it('updates only when the expected modRevision matches', async () => {
      const created = await store().create('/a', 'one');
      const updated = await store().update('/a', 'two', created.modRevision);
      expect(updated).toEqual({
        key: '/a', value: 'two', createRevision: created.createRevision, modRevision: created.modRevision + 1,
      });
      await expect(store().update('/a', 'stale', created.modRevision)).rejects.toMatchObject({
        code: 'Conflict',
        current: updated,
      });
      expect(await store().get('/a')).toEqual(updated);
    });

    it('fails to update an absent key with NotFound', async () => {
      await expect(store().update('/nope', 'x', 1)).rejects.toMatchObject({ code: 'NotFound' });
    });

    it('deletes, returning the deleted value at the delete revision', async () => {
      const created = await store().create('/a', 'one');
      const deleted = await store().delete('/a');
      expect(deleted).toEqual({
        key: '/a', value: 'one', createRevision: created.createRevision, modRevision: created.modRevision + 1,
      });
      expect(await store().revision()).toBe(deleted.modRevision);
      expect(await store().get('/a')).toBeUndefined();
      await expect(store().delete('/a')).rejects.toMatchObject({ code: 'NotFound' });
    });

    it('deletes conditionally on the expected modRevision', async () => {
      const created = await store().create('/a', 'one');
      const updated = await store().update('/a', 'two', created.modRevision);
      await expect(store().delete('/a', created.modRevision)).rejects.toMatchObject({
        code: 'Conflict',
        current: updated,
      });
      expect(await store().get('/a')).toEqual(updated);
      expect((await store().delete('/a', updated.modRevision)).value).toBe('two');
    });

    it('never reuses a revision: a re-created key gets a new createRevision', async () => {
      const first = await store().create('/a', 'one');
      const deleted = await store().delete('/a');
      const again = await store().create('/a', 'again');
      expect(again.createRevision).toBe(deleted.modRevision + 1);
      expect(again.modRevision).toBe(again.createRevision);
      expect(first.createRevision).toBeLessThan(deleted.modRevision);
    });
  });
}
