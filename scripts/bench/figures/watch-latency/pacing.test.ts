import { describe, expect, it } from 'vitest';
import { DeliveryLog } from './deliveries';
import { writePaced } from './pacing';

/** A fake clock and a trace of what happened when. */
function harness(watchers: number) {
  let clock = 0;
  const trace: string[] = [];
  const log = new DeliveryLog(watchers);
  const later = () => new Promise((r) => setImmediate(r));
  return { log, trace, now: () => clock, tick: (ms: number) => (clock += ms), later };
}

describe('writePaced', () => {
  it('starts a write only after every watcher received the previous one', async () => {
    const h = harness(2);
    const write = async (key: string) => {
      h.trace.push(`write ${key}`);
      h.tick(1);
      // The two watchers receive the event at different times, one after the response.
      void h.later().then(() => {
        h.tick(1);
        h.trace.push(`w0 ${key}`);
        h.log.received(0, key, h.now());
        return h.later();
      }).then(() => {
        h.tick(1);
        h.trace.push(`w1 ${key}`);
        h.log.received(1, key, h.now());
      });
    };
    await writePaced({ keys: ['a', 'b'], log: h.log, now: h.now, write });
    expect(h.trace).toEqual(['write a', 'w0 a', 'w1 a', 'write b', 'w0 b', 'w1 b']);
    // Each write: response 1 ms after t0, deliveries at 2 and 3 ms.
    expect(h.log.summary()).toEqual({ deliveries: 4, deliveryP50: 2, deliveryP99: 3, firstDeliveryP50: 2, roundTripP50: 1 });
  });

  it('waits for the response even when every event arrived before it', async () => {
    const h = harness(1);
    let answered = false;
    const write = async (key: string) => {
      h.log.received(0, key, h.now());
      await h.later();
      answered = true;
    };
    await writePaced({ keys: ['a'], log: h.log, now: h.now, write });
    expect(answered).toBe(true);
  });

  it('stops at the first round its guard fails', async () => {
    const h = harness(1);
    const written: string[] = [];
    const write = async (key: string) => void written.push(key);
    const guard = <T>(round: Promise<T>, key: string): Promise<T> => (key === 'a' ? Promise.reject(new Error(`lost ${key}`)) : round);
    await expect(writePaced({ keys: ['a', 'b'], log: h.log, now: h.now, write, guard })).rejects.toThrow('lost a');
    expect(written).toEqual(['a']);
  });

  it('fails when a write fails', async () => {
    const h = harness(1);
    await expect(writePaced({ keys: ['a'], log: h.log, now: h.now, write: () => Promise.reject(new Error('refused')) })).rejects.toThrow('refused');
  });
});
