import { describe, expect, it } from 'vitest';
import { EventCollector } from './testing/event-collector';
import type { WatchEvent } from './types';
import { WatchHub, type HistoryPage } from './watch-hub';

const put = (revision: number, key = `/k${revision}`): WatchEvent => ({
  type: 'PUT',
  kv: { key, value: 'x', createRevision: revision, modRevision: revision },
  revision,
});

/** A hub over an in-memory history, as if other connections had written `history`. */
function hubOver(history: WatchEvent[], opts: { compacted?: number; bufferSize?: number; startRevision?: number; recentEvents?: number } = {}) {
  const reads: [number, number][] = [];
  const errors: unknown[] = [];
  const hub = new WatchHub({
    readHistory: (prefix, after, to, limit): HistoryPage => {
      reads.push([after, to]);
      if ((opts.compacted ?? 0) > after) return 'compacted';
      return history.filter((e) => e.revision > after && e.revision <= to && e.kv.key.startsWith(prefix)).slice(0, limit);
    },
    startRevision: opts.startRevision ?? 0,
    bufferSize: opts.bufferSize ?? 10_000,
    replayPageSize: 2,
    recentEvents: opts.recentEvents,
    defer: (fn) => setImmediate(fn),
    onCallbackError: (error) => errors.push(error),
  });
  return { hub, reads, errors };
}

describe('WatchHub', () => {
  it('fills a gap left by another writer from history before a local event', async () => {
    const history = [put(1), put(2), put(3)];
    const { hub } = hubOver(history);
    const watch = new EventCollector();
    hub.subscribe('/', watch.options(0), 0);
    hub.publish(put(4));
    await watch.untilRevision(4);
    expect(watch.revisions).toEqual([1, 2, 3, 4]);
  });

  it('does not repeat gap events the watcher already replays', async () => {
    const history = [put(1), put(2), put(3)];
    const { hub } = hubOver(history);
    const watch = new EventCollector();
    hub.subscribe('/', watch.options(0), 3);
    hub.publish(put(4));
    await watch.untilRevision(4);
    expect(watch.revisions).toEqual([1, 2, 3, 4]);
  });

  it('reads no history for a gap when nobody watches', () => {
    const { hub, reads } = hubOver([put(1), put(2)]);
    hub.publish(put(3));
    expect(reads).toEqual([]);
  });

  it('drops every watcher with "slow" when the gap was compacted', async () => {
    const { hub } = hubOver([put(2)], { compacted: 1 });
    const watch = new EventCollector();
    hub.subscribe('/', watch.options(0), 0);
    hub.publish(put(3));
    expect(await watch.untilClosed()).toBe('slow');
    expect(watch.events).toEqual([]);
    expect(hub.size).toBe(0);
  });

  it('delivers a long burst in order through its queue', async () => {
    const { hub } = hubOver([]);
    const watch = new EventCollector();
    hub.subscribe('/', watch.options(0), 0);
    for (let revision = 1; revision <= 5000; revision++) hub.publish(put(revision));
    await watch.untilRevision(5000);
    expect(watch.revisions).toEqual(Array.from({ length: 5000 }, (_, i) => i + 1));
  });

  it('reports an exception thrown by onClose', async () => {
    const { hub, errors } = hubOver([]);
    hub.subscribe('/', {
      afterRevision: 0,
      onEvent: () => {},
      onClose: () => {
        throw new Error('onClose bug');
      },
    }, 0);
    hub.closeAll('closed');
    await new Promise<void>((resolve) => setImmediate(resolve));
    expect(errors).toEqual([new Error('onClose bug')]);
  });

  it('replays recent events from memory, and from history once they are older or compacted', async () => {
    const history = [1, 2, 3, 4, 5].map((r) => put(r));
    const { hub, reads } = hubOver(history, { recentEvents: 3 });
    for (const event of history) hub.publish(event);
    const recent = new EventCollector();
    hub.subscribe('/', recent.options(2), 5);
    await recent.untilRevision(5);
    expect(recent.revisions).toEqual([3, 4, 5]);
    expect(reads).toEqual([]);

    const older = new EventCollector();
    hub.subscribe('/', older.options(1), 5);
    await older.untilRevision(5);
    expect(older.revisions).toEqual([2, 3, 4, 5]);
    expect(reads.length).toBeGreaterThan(0);

    reads.length = 0;
    hub.compacted(4);
    const compacted = new EventCollector();
    hub.subscribe('/', compacted.options(3), 5);
    await new Promise((resolve) => setImmediate(resolve));
    expect(reads[0]).toEqual([3, 5]);
  });
});
