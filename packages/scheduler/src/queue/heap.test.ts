import { describe, expect, it } from 'vitest';
import { KeyedHeap } from './heap';

describe('KeyedHeap', () => {
  const heap = () => new KeyedHeap<{ k: string; v: number }>((x) => x.k, (a, b) => a.v < b.v);

  it('pops in order', () => {
    const h = heap();
    for (const [k, v] of [['a', 5], ['b', 1], ['c', 3], ['d', 4], ['e', 2]] as const) h.addOrUpdate({ k, v });
    const out: string[] = [];
    for (let x = h.pop(); x; x = h.pop()) out.push(x.k);
    expect(out).toEqual(['b', 'e', 'c', 'd', 'a']);
  });

  it('updates and deletes by key', () => {
    const h = heap();
    h.addOrUpdate({ k: 'a', v: 1 });
    h.addOrUpdate({ k: 'b', v: 2 });
    h.addOrUpdate({ k: 'c', v: 3 });
    h.addOrUpdate({ k: 'c', v: 0 });
    expect(h.size).toBe(3);
    expect(h.peek()?.k).toBe('c');
    expect(h.delete('c')?.v).toBe(0);
    expect(h.has('c')).toBe(false);
    expect(h.pop()?.k).toBe('a');
    expect(h.pop()?.k).toBe('b');
    expect(h.pop()).toBeUndefined();
  });
});
