import { describe, expect, it } from 'vitest';
import { computeHash, fnv32a, safeEncodeString } from './hash';

describe('content hashes', () => {
  it('FNV-1a 32 matches the reference vectors', () => {
    expect(fnv32a('')).toBe(0x811c9dc5);
    expect(fnv32a('a')).toBe(0xe40c292c);
    expect(fnv32a('foobar')).toBe(0xbf9cf968);
  });
  it('encodes digits into the safe alphabet', () => {
    expect(safeEncodeString('0123456789')).toBe(safeEncodeString('0123456789'));
    expect(safeEncodeString('1234')).toMatch(/^[bcdfghjklmnpqrstvwxz2456789]{4}$/);
  });
  it('ignores key order and changes with content and collision count', () => {
    const a = computeHash({ metadata: { labels: { app: 'web' } }, spec: { containers: [{ name: 'n', image: 'nginx:1.12' }] } });
    const b = computeHash({ spec: { containers: [{ image: 'nginx:1.12', name: 'n' }] }, metadata: { labels: { app: 'web' } } });
    expect(a).toBe(b);
    expect(computeHash({ spec: { containers: [{ name: 'n', image: 'nginx:1.13' }] }, metadata: { labels: { app: 'web' } } })).not.toBe(a);
    expect(computeHash({ x: 1 }, 1)).not.toBe(computeHash({ x: 1 }));
    expect(computeHash({ x: 1 }, 0)).not.toBe(computeHash({ x: 1 }));
  });
});
