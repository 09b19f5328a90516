import { describe, expect, it } from 'vitest';
import { EventCorrelator } from './correlator';
import { createEventNamer, makeEvent } from './make-event';
import type { CoreEvent } from './types';

function setup(opts: { spamBurst?: number } = {}) {
  let now = new Date('2026-01-01T00:00:00Z');
  const newName = createEventNamer(() => 0);
  const c = new EventCorrelator({ now: () => now, newName, ...opts });
  const ev = (message: string, reason = 'BackOff'): CoreEvent =>
    makeEvent({ kind: 'Pod', namespace: 'default', name: 'web', uid: 'u1', apiVersion: 'v1' }, 'Warning', reason, message, { component: 'kubelet', host: 'n1' }, now, newName('web', now));
  /** Correlates and pretends the server stored the result at resourceVersion rv. */
  const written = (e: CoreEvent, rv: string) => {
    const r = c.correlate(e);
    if (!r.skip) c.updateState({ ...r.event, metadata: { ...r.event.metadata, resourceVersion: rv } });
    return r;
  };
  return { c, ev, written, advance: (ms: number) => (now = new Date(now.getTime() + ms)) };
}

describe('EventCorrelator', () => {
  it('turns a repeat of an identical event into a patch of the first one', () => {
    const { ev, written, advance } = setup();
    const first = written(ev('Back-off restarting'), '10');
    expect(first.patch).toBeUndefined();
    expect(first.event.count).toBe(1);
    advance(65_000);
    const again = written(ev('Back-off restarting'), '11');
    expect(again.event.metadata).toEqual({ name: first.event.metadata.name, namespace: 'default', resourceVersion: '10' });
    expect(again.event.count).toBe(2);
    expect(again.event.firstTimestamp).toBe('2026-01-01T00:00:00Z');
    expect(again.patch).toEqual({ count: 2, lastTimestamp: '2026-01-01T00:01:05Z', message: 'Back-off restarting' });
    expect(written(ev('Back-off restarting'), '12').patch!.count).toBe(3);
  });

  it('keeps events with another message, reason or object apart', () => {
    const { ev, written } = setup();
    const a = written(ev('one'), '1');
    expect(written(ev('two'), '2').patch).toBeUndefined();
    expect(written(ev('one', 'Failed'), '3').patch).toBeUndefined();
    expect(written(ev('one'), '4').event.metadata.name).toBe(a.event.metadata.name);
  });

  it('combines the 10th distinct message within 10 minutes into one aggregate event that then counts up', () => {
    const { ev, written, advance } = setup();
    for (let i = 1; i <= 9; i++) {
      const r = written(ev(`message ${i}`), String(i));
      expect(r.event.message).toBe(`message ${i}`);
      advance(60_000);
    }
    const tenth = written(ev('message 10'), '10');
    expect(tenth.event.message).toBe('(combined from similar events): message 10');
    expect(tenth.event.count).toBe(1);
    const eleventh = written(ev('message 11'), '11');
    expect(eleventh.event.metadata.name).toBe(tenth.event.metadata.name);
    expect(eleventh.event.count).toBe(2);
    expect(eleventh.patch!.message).toBe('(combined from similar events): message 11');
  });

  it('starts aggregation over when similar events are more than 10 minutes apart', () => {
    const { ev, written, advance } = setup();
    for (let i = 1; i <= 20; i++) {
      expect(written(ev(`message ${i}`), String(i)).event.message).toBe(`message ${i}`);
      advance(600_001);
    }
  });

  it('drops events beyond the spam budget of a source and object', () => {
    const { ev, c, advance } = setup({ spamBurst: 3 });
    const skipped = [1, 2, 3, 4].map((i) => c.correlate(ev(`m${i}`)).skip);
    expect(skipped).toEqual([false, false, false, true]);
    advance(300_000); // one token back
    expect(c.correlate(ev('m5')).skip).toBe(false);
    expect(c.correlate(ev('m6')).skip).toBe(true);
  });
});
