import { describe, expect, it } from 'vitest';
import { goJson } from './go-json';

describe('goJson', () => {
  it('sorts keys by bytes at every level, including integer-like keys JS would put first', () => {
    expect(goJson({ b: 1, '10': 2, a: { z: [3, { y: 1, x: 2 }], '2': null } })).toBe('{"10":2,"a":{"2":null,"z":[3,{"x":2,"y":1}]},"b":1}');
  });

  it("escapes HTML characters and line separators as Go's encoder does", () => {
    expect(goJson({ s: 'a<b>&c\u2028' })).toBe('{"s":"a\\u003cb\\u003e\\u0026c\\u2028"}');
  });

  it('drops undefined members and writes MarshalIndent layout', () => {
    expect(goJson({ a: undefined, b: [1], c: {}, d: [] }, '    ')).toBe('{\n    "b": [\n        1\n    ],\n    "c": {},\n    "d": []\n}');
  });
});
