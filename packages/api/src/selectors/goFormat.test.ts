import { describe, it, expect } from 'vitest';
import { byteLength, compareBytes, goQuote, goStringSlice } from './goFormat';

describe('goQuote (strconv.Quote)', () => {
  it('escapes quotes, backslashes and controls as Go does', () => {
    expect(goQuote('a"b\\c')).toBe('"a\\"b\\\\c"');
    expect(goQuote('x\ny\t\u0001\u007f\u0007')).toBe('"x\\ny\\t\\x01\\x7f\\a"');
  });

  it('escapes C1 controls as \\u00XX and keeps other printable runes', () => {
    expect(goQuote('a\u0085b\u009f')).toBe('"a\\u0085b\\u009f"');
    expect(goQuote('日本é')).toBe('"日本é"');
  });
});

describe('goStringSlice (%#v of []string)', () => {
  it('tells a nil slice from an empty one', () => {
    expect(goStringSlice(null)).toBe('[]string(nil)');
    expect(goStringSlice(undefined)).toBe('[]string(nil)');
    expect(goStringSlice([])).toBe('[]string{}');
    expect(goStringSlice(['a', 'b"c'])).toBe('[]string{"a", "b\\"c"}');
  });
});

describe('byteLength and compareBytes', () => {
  it('count UTF-8 bytes', () => {
    expect(byteLength('aé日')).toBe(6);
  });

  it('compare by UTF-8 bytes', () => {
    expect(['b', 'B', '10', '2', 'é'].sort(compareBytes)).toEqual(['10', '2', 'B', 'b', 'é']);
    // JS's UTF-16 order would put the astral character first; UTF-8 bytes put it last.
    expect(['\u{1F600}', '\uFF01'].sort(compareBytes)).toEqual(['\uFF01', '\u{1F600}']);
  });
});
