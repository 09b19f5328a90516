import { describe, expect, it } from 'vitest';
import { RecentEvents } from './recent-events';
import type { WatchEvent } from './types';

const event = (revision: number, key = `/registry/core/pods/ns/p${revision}`): WatchEvent => ({
  type: 'PUT',
  revision,
  kv: { key, value: '{}', createRevision: revision, modRevision: revision },
});

describe('RecentEvents', () => {
  it('serves a range it holds, filtered by prefix and limited', () => {
    const recent = new RecentEvents(10, 0);
    for (let r = 1; r <= 6; r++) recent.append(event(r, r % 2 ? `/registry/core/pods/ns/p${r}` : `/registry/leases/l${r}`));
    expect(recent.read('/registry/core/pods/', 0, 6, 100)!.map((e) => e.revision)).toEqual([1, 3, 5]);
    expect(recent.read('/registry/', 2, 5, 2)!.map((e) => e.revision)).toEqual([3, 4]);
    expect(recent.read('/registry/', 6, 6, 10)).toEqual([]);
  });

  it('declines a range that starts before its window or ends after its last event', () => {
    const recent = new RecentEvents(3, 0);
    for (let r = 1; r <= 5; r++) recent.append(event(r));
    expect(recent.read('/', 1, 5, 10)).toBeUndefined();
    expect(recent.read('/', 2, 5, 10)!.map((e) => e.revision)).toEqual([3, 4, 5]);
    expect(recent.read('/', 2, 6, 10)).toBeUndefined();
  });

  it('starts afresh after a gap, never serving a range with a hole in it', () => {
    const recent = new RecentEvents(10, 0);
    recent.append(event(1));
    recent.append(event(2));
    recent.append(event(5));
    expect(recent.read('/', 0, 5, 10)).toBeUndefined();
    expect(recent.read('/', 4, 5, 10)!.map((e) => e.revision)).toEqual([5]);
  });

  it('holds nothing with no capacity', () => {
    const recent = new RecentEvents(0, 0);
    recent.append(event(1));
    expect(recent.read('/', 0, 1, 10)).toBeUndefined();
  });

  it('forgets compacted events, so a replay over them falls back to history', () => {
    const recent = new RecentEvents(10, 0);
    for (let r = 1; r <= 4; r++) recent.append(event(r));
    recent.forgetThrough(2);
    expect(recent.read('/', 1, 4, 10)).toBeUndefined();
    expect(recent.read('/', 2, 4, 10)!.map((e) => e.revision)).toEqual([3, 4]);
    recent.forgetThrough(9);
    expect(recent.read('/', 4, 4, 10)).toEqual([]);
    recent.append(event(5));
    expect(recent.read('/', 4, 5, 10)!.map((e) => e.revision)).toEqual([5]);
  });

  it('holds at most maxChars of values, dropping the oldest events first', () => {
    const recent = new RecentEvents(100, 0, 5);
    for (let r = 1; r <= 4; r++) recent.append(event(r)); // each value is '{}', 2 characters
    expect(recent.read('/', 1, 4, 10)).toBeUndefined();
    expect(recent.read('/', 2, 4, 10)!.map((e) => e.revision)).toEqual([3, 4]);
  });
});
