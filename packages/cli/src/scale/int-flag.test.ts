import { describe, expect, it } from 'vitest';
import { intFlag, parseGoInt } from './int-flag';

describe('parseGoInt', () => {
  it('reads decimal numbers with a sign', () => {
    expect(parseGoInt('3', 64)).toBe(3);
    expect(parseGoInt('-1', 64)).toBe(-1);
    expect(parseGoInt('+7', 32)).toBe(7);
  });

  it('honours base prefixes as strconv.ParseInt with base 0 does', () => {
    expect(parseGoInt('0x10', 64)).toBe(16);
    expect(parseGoInt('010', 64)).toBe(8);
    expect(parseGoInt('0b11', 64)).toBe(3);
    expect(parseGoInt('0o17', 64)).toBe(15);
    expect(parseGoInt('0', 64)).toBe(0);
  });

  it("fails with strconv's messages", () => {
    expect(() => parseGoInt('abc', 64)).toThrow('strconv.ParseInt: parsing "abc": invalid syntax');
    expect(() => parseGoInt('', 64)).toThrow('strconv.ParseInt: parsing "": invalid syntax');
    expect(() => parseGoInt('09', 64)).toThrow('invalid syntax');
    expect(() => parseGoInt('2147483648', 32)).toThrow('strconv.ParseInt: parsing "2147483648": value out of range');
    expect(parseGoInt('-2147483648', 32)).toBe(-2147483648);
  });
});

describe('intFlag', () => {
  it("throws pflag's words as a FlagValueError", () => {
    expect(() => intFlag('replicas', 'x')).toThrow('invalid argument "x" for "--replicas" flag: strconv.ParseInt: parsing "x": invalid syntax');
    expect(intFlag('max', '5', 32)).toBe(5);
  });
});
