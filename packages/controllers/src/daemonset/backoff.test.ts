import { describe, expect, it } from 'vitest';
import { createFailedPodBackoff } from './backoff';

describe('failed pod back-off', () => {
  it('starts at 1 s and doubles up to 15 min', () => {
    const b = createFailedPodBackoff();
    expect(b.inBackoffSinceUpdate('k', 0)).toBe(false);
    const delays: number[] = [];
    let t = 0;
    for (let i = 0; i < 12; i++) {
      b.next('k', t);
      delays.push(b.delay('k'));
      t += b.delay('k');
    }
    expect(delays).toEqual([1_000, 2_000, 4_000, 8_000, 16_000, 32_000, 64_000, 128_000, 256_000, 512_000, 900_000, 900_000]);
  });

  it('is in back-off until the delay has passed since the last step', () => {
    const b = createFailedPodBackoff();
    b.next('k', 10_000);
    b.next('k', 10_000);
    expect(b.inBackoffSinceUpdate('k', 11_999)).toBe(true);
    expect(b.inBackoffSinceUpdate('k', 12_000)).toBe(false);
    expect(b.inBackoffSinceUpdate('other', 11_000)).toBe(false);
  });

  it('starts over after twice the maximum without a step, and forgets such entries on gc', () => {
    const b = createFailedPodBackoff();
    b.next('k', 0);
    b.next('k', 0);
    b.next('k', 30 * 60_000 + 1);
    expect(b.delay('k')).toBe(1_000);
    b.gc(60 * 60_000 + 2);
    expect(b.delay('k')).toBe(0);
  });
});
