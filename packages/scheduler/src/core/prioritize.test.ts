import { describe, expect, it } from 'vitest';
import { cacheOf, makeNode } from '../testing/builders';
import { selectHost } from './prioritize';

describe('selectHost', () => {
  const nodes = cacheOf([makeNode('a'), makeNode('b'), makeNode('c')]).nodes;

  it('picks the highest total', () => {
    expect(selectHost(nodes, [10, 30, 20]).name).toBe('b');
  });

  it('breaks ties by reservoir sampling with the injected random source', () => {
    // The second tie replaces the first when random() yields a value whose floor(x × 2) is 0.
    expect(selectHost(nodes, [5, 5, 1], () => 0).name).toBe('b');
    expect(selectHost(nodes, [5, 5, 1], () => 0.99).name).toBe('a');
  });
});
