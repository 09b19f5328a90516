import { describe, expect, it } from 'vitest';
import type { KObject } from '@mk/api';
import { CacheStore } from './cache-store';

const pod = (name: string, node: string, ns = 'default'): KObject => ({ metadata: { name, namespace: ns }, spec: { nodeName: node } });
const nodeOf = (o: KObject) => [(o.spec as { nodeName: string }).nodeName];
const names = (objs: readonly KObject[]) => objs.map((o) => o.metadata!.name).sort();

describe('CacheStore', () => {
  it('moves an object between index values when it changes, and drops it on delete', () => {
    const c = new CacheStore();
    c.addIndex('node', nodeOf);
    c.set('default/a', pod('a', 'n1'));
    c.set('default/b', pod('b', 'n1'));
    c.set('default/a', pod('a', 'n2'));
    expect(names(c.byIndex('node', 'n1'))).toEqual(['b']);
    expect(names(c.byIndex('node', 'n2'))).toEqual(['a']);
    expect(c.delete('default/b')!.metadata!.name).toBe('b');
    expect(c.byIndex('node', 'n1')).toEqual([]);
    expect(c.delete('default/b')).toBeUndefined();
    expect(c.size).toBe(1);
  });

  it('indexes every value an index function returns', () => {
    const c = new CacheStore();
    c.addIndex('labels', (o) => Object.keys(o.metadata?.labels ?? {}));
    c.set('x', { metadata: { name: 'x', labels: { a: '1', b: '2' } } });
    expect(names(c.byIndex('labels', 'a'))).toEqual(['x']);
    expect(names(c.byIndex('labels', 'b'))).toEqual(['x']);
  });

  it('indexes by namespace, with cluster-scoped objects under the empty namespace', () => {
    const c = new CacheStore();
    c.set('default/a', pod('a', 'n1'));
    c.set('kube-system/b', pod('b', 'n1', 'kube-system'));
    c.set('n1', { metadata: { name: 'n1' } });
    expect(names(c.byNamespace('kube-system'))).toEqual(['b']);
    expect(names(c.byNamespace(''))).toEqual(['n1']);
  });
});
