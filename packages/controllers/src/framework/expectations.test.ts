import { describe, expect, it } from 'vitest';
import { FakeClock } from '@mk/api';
import { createExpectations } from './expectations';

describe('expectations', () => {
  it('are satisfied once every create and delete was observed', () => {
    const e = createExpectations(new FakeClock());
    expect(e.satisfied('ns/rs')).toBe(true);
    e.expect('ns/rs', 2, ['ns/p1']);
    e.creationObserved('ns/rs');
    e.deletionObserved('ns/rs', 'ns/p1');
    e.deletionObserved('ns/rs', 'ns/p1'); // a second event for the same pod lowers nothing
    expect(e.satisfied('ns/rs')).toBe(false);
    e.creationObserved('ns/rs');
    expect(e.satisfied('ns/rs')).toBe(true);
  });
  it('expire so a lost event cannot wedge the controller', async () => {
    const clock = new FakeClock();
    const e = createExpectations(clock, 1000);
    e.expect('ns/rs', 1);
    await clock.advance(999);
    expect(e.satisfied('ns/rs')).toBe(false);
    await clock.advance(2);
    expect(e.satisfied('ns/rs')).toBe(true);
    e.forget('ns/rs');
    expect(e.satisfied('ns/rs')).toBe(true);
  });
});
