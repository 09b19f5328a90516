import { describe, expect, it } from 'vitest';
import { JsonLineSplitter } from './json-lines';

describe('JsonLineSplitter', () => {
  it('joins values split across chunks, including inside multi-byte characters', () => {
    const out: unknown[] = [];
    const s = new JsonLineSplitter((v) => out.push(v));
    const bytes = new TextEncoder().encode('{"a":"ü"}\n\n{"b":2}\n{"c"');
    s.push(bytes.slice(0, 7)); // splits the two bytes of ü
    s.push(bytes.slice(7));
    expect(out).toEqual([{ a: 'ü' }, { b: 2 }]);
    s.push(new TextEncoder().encode(':3}'));
    s.end();
    expect(out).toEqual([{ a: 'ü' }, { b: 2 }, { c: 3 }]);
  });
});
