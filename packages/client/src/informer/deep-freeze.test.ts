import { describe, expect, it } from 'vitest';
import { deepFreeze } from './deep-freeze';

describe('deepFreeze', () => {
  it('freezes nested objects and arrays and returns the same value', () => {
    const v = { a: { b: [{ c: 1 }] }, s: 'x', n: null };
    expect(deepFreeze(v)).toBe(v);
    expect(Object.isFrozen(v.a)).toBe(true);
    expect(Object.isFrozen(v.a.b)).toBe(true);
    expect(Object.isFrozen(v.a.b[0])).toBe(true);
    expect(() => v.a.b.push({ c: 2 })).toThrow(TypeError);
  });

  it('passes primitives through', () => {
    expect(deepFreeze(3)).toBe(3);
    expect(deepFreeze(null)).toBe(null);
  });
});
