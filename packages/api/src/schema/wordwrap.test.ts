import { describe, expect, it } from 'vitest';
import { wrapString } from './wordwrap';

describe('wrapString (go-wordwrap semantics)', () => {
  it('breaks at the last space that keeps the line within the limit, dropping that space', () => {
    expect(wrapString('foo bar baz', 7)).toBe('foo bar\nbaz');
    expect(wrapString('foo bar baz', 11)).toBe('foo bar baz');
    expect(wrapString('one two three four', 9)).toBe('one two\nthree\nfour');
  });

  it('lets a word longer than the limit overflow on its own line', () => {
    expect(wrapString('a https://example.com/very/long b', 10)).toBe('a\nhttps://example.com/very/long\nb');
  });

  it('keeps existing newlines and restarts counting after them', () => {
    expect(wrapString('aaa bbb\nccc ddd eee', 7)).toBe('aaa bbb\nccc ddd\neee');
    expect(wrapString('line\n\nnext', 80)).toBe('line\n\nnext');
  });

  it('keeps trailing spaces before a newline only while they fit', () => {
    expect(wrapString('abc  \nd', 10)).toBe('abc  \nd');
    expect(wrapString('abcd   \nx', 5)).toBe('abcd\nx');
    expect(wrapString('ab ', 10)).toBe('ab ');
  });

  it('keeps runs of spaces inside a line and treats tabs as spaces', () => {
    expect(wrapString('a  b', 10)).toBe('a  b');
    expect(wrapString('aa\tbb cc', 5)).toBe('aa\tbb\ncc');
  });

  it('does not break at non-breaking spaces and counts code points, not UTF-16 units', () => {
    expect(wrapString('aa\u00a0bb cc', 5)).toBe('aa\u00a0bb\ncc');
    expect(wrapString('😀😀 a', 4)).toBe('😀😀 a');
  });
});
