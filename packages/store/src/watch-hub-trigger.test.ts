import { describe, expect, it } from 'vitest';
import { EventCollector } from './testing/event-collector';
import type { KeyValue, WatchEvent, WatchTrigger } from './types';
import { WatchHub, type HistoryPage } from './watch-hub';

/** Values are `<node>` strings; keys under /pods/ are indexed by them, other keys are not. */
const calls: string[] = [];
const byNode = (kv: KeyValue): string | undefined => {
  calls.push(`${kv.key}@${kv.modRevision}`);
  return kv.key.startsWith('/pods/') ? kv.value : undefined;
};
const onNode = (value: string): WatchTrigger => ({ fn: byNode, value });

/** A small write log: create, update and delete events with their previous values, as the store builds them. */
class Writes {
  readonly events: WatchEvent[] = [];
  private readonly current = new Map<string, KeyValue>();

  put(key: string, value: string): WatchEvent {
    const revision = this.events.length + 1;
    const prevKv = this.current.get(key);
    const kv = { key, value, createRevision: prevKv?.createRevision ?? revision, modRevision: revision };
    this.current.set(key, kv);
    return this.push(prevKv ? { type: 'PUT', kv, prevKv, revision } : { type: 'PUT', kv, revision });
  }

  delete(key: string): WatchEvent {
    const revision = this.events.length + 1;
    const prevKv = this.current.get(key)!;
    this.current.delete(key);
    return this.push({ type: 'DELETE', kv: { ...prevKv, modRevision: revision }, prevKv, revision });
  }

  private push(event: WatchEvent): WatchEvent {
    this.events.push(event);
    return event;
  }
}

function hubOver(history: WatchEvent[] = [], opts: { bufferSize?: number } = {}) {
  const errors: unknown[] = [];
  const hub = new WatchHub({
    readHistory: (prefix, after, to, limit): HistoryPage =>
      history.filter((e) => e.revision > after && e.revision <= to && e.kv.key.startsWith(prefix)).slice(0, limit),
    startRevision: 0,
    bufferSize: opts.bufferSize ?? 10_000,
    replayPageSize: 2,
    defer: (fn) => setImmediate(fn),
    onCallbackError: (error) => errors.push(error),
  });
  return { hub, errors };
}

const tick = () => new Promise<void>((resolve) => setImmediate(resolve));

describe('WatchHub triggers', () => {
  it('offers a triggered watcher only events whose new or previous value is its own, moves and deletes included', async () => {
    const { hub } = hubOver();
    const onA = new EventCollector();
    const onB = new EventCollector();
    const all = new EventCollector();
    hub.subscribe('/pods/', { ...onA.options(0), trigger: onNode('a') }, 0);
    hub.subscribe('/pods/', { ...onB.options(0), trigger: onNode('b') }, 0);
    hub.subscribe('/pods/', all.options(0), 0);
    const w = new Writes();
    hub.publish(w.put('/pods/x', 'a')); // 1: created on a
    hub.publish(w.put('/pods/y', 'b')); // 2: created on b
    hub.publish(w.put('/pods/z', '')); // 3: created unassigned
    hub.publish(w.put('/pods/z', 'b')); // 4: z moves onto b
    hub.publish(w.put('/pods/x', 'b')); // 5: x moves from a to b
    hub.publish(w.put('/pods/y', 'b')); // 6: y changes, stays on b
    hub.publish(w.delete('/pods/x')); // 7: x deleted from b
    await all.untilRevision(7);
    await onB.untilRevision(7);
    expect(onA.revisions).toEqual([1, 5]);
    expect(onB.revisions).toEqual([2, 4, 5, 6, 7]);
    expect(all.revisions).toEqual([1, 2, 3, 4, 5, 6, 7]);
  });

  it('computes trigger values once per event, on the previous value only when it differs, and not at all without triggered watchers', async () => {
    const { hub } = hubOver();
    const w = new Writes();
    calls.length = 0;
    hub.publish(w.put('/pods/x', 'a'));
    expect(calls).toEqual([]);
    const watchers = Array.from({ length: 50 }, (_, i) => new EventCollector().options(0));
    for (const [i, watch] of watchers.entries()) hub.subscribe('/pods/', { ...watch, trigger: onNode(`n${i}`) }, 1);
    hub.publish(w.put('/pods/x', 'b')); // 2: update with a new value: both sides
    hub.publish(w.put('/pods/x', 'b')); // 3: same value: one call
    hub.publish(w.delete('/pods/x')); // 4: a delete carries one value
    expect(calls).toEqual(['/pods/x@2', '/pods/x@1', '/pods/x@3', '/pods/x@4']);
  });

  it('offers triggered watchers nothing for keys the trigger does not index', async () => {
    const { hub } = hubOver();
    const onA = new EventCollector();
    const all = new EventCollector();
    hub.subscribe('/', { ...onA.options(0), trigger: onNode('a') }, 0);
    hub.subscribe('/', all.options(0), 0);
    const w = new Writes();
    hub.publish(w.put('/nodes/a', 'a'));
    hub.publish(w.put('/pods/x', 'a'));
    await onA.untilRevision(2);
    await all.untilRevision(2);
    expect(onA.revisions).toEqual([2]);
    expect(all.revisions).toEqual([1, 2]);
  });

  it('narrows the history a triggered watcher replays as it narrows live events', async () => {
    const w = new Writes();
    w.put('/pods/x', 'a');
    w.put('/pods/y', 'b');
    const { hub } = hubOver(w.events);
    const onA = new EventCollector();
    hub.subscribe('/pods/', { ...onA.options(0), trigger: onNode('a') }, 2);
    hub.publish(w.put('/pods/z', 'b'));
    hub.publish(w.put('/pods/x', 'a'));
    await onA.untilRevision(4);
    expect(onA.revisions).toEqual([1, 4]);
  });

  it('narrows the events it reads from history to fill a gap left by another writer', async () => {
    const w = new Writes();
    const { hub } = hubOver(w.events);
    const onA = new EventCollector();
    const onB = new EventCollector();
    hub.subscribe('/pods/', { ...onA.options(0), trigger: onNode('a') }, 0);
    hub.subscribe('/pods/', { ...onB.options(0), trigger: onNode('b') }, 0);
    // Written by another connection: in history, never published here.
    w.put('/pods/x', 'a');
    w.put('/pods/y', 'b');
    w.put('/pods/x', 'b');
    hub.publish(w.put('/pods/q', 'a'));
    await onA.untilRevision(4);
    await onB.untilRevision(3);
    expect(onA.revisions).toEqual([1, 3, 4]);
    expect(onB.revisions).toEqual([2, 3]);
  });

  it('drops a slow triggered watcher, counting only the events of its own value against its buffer', async () => {
    const { hub } = hubOver([], { bufferSize: 2 });
    const slow = new EventCollector();
    hub.subscribe('/pods/', { ...slow.options(0), trigger: onNode('a') }, 0);
    const w = new Writes();
    for (let i = 0; i < 5; i++) hub.publish(w.put(`/pods/b${i}`, 'b'));
    hub.publish(w.put('/pods/a0', 'a'));
    hub.publish(w.put('/pods/a1', 'a'));
    await slow.untilRevision(7);
    expect(slow.revisions).toEqual([6, 7]);
    // Three in one synchronous burst overflow the buffer of 2 before any delivery.
    for (let i = 2; i < 5; i++) hub.publish(w.put(`/pods/a${i}`, 'a'));
    expect(await slow.untilClosed()).toBe('slow');
    expect(slow.revisions).toEqual([6, 7]);
    expect(hub.size).toBe(0);
  });

  it('unfiles a closed triggered watcher, so later writes compute no trigger values', async () => {
    const { hub } = hubOver();
    const onA = new EventCollector();
    const watcher = hub.subscribe('/pods/', { ...onA.options(0), trigger: onNode('a') }, 0);
    const w = new Writes();
    hub.publish(w.put('/pods/x', 'a'));
    await onA.untilRevision(1);
    watcher.close();
    calls.length = 0;
    hub.publish(w.put('/pods/y', 'a'));
    await tick();
    expect(calls).toEqual([]);
    expect(hub.size).toBe(0);
    expect(onA.revisions).toEqual([1]);
  });

  it('offers an event to every bucket of a trigger that threw, and reports the error', async () => {
    const { hub, errors } = hubOver();
    const broken = (kv: KeyValue): string => {
      if (kv.value === 'bad') throw new Error('unreadable');
      return kv.value;
    };
    const onA = new EventCollector();
    const onB = new EventCollector();
    hub.subscribe('/', { ...onA.options(0), trigger: { fn: broken, value: 'a' } }, 0);
    hub.subscribe('/', { ...onB.options(0), trigger: { fn: broken, value: 'b' } }, 0);
    const w = new Writes();
    hub.publish(w.put('/x', 'bad'));
    hub.publish(w.put('/y', 'b'));
    await onA.untilRevision(1);
    await onB.untilRevision(2);
    expect(onA.revisions).toEqual([1]);
    expect(onB.revisions).toEqual([1, 2]);
    expect(errors).toEqual([new Error('unreadable')]);
  });
});

describe('WatchHub progress', () => {
  it('reports an idle watcher as caught up with every published write, its trigger excluding them or not', async () => {
    const { hub } = hubOver();
    let progress: () => number = () => -1;
    const onA = new EventCollector();
    hub.subscribe('/pods/', { ...onA.options(0), trigger: onNode('a'), onProgressReader: (read) => (progress = read) }, 0);
    expect(progress()).toBe(0);
    const w = new Writes();
    hub.publish(w.put('/pods/x', 'a'));
    hub.publish(w.put('/pods/y', 'b'));
    hub.publish(w.put('/other', 'a'));
    await onA.untilRevision(1);
    await tick();
    expect(progress()).toBe(3);
  });

  it('reports the last revision handed to onEvent while the watcher is replaying or busy', async () => {
    const w = new Writes();
    w.put('/pods/x', 'a');
    w.put('/pods/y', 'a');
    const { hub } = hubOver(w.events);
    let progress: () => number = () => -1;
    let release: () => void = () => {};
    const seen: number[] = [];
    hub.subscribe('/pods/', {
      afterRevision: 0,
      onProgressReader: (read) => (progress = read),
      // Holds on to the first event: backpressure keeps the watcher busy.
      onEvent: (event) => {
        seen.push(event.revision);
        if (event.revision === 1) return new Promise<void>((resolve) => (release = resolve));
      },
    }, 2);
    expect(progress()).toBe(0);
    hub.publish(w.put('/pods/z', 'a'));
    while (seen.length === 0) await tick();
    expect(progress()).toBe(1);
    release();
    while (seen.length < 3) await tick();
    await tick();
    expect(progress()).toBe(3);
  });

  it('files an event read back from history by the values remembered for its revision, without calling the trigger again', async () => {
    const w = new Writes();
    w.put('/pods/x', 'a');
    w.put('/pods/y', 'b');
    const { hub } = hubOver(w.events);
    const first = new EventCollector();
    hub.subscribe('/pods/', { ...first.options(0), trigger: onNode('a') }, 2);
    await first.untilRevision(1);
    await tick();
    calls.length = 0;
    // A second watcher replays the same revisions (from SQLite these would be new objects, never decoded).
    const second = new EventCollector();
    hub.subscribe('/pods/', { ...second.options(0), trigger: onNode('a') }, 2);
    await second.untilRevision(1);
    expect(second.revisions).toEqual([1]);
    expect(calls).toEqual([]);
  });
});
