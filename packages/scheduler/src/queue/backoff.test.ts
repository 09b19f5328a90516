import { describe, expect, it } from 'vitest';
import { backoffDuration } from './backoff';

describe('backoffDuration', () => {
  it('doubles from the initial backoff per attempt up to the maximum', () => {
    expect([0, 1, 2, 3, 4, 5, 6].map((a) => backoffDuration(a, 1000, 10_000))).toEqual([0, 1000, 2000, 4000, 8000, 10_000, 10_000]);
  });
});
