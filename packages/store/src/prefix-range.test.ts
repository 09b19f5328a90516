import { describe, expect, it } from 'vitest';
import { compareKeys, prefixEnd } from './prefix-range';

describe('prefixEnd', () => {
  it.each([
    ['a', 'b'],
    ['/registry/pods/', '/registry/pods0'],
    ['a%', 'a&'],
    ['a\u{d7ff}', 'a\u{e000}'],
    ['a\uffff', 'a\u{10000}'],
    ['a😀', 'a😁'],
    ['x\u{10ffff}', 'y'],
    ['x\u{10ffff}\u{10ffff}', 'y'],
  ])('%j ends before %j', (prefix, end) => {
    expect(prefixEnd(prefix)).toBe(end);
  });

  it.each(['', '\u{10ffff}', '\u{10ffff}\u{10ffff}'])('%j has no end', (prefix) => {
    expect(prefixEnd(prefix)).toBeUndefined();
  });
});

describe('compareKeys', () => {
  it('orders by code point (as SQLite does), not by UTF-16 unit', () => {
    expect('\uffff' > '😀').toBe(true);
    expect(compareKeys('\uffff', '😀')).toBeLessThan(0);
    expect(compareKeys('a', 'a')).toBe(0);
    expect(compareKeys('ab', 'a')).toBeGreaterThan(0);
  });
});
