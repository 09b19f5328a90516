import { describe, expect, it } from 'vitest';
import { createTwoWayStrategicMergePatch } from './smp-diff';
import { applyStrategicMergePatch } from './smp-apply';
import type { FieldMeta } from './patch-meta';

const item: { fields: Record<string, FieldMeta> } = { fields: {} };
Object.assign(item.fields, {
  things: { patchStrategy: 'merge', mergeKey: 'name', items: item },
  tags: { patchStrategy: 'merge' },
  source: { retainKeys: true },
  sources: { patchStrategy: 'merge', mergeKey: 'name', retainKeys: true },
  blob: { patchStrategy: 'replace' },
});
const meta: FieldMeta = item;

const cases: Array<{ name: string; original: Record<string, unknown>; modified: Record<string, unknown>; patch: object }> = [
  { name: 'identical objects', original: { a: 1, m: { b: [1] } }, modified: { a: 1, m: { b: [1] } }, patch: {} },
  { name: 'added, changed and removed fields', original: { a: 1, b: 2 }, modified: { a: 3, c: 4 }, patch: { a: 3, b: null, c: 4 } },
  { name: 'nested map change', original: { m: { a: 1, b: 2 } }, modified: { m: { a: 1 } }, patch: { m: { b: null } } },
  { name: 'atomic list changed', original: { args: ['a'] }, modified: { args: ['a', 'b'] }, patch: { args: ['a', 'b'] } },
  { name: 'type change', original: { a: { b: 1 } }, modified: { a: [1] }, patch: { a: [1] } },
  {
    name: 'keyed list: change, add, delete',
    original: { things: [{ name: 'a', v: 1 }, { name: 'b' }] },
    modified: { things: [{ name: 'a', v: 2 }, { name: 'c' }] },
    patch: {
      '$setElementOrder/things': [{ name: 'a' }, { name: 'c' }],
      things: [{ name: 'a', v: 2 }, { name: 'c' }, { name: 'b', $patch: 'delete' }],
    },
  },
  {
    name: 'keyed list: order change only',
    original: { things: [{ name: 'a' }, { name: 'b' }] },
    modified: { things: [{ name: 'b' }, { name: 'a' }] },
    patch: { '$setElementOrder/things': [{ name: 'b' }, { name: 'a' }] },
  },
  { name: 'keyed list created', original: {}, modified: { things: [{ name: 'a' }] }, patch: { things: [{ name: 'a' }] } },
  {
    name: 'keyed list emptied',
    original: { things: [{ name: 'a' }] },
    modified: { things: [] },
    patch: { things: [{ name: 'a', $patch: 'delete' }] },
  },
  {
    name: 'primitive set: add and remove',
    original: { tags: ['a', 'b'] },
    modified: { tags: ['c', 'a'] },
    patch: { tags: ['c'], '$deleteFromPrimitiveList/tags': ['b'], '$setElementOrder/tags': ['c', 'a'] },
  },
  {
    name: 'retainKeys map switching members',
    original: { source: { type: 'A', a: 1 } },
    modified: { source: { type: 'B', b: 2 } },
    patch: { source: { $retainKeys: ['b', 'type'], type: 'B', b: 2, a: null } },
  },
  {
    name: 'retainKeys list elements',
    original: { sources: [{ name: 'v', emptyDir: {} }] },
    modified: { sources: [{ name: 'v', configMap: { name: 'c' } }] },
    patch: {
      '$setElementOrder/sources': [{ name: 'v' }],
      sources: [{ name: 'v', $retainKeys: ['configMap', 'name'], configMap: { name: 'c' }, emptyDir: null }],
    },
  },
  { name: 'replace strategy sends the whole map', original: { blob: { a: 1, b: 2 } }, modified: { blob: { a: 1 } }, patch: { blob: { a: 1 } } },
];

describe('createTwoWayStrategicMergePatch', () => {
  it.each(cases)('$name', ({ original, modified, patch }) => {
    const got = createTwoWayStrategicMergePatch(original, modified, meta);
    expect(got).toEqual(patch);
    expect(applyStrategicMergePatch(original, got, meta)).toEqual(modified);
  });

  it('does not share structure with its inputs', () => {
    const modified = { m: { deep: { x: 1 } } };
    const patch = createTwoWayStrategicMergePatch({}, modified, meta) as { m: { deep: { x: number } } };
    patch.m.deep.x = 2;
    expect(modified.m.deep.x).toBe(1);
  });
});
