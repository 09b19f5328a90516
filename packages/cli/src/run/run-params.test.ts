import { describe, expect, it } from 'vitest';
import { parseRunAnnotations, parseRunEnv, parseRunLabels, parseRunPort } from './run-params';

describe('parseRunLabels', () => {
  it('reads comma-separated key=value pairs', () => {
    expect(parseRunLabels('app=hazelcast,env=prod')).toEqual({ app: 'hazelcast', env: 'prod' });
    expect(parseRunLabels('a=')).toEqual({ a: '' });
  });

  it("rejects what generate.ParseLabels rejects, with its messages", () => {
    expect(() => parseRunLabels('a')).toThrow('unexpected label spec: a');
    expect(() => parseRunLabels('a=b=c')).toThrow('unexpected label spec: a=b=c');
    expect(() => parseRunLabels('=b')).toThrow('unexpected empty label key');
  });
});

describe('parseRunAnnotations', () => {
  it('reads KEY=VALUE pairs, keeping = in values', () => {
    expect(parseRunAnnotations(['x=y', 'note=a=b'])).toEqual({ x: 'y', note: 'a=b' });
    expect(parseRunAnnotations([])).toEqual({});
  });

  it('lists every bad pair', () => {
    expect(() => parseRunAnnotations(['bad', 'x=y', '=z'])).toThrow('invalid annotations format: bad, =z');
  });
});

describe('parseRunEnv', () => {
  it('keeps order and everything after the first =', () => {
    expect(parseRunEnv(['DNS_DOMAIN=cluster', 'my.env-name=a=b', 'EMPTY='])).toEqual([
      { name: 'DNS_DOMAIN', value: 'cluster' },
      { name: 'my.env-name', value: 'a=b' },
      { name: 'EMPTY', value: '' },
    ]);
  });

  it('rejects missing values and invalid names', () => {
    for (const bad of ['NOVALUE', '=x', '1A=b', 'A B=c', '..x=y', '.=y']) expect(() => parseRunEnv([bad]), bad).toThrow(`invalid env: ${bad}`);
  });
});

describe('parseRunPort', () => {
  it("reads decimal numbers as strconv.Atoi does", () => {
    expect(parseRunPort('5701')).toBe(5701);
    expect(parseRunPort('+80')).toBe(80);
    expect(() => parseRunPort('abc')).toThrow('strconv.Atoi: parsing "abc": invalid syntax');
    expect(() => parseRunPort('0x50')).toThrow('strconv.Atoi: parsing "0x50": invalid syntax');
  });
});
