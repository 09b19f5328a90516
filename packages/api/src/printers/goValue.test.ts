import { describe, it, expect } from 'vitest';
import { GoFloat, goFormatFloat, goSharpV, goSprint, goTypeName } from './goValue';

describe('goFormatFloat (strconv g, shortest)', () => {
  it.each([
    [0.5, '0.5'],
    [999999.5, '999999.5'],
    [1234567.5, '1.2345675e+06'],
    [0.0001, '0.0001'],
    [0.00001, '1e-05'],
    [608863452348.1149, '6.088634523481149e+11'],
    [-2.5, '-2.5'],
    [1e100, '1e+100'],
    [3, '3'],
  ])('%d → %s', (f, want) => {
    expect(goFormatFloat(f)).toBe(want);
  });
});

describe('goSprint (fmt %v)', () => {
  it('prints scalars as Go does', () => {
    expect(goSprint('text')).toBe('text');
    expect(goSprint(42)).toBe('42');
    expect(goSprint(1.5)).toBe('1.5');
    expect(goSprint(new GoFloat(1))).toBe('1');
    expect(goSprint(true)).toBe('true');
    expect(goSprint(null)).toBe('<nil>');
  });

  it('prints maps with sorted keys and slices space-separated', () => {
    expect(goSprint({ b: 1, a: 'x', c: [1, 'y', null] })).toBe('map[a:x b:1 c:[1 y <nil>]]');
    expect(goSprint([])).toBe('[]');
    expect(goSprint({})).toBe('map[]');
  });
});

describe('goSharpV (fmt %#v)', () => {
  it('dumps nested values in Go syntax', () => {
    expect(goSharpV({ kind: 'List', items: [{ n: 1 }], m: null, ok: true, s: 'a"b' })).toBe(
      'map[string]interface {}{"items":[]interface {}{map[string]interface {}{"n":1}}, "kind":"List", "m":interface {}(nil), "ok":true, "s":"a\\"b"}',
    );
  });
});

describe('goTypeName', () => {
  it('names reflect types of decoded JSON', () => {
    expect([goTypeName('a'), goTypeName(1), goTypeName(1.5), goTypeName(true), goTypeName({}), goTypeName([])]).toEqual([
      'string',
      'int64',
      'float64',
      'bool',
      'map[string]interface {}',
      '[]interface {}',
    ]);
  });
});
