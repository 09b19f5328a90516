import { describe, expect, it } from 'vitest';
import { DeliveryLog } from './deliveries';

/** Whether a promise has settled by the time pending microtasks ran. */
async function settled(p: Promise<unknown>): Promise<boolean> {
  let done = false;
  void p.then(() => (done = true));
  await new Promise((r) => setImmediate(r));
  return done;
}

describe('DeliveryLog', () => {
  it('completes a round only when every watcher has received the write', async () => {
    const log = new DeliveryLog(3);
    const round = log.begin('a', 100);
    log.received(0, 'a', 101);
    log.received(2, 'a', 102);
    expect(await settled(round)).toBe(false);
    expect(log.missing('a')).toBe(1);
    log.received(1, 'a', 103);
    expect(await settled(round)).toBe(true);
    expect(log.missing('a')).toBe(0);
  });

  it('measures each delivery from the write’s t0 and the round trip from t0 to the answer', () => {
    const log = new DeliveryLog(2);
    void log.begin('a', 10);
    log.received(0, 'a', 11);
    log.received(1, 'a', 14);
    log.answered('a', 12);
    void log.begin('b', 20);
    log.received(1, 'b', 22);
    log.received(0, 'b', 23);
    log.answered('b', 25);
    // deliveries 1, 4, 2, 3 (earliest of each write: 1, 2); round trips 2, 5
    expect(log.summary()).toEqual({ deliveries: 4, deliveryP50: 2, deliveryP99: 4, firstDeliveryP50: 1, roundTripP50: 2 });
  });

  it('counts neither keys that were not begun nor a watcher’s repeated delivery', () => {
    const log = new DeliveryLog(2);
    log.received(0, 'before', 1);
    void log.begin('a', 0);
    log.received(0, 'a', 1);
    log.received(0, 'a', 9);
    expect(log.missing('a')).toBe(1);
    log.received(1, 'a', 2);
    log.answered('a', 1);
    expect(log.summary()).toMatchObject({ deliveries: 2, deliveryP99: 2 });
  });

  it('refuses a watcher outside the set, a key begun twice and answers to writes never begun', () => {
    const log = new DeliveryLog(2);
    void log.begin('a', 0);
    expect(() => log.received(2, 'a', 1)).toThrow('no watcher 2');
    expect(() => log.begin('a', 1)).toThrow('already begun');
    expect(() => log.answered('b', 1)).toThrow('not begun');
    expect(() => new DeliveryLog(0)).toThrow('positive integer');
  });

  it('has no summary before any delivery', () => {
    expect(() => new DeliveryLog(1).summary()).toThrow('no samples');
  });
});
