import { describe, it, expect } from 'vitest';
import { isLess, sortItems, sortTableRows } from './sort-by';
import type { Table } from './printer';

function table(objects: object[]): Table {
  return { kind: 'Table', apiVersion: 'meta.k8s.io/v1', columnDefinitions: [], rows: objects.map((o, i) => ({ cells: [String(i)], object: o as never })) };
}

describe('--sort-by', () => {
  it('sorts table rows by the full objects, quantities numerically, missing first', () => {
    const t = table([
      { metadata: { name: 'b' }, spec: { replicas: 10 } },
      { metadata: { name: 'a' }, spec: { replicas: 9 } },
      { metadata: { name: 'c' } },
    ]);
    sortTableRows(t, '{.spec.replicas}');
    expect(t.rows!.map((r) => r.cells[0])).toEqual(['2', '1', '0']);
    const mem = table([{ m: '1Gi' }, { m: '512Mi' }, { m: '2G' }]);
    sortTableRows(mem, '{.m}');
    expect(mem.rows!.map((r) => (r.object as { m: string }).m)).toEqual(['512Mi', '1Gi', '2G']);
  });

  it('reports fields that no object has, and unsortable values', () => {
    expect(() => sortTableRows(table([{ a: 1 }]), '{.b}')).toThrow('couldn\'t find any field with path "{.b}" in the list of objects');
    expect(() => sortTableRows(table([{ a: {} }, { a: {} }]), '{.a}')).toThrow('unsortable type: map[string]interface {}');
    expect(sortTableRows(table([]), '{.b}')).toBeUndefined();
  });

  it('sorts list items by name', () => {
    const items = [{ metadata: { name: 'web-2' } }, { metadata: { name: 'web-10' } }, { metadata: { name: 'api' } }];
    expect(sortItems(items, '{.metadata.name}').map((i) => i.metadata!.name)).toEqual(['api', 'web-10', 'web-2']);
  });

  it('compares like kubectl isLess', () => {
    expect(isLess(null, 'a')).toBe(true);
    expect(isLess('a', null)).toBe(false);
    expect(isLess('10', '9')).toBe(false);
    expect(isLess(1.5, 2.5)).toBe(true);
    expect(() => isLess(1, 'a')).toThrow('unsortable interface: interface');
    expect(() => isLess(true, false)).toThrow('unsortable type: bool');
  });
});
