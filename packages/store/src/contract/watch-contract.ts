import { describe, expect, it } from 'vitest';
import { EventCollector } from '../testing/event-collector';
import type { Store, WatchEvent } from '../types';

const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

/** Contract: watch replay, live delivery, prefix filtering, no gaps or duplicates, backpressure, close. */
export function describeWatchContract(store: () => Store): void {
  describe('watch', () => {
    it('delivers PUT and DELETE events with prevKv, live', async () => {
      const watch = new EventCollector();
      await store().watch('/w/', watch.options(await store().revision()));
      const created = await store().create('/w/a', 'one');
      const updated = await store().update('/w/a', 'two', created.modRevision);
      const deleted = await store().delete('/w/a');
      await watch.untilRevision(deleted.modRevision);
      expect(watch.events).toEqual<WatchEvent[]>([
        { type: 'PUT', kv: created, revision: created.modRevision },
        { type: 'PUT', kv: updated, prevKv: created, revision: updated.modRevision },
        { type: 'DELETE', kv: deleted, prevKv: updated, revision: deleted.modRevision },
      ]);
      expect(deleted.value).toBe('two');
    });

    it('replays history after afterRevision, then continues live', async () => {
      const start = await store().revision();
      const a = await store().create('/w/a', 'one');
      const b = await store().create('/w/b', 'two');
      const watch = new EventCollector();
      await store().watch('/w/', watch.options(a.modRevision));
      const c = await store().update('/w/a', 'three', a.modRevision);
      await watch.untilRevision(c.modRevision);
      expect(watch.revisions).toEqual([b.modRevision, c.modRevision]);
      const all = new EventCollector();
      await store().watch('/w/', all.options(start));
      await all.untilRevision(c.modRevision);
      expect(all.revisions).toEqual([a.modRevision, b.modRevision, c.modRevision]);
    });

    it('filters by prefix, in replay and live', async () => {
      const start = await store().revision();
      await store().create('/w/in-1', 'x');
      await store().create('/wx', 'x');
      await store().create('/v/out', 'x');
      const replayed = new EventCollector();
      await store().watch('/w/', replayed.options(start));
      await store().create('/w', 'x');
      const last = await store().create('/w/in-2', 'x');
      await replayed.untilRevision(last.modRevision);
      expect(replayed.events.map((e) => e.kv.key)).toEqual(['/w/in-1', '/w/in-2']);
    });

    it('delivers asynchronously, never inside the writer', async () => {
      let writing = false;
      const delivered: boolean[] = [];
      const watch = new EventCollector();
      const options = watch.options(await store().revision());
      await store().watch('/', {
        ...options,
        onEvent: (event) => {
          delivered.push(writing);
          return options.onEvent(event);
        },
      });
      writing = true;
      const pending = store().create('/a', 'x');
      writing = false;
      const kv = await pending;
      await watch.untilRevision(kv.modRevision);
      expect(delivered).toEqual([false]);
    });

    it('allows watching from a future revision, delivering only what comes after it', async () => {
      const now = await store().revision();
      const watch = new EventCollector();
      await store().watch('/', watch.options(now + 3));
      const written: number[] = [];
      for (let i = 0; i < 5; i++) written.push((await store().create(`/k${i}`, 'x')).modRevision);
      await watch.untilRevision(written[4]!);
      expect(watch.revisions).toEqual(written.filter((r) => r > now + 3));
    });

    it('has no gap and no duplicate across replay, live and resume while writes continue', async () => {
      const start = await store().revision();
      const writes: { key: string; revision: number }[] = [];
      const writer = (async () => {
        for (let i = 0; i < 400; i++) {
          const key = i % 3 === 0 ? `/other/${i % 7}` : `/w/${i % 11}`;
          const existing = await store().get(key);
          const kv = existing
            ? i % 5 === 0
              ? await store().delete(key)
              : await store().update(key, String(i), existing.modRevision)
            : await store().create(key, String(i));
          writes.push({ key, revision: kv.modRevision });
          if (i % 4 === 0) await nextTurn();
        }
      })();
      const expectedAfter = (after: number) =>
        writes.filter((w) => w.revision > after && w.key.startsWith('/w/')).map((w) => w.revision);

      // Watchers joining at different moments, some from far back (replay), some from now.
      const watchers: { after: number; events: EventCollector }[] = [];
      for (let round = 0; round < 4; round++) {
        for (let turns = 0; turns < 15; turns++) await nextTurn();
        const now = await store().revision();
        for (const after of [start, Math.max(start, now - 20), now]) {
          const events = new EventCollector();
          await store().watch('/w/', events.options(after));
          watchers.push({ after, events });
        }
      }

      // One watcher that stops midway and resumes from the last revision it saw.
      const first = new EventCollector();
      const firstWatcher = await store().watch('/w/', first.options(start));
      await first.until(() => first.events.length >= 50);
      firstWatcher.close();
      const seen = first.revisions.slice();
      const resumed = new EventCollector();
      await store().watch('/w/', resumed.options(seen[seen.length - 1]!));

      await writer;
      // A last write every watcher must reach: anything missing or repeated before it shows up.
      const sentinel = await store().create('/w/sentinel', 'end');
      writes.push({ key: sentinel.key, revision: sentinel.modRevision });
      for (const { after, events } of watchers) {
        await events.untilRevision(sentinel.modRevision);
        expect(events.revisions).toEqual(expectedAfter(after));
      }
      await resumed.untilRevision(sentinel.modRevision);
      expect([...seen, ...resumed.revisions]).toEqual(expectedAfter(start));
      expect(watchers.some(({ after, events }) => after > start && events.revisions.length > 0)).toBe(true);
    });

    it('stops delivering to a closed watcher without calling onClose', async () => {
      const closed = new EventCollector();
      const watcher = await store().watch('/', closed.options(await store().revision()));
      const other = new EventCollector();
      await store().watch('/', other.options(await store().revision()));
      watcher.close();
      watcher.close();
      const kv = await store().create('/a', 'x');
      await other.untilRevision(kv.modRevision);
      await nextTurn();
      expect(closed.events).toEqual([]);
      expect(closed.closedWith).toBeUndefined();
    });

    it('waits for a promise returned by onEvent before the next event', async () => {
      let inFlight = 0;
      let maxInFlight = 0;
      const watch = new EventCollector();
      const options = watch.options(await store().revision());
      await store().watch('/', {
        ...options,
        onEvent: async (event) => {
          inFlight++;
          maxInFlight = Math.max(maxInFlight, inFlight);
          await nextTurn();
          inFlight--;
          await options.onEvent(event);
        },
      });
      const written: number[] = [];
      for (let i = 0; i < 10; i++) written.push((await store().create(`/k${i}`, 'x')).modRevision);
      await watch.untilRevision(written[9]!);
      expect(watch.revisions).toEqual(written);
      expect(maxInFlight).toBe(1);
    });

    it('drops watchers with onClose("closed") when the store closes', async () => {
      const watch = new EventCollector();
      await store().watch('/', watch.options(await store().revision()));
      await store().close();
      expect(await watch.untilClosed()).toBe('closed');
    });
  });
}
