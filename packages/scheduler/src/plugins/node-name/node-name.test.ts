import { describe, expect, it } from 'vitest';
import { cacheOf, makeNode, podInfo } from '../../testing/builders';
import { ERR_REASON, fitsNodeName, nodeName } from './node-name';

describe('NodeName', () => {
  const cache = cacheOf([makeNode('a'), makeNode('b')]);

  it('fits any node when the pod names none', () => {
    expect(nodeName.filter(podInfo('p'), cache.get('a')!)).toBeNull();
  });

  it('fits only the named node', () => {
    const p = podInfo('p', { nodeName: 'a' });
    expect(nodeName.filter(p, cache.get('a')!)).toBeNull();
    const s = nodeName.filter(p, cache.get('b')!);
    expect(s?.code).toBe('UnschedulableAndUnresolvable');
    expect(s?.reasons).toEqual(["node(s) didn't match the requested node name"]);
    expect(ERR_REASON).toBe("node(s) didn't match the requested node name");
    expect(fitsNodeName('x', 'y')).toBe(false);
  });
});
