import { describe, expect, it } from 'vitest';
import { pairOrder } from './rounds';

describe('pairOrder', () => {
  it('puts the first command first in even rounds and second in odd rounds', () => {
    expect([0, 1, 2, 3].map((r) => pairOrder(r, 'mk', 'kubectl'))).toEqual([
      ['mk', 'kubectl'],
      ['kubectl', 'mk'],
      ['mk', 'kubectl'],
      ['kubectl', 'mk'],
    ]);
  });
});
