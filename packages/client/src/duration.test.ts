import { describe, expect, it } from 'vitest';
import { parseGoDuration, parseRequestTimeout } from './duration';

describe('parseGoDuration', () => {
  it('reads Go durations', () => {
    expect(parseGoDuration('30s')).toBe(30_000);
    expect(parseGoDuration('1m30s')).toBe(90_000);
    expect(parseGoDuration('1.5h')).toBe(5_400_000);
    expect(parseGoDuration('250ms')).toBe(250);
    expect(parseGoDuration('0')).toBe(0);
    expect(parseGoDuration('-2s')).toBe(-2000);
  });
  it('rejects what Go rejects', () => {
    expect(() => parseGoDuration('10')).toThrow('time: invalid duration "10"');
    expect(() => parseGoDuration('s')).toThrow(/invalid duration/);
    expect(() => parseGoDuration('5x')).toThrow('time: unknown unit "x" in duration "5x"');
    expect(() => parseGoDuration('')).toThrow(/invalid duration/);
  });
});

describe('parseRequestTimeout', () => {
  it('takes bare seconds or durations', () => {
    expect(parseRequestTimeout('0')).toBe(0);
    expect(parseRequestTimeout('5')).toBe(5000);
    expect(parseRequestTimeout('2m')).toBe(120_000);
  });
  it('uses kubectl\'s message for bad values', () => {
    expect(() => parseRequestTimeout('soon')).toThrow(/^Invalid timeout value\. Timeout must be a single integer in seconds/);
  });
});
