import { describe, it, expect } from 'vitest';
import {
  parseFieldSelector,
  matchesFields,
  fieldSelectorToString,
  fieldSelectorRequiresExactMatch,
  escapeFieldValue,
  unescapeFieldValue,
  fieldLabelNotSupportedMessage,
  unknownFieldSelectorMessage,
} from './fieldSelector';

describe('parseFieldSelector', () => {
  it('parses =, == and != terms, sorted, skipping empty terms', () => {
    expect(parseFieldSelector('status.phase=Running,spec.nodeName==n1,,metadata.name!=x').requirements).toEqual([
      { field: 'metadata.name', operator: '!=', value: 'x' },
      { field: 'spec.nodeName', operator: '=', value: 'n1' },
      { field: 'status.phase', operator: '=', value: 'Running' },
    ]);
    expect(parseFieldSelector('').requirements).toEqual([]);
  });

  it('takes the leftmost operator and allows empty values', () => {
    expect(parseFieldSelector('a=').requirements).toEqual([{ field: 'a', operator: '=', value: '' }]);
    expect(parseFieldSelector('a!=!b').requirements).toEqual([{ field: 'a', operator: '!=', value: '!b' }]);
  });

  it('unescapes \\, \\= and \\\\ in values', () => {
    expect(parseFieldSelector('metadata.name=a\\,b\\=c\\\\d').requirements).toEqual([
      { field: 'metadata.name', operator: '=', value: 'a,b=c\\d' },
    ]);
  });

  it('reports upstream errors', () => {
    expect(() => parseFieldSelector('foo')).toThrow("invalid selector: 'foo'; can't understand 'foo'");
    expect(() => parseFieldSelector('a=b,c')).toThrow("invalid selector: 'a=b,c'; can't understand 'c'");
    expect(() => parseFieldSelector('a=b\\x')).toThrow('invalid field selector: invalid escape sequence: \\x');
    expect(() => parseFieldSelector('a=b\\')).toThrow('invalid field selector: invalid escape sequence: \\');
    expect(() => parseFieldSelector('a=b=c')).toThrow('invalid field selector: unescaped character in value: 61');
  });
});

describe('matchesFields', () => {
  const fields: Record<string, string> = { 'metadata.name': 'web', 'status.phase': 'Running' };
  const get = (f: string) => fields[f];
  it.each([
    ['metadata.name=web', true],
    ['metadata.name==web', true],
    ['metadata.name!=web', false],
    ['status.phase=Running,metadata.name=web', true],
    ['status.phase=Pending', false],
    ['spec.nodeName=', true],
    ['spec.nodeName!=', false],
  ])('%j → %s', (text, want) => {
    expect(matchesFields(parseFieldSelector(text), get)).toBe(want);
  });
});

describe('field selector helpers', () => {
  it('round-trips through the canonical string with escapes', () => {
    const sel = parseFieldSelector('b!=x\\,y,a==1');
    expect(fieldSelectorToString(sel)).toBe('a=1,b!=x\\,y');
    expect(escapeFieldValue('a,b=c\\')).toBe('a\\,b\\=c\\\\');
    expect(unescapeFieldValue('plain')).toBe('plain');
  });

  it('finds the exact match a selector requires', () => {
    const sel = parseFieldSelector('metadata.name=web,status.phase!=Failed');
    expect(fieldSelectorRequiresExactMatch(sel, 'metadata.name')).toBe('web');
    expect(fieldSelectorRequiresExactMatch(sel, 'status.phase')).toBeUndefined();
  });

  it('builds the unsupported-field messages', () => {
    expect(fieldLabelNotSupportedMessage('spec.foo')).toBe('field label not supported: spec.foo');
    expect(unknownFieldSelectorMessage('spec.foo')).toBe('"spec.foo" is not a known field selector: only "metadata.name", "metadata.namespace"');
  });
});
