import { describe, expect, it } from 'vitest';
import { setContainerImages } from './set-images';

function spec() {
  return { initContainers: [{ name: 'init', image: 'busybox' }], containers: [{ name: 'nginx', image: 'nginx' }, { name: 'side', image: 'redis' }] };
}

describe('setContainerImages', () => {
  it('updates the named containers only', () => {
    const s = spec();
    expect(setContainerImages(s, new Map([['side', 'redis:7']]))).toEqual([]);
    expect(s.containers).toEqual([{ name: 'nginx', image: 'nginx' }, { name: 'side', image: 'redis:7' }]);
    expect(s.initContainers).toEqual([{ name: 'init', image: 'busybox' }]);
  });

  it('reaches init containers by name', () => {
    const s = spec();
    setContainerImages(s, new Map([['init', 'busybox:1.36']]));
    expect(s.initContainers[0]!.image).toBe('busybox:1.36');
  });

  it('updates every container, init containers too, for *', () => {
    const s = spec();
    setContainerImages(s, new Map([['*', 'alpine']]));
    expect([...s.initContainers, ...s.containers].map((c) => c.image)).toEqual(['alpine', 'alpine', 'alpine']);
  });

  it('reports each unknown name and still applies the others', () => {
    const s = spec();
    expect(setContainerImages(s, new Map([['x', 'y'], ['nginx', 'nginx:1.27'], ['a', 'b']]))).toEqual([
      'error: unable to find container named "x"',
      'error: unable to find container named "a"',
    ]);
    expect(s.containers[0]!.image).toBe('nginx:1.27');
  });

  it('finds nothing in a pod spec without containers', () => {
    expect(setContainerImages({}, new Map([['a', 'b']]))).toEqual(['error: unable to find container named "a"']);
  });
});
