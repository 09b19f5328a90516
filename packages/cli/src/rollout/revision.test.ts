import { describe, expect, it } from 'vitest';
import { int64Flag, parseInt64, revisionOf } from './revision';

describe('revisions', () => {
  it('reads the revision annotation, 0 when missing', () => {
    expect(revisionOf({ metadata: { annotations: { 'deployment.kubernetes.io/revision': '12' } } })).toBe(12);
    expect(revisionOf({ metadata: {} })).toBe(0);
    expect(() => revisionOf({ metadata: { annotations: { 'deployment.kubernetes.io/revision': '' } } })).toThrow('strconv.ParseInt: parsing "": invalid syntax');
  });

  it('parses int64 like strconv', () => {
    expect(parseInt64('-3')).toBe(-3);
    expect(parseInt64('+7')).toBe(7);
    expect(() => parseInt64('1.5')).toThrow('strconv.ParseInt: parsing "1.5": invalid syntax');
    expect(() => parseInt64('9223372036854775808')).toThrow('strconv.ParseInt: parsing "9223372036854775808": value out of range');
  });

  it("reports bad flag values as pflag does", () => {
    expect(int64Flag('revision', undefined)).toBe(0);
    expect(int64Flag('revision', '4')).toBe(4);
    expect(() => int64Flag('to-revision', 'two')).toThrow('invalid argument "two" for "--to-revision" flag: strconv.ParseInt: parsing "two": invalid syntax');
  });
});
