import { describe, expect, it } from 'vitest';
import { StartupLedger } from './latency';

const R = { phase: 'Running', bound: true };
const P = { phase: 'Pending', bound: false };

describe('StartupLedger', () => {
  it('measures each pod from its create being sent to its first Running in the watch', () => {
    const ledger = new StartupLedger(['a', 'b']);
    ledger.sent('a', 100);
    ledger.sent('b', 110);
    ledger.created('a', 104);
    ledger.observed('a', P, 105);
    ledger.created('b', 116);
    ledger.observed('a', { phase: 'Pending', bound: true }, 150);
    ledger.observed('a', { phase: 'Pending', bound: true }, 170);
    expect(ledger.observed('a', R, 400)).toBe(true);
    expect(ledger.observed('b', R, 910)).toBe(true);
    expect(ledger.allRunning).toBe(true);
    // b was first seen Running, so bound at the same moment.
    expect(ledger.summary()).toEqual({ count: 2, startupP50Ms: 300, startupP99Ms: 800, startupMaxMs: 800, createRoundTripP50Ms: 4, boundP50Ms: 50 });
  });

  it('keeps the first Running and ignores later events of the same pod', () => {
    const ledger = new StartupLedger(['a']);
    ledger.sent('a', 0);
    ledger.created('a', 5);
    expect(ledger.observed('a', R, 200)).toBe(true);
    expect(ledger.observed('a', R, 900)).toBe(false);
    expect(ledger.runningCount).toBe(1);
    expect(ledger.summary().startupMaxMs).toBe(200);
  });

  it('ignores pods that are not its own', () => {
    const ledger = new StartupLedger(['a']);
    expect(ledger.observed('other', R, 10)).toBe(false);
    expect(ledger.runningCount).toBe(0);
    expect(() => ledger.sent('other', 0)).toThrow('not one of the ledger');
  });

  it('counts a pod Running only after its create was sent', () => {
    const ledger = new StartupLedger(['a']);
    expect(ledger.observed('a', R, 10)).toBe(false);
    ledger.sent('a', 20);
    expect(ledger.observed('a', R, 30)).toBe(true);
  });

  it('takes p99 by nearest rank over all pods', () => {
    const names = Array.from({ length: 200 }, (_, i) => `p${i}`);
    const ledger = new StartupLedger(names);
    names.forEach((name, i) => {
      ledger.sent(name, 0);
      ledger.created(name, 1);
      ledger.observed(name, R, i + 1);
    });
    const s = ledger.summary();
    expect(s.startupP50Ms).toBe(100);
    expect(s.startupP99Ms).toBe(198);
    expect(s.startupMaxMs).toBe(200);
  });

  it('says how many pods are missing and in what state', () => {
    const ledger = new StartupLedger(['a', 'b', 'c', 'd', 'e']);
    for (const n of ['a', 'b', 'c', 'd']) ledger.sent(n, 0);
    ledger.observed('a', R, 5);
    ledger.observed('b', P, 5);
    ledger.observed('c', P, 5);
    expect(ledger.allRunning).toBe(false);
    expect(ledger.describeMissing()).toBe('4 of 5 pods not seen Running: 2 Pending, 1 never in the watch, 1 never created');
    expect(() => ledger.summary()).toThrow('4 of 5 pods not seen Running');
  });

  it('refuses a summary when a running pod has no create response', () => {
    const ledger = new StartupLedger(['a']);
    ledger.sent('a', 0);
    ledger.observed('a', R, 5);
    expect(() => ledger.summary()).toThrow('create response never arrived');
  });
});
