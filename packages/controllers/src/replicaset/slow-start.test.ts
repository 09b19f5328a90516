import { describe, expect, it } from 'vitest';
import { slowStartBatch } from './slow-start';

describe('slowStartBatch', () => {
  it('makes every call when all succeed', async () => {
    let calls = 0;
    const result = await slowStartBatch(7, async () => void calls++);
    expect(result).toEqual({ successes: 7 });
    expect(calls).toBe(7);
  });

  it('finishes the batch with a failure and skips the rest', async () => {
    let calls = 0;
    // Batches 1, 2, 4, 3: the 5th call is in the third batch, which still runs in full.
    const result = await slowStartBatch(10, async () => {
      calls++;
      if (calls === 5) throw new Error('quota exceeded');
    });
    expect(calls).toBe(7);
    expect(result.successes).toBe(6);
    expect((result.error as Error).message).toBe('quota exceeded');
  });

  it('stops after the first call when it fails', async () => {
    let calls = 0;
    const result = await slowStartBatch(500, async () => {
      calls++;
      throw new Error('forbidden');
    });
    expect(calls).toBe(1);
    expect(result.successes).toBe(0);
  });
});
