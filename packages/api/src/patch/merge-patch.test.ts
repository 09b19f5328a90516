import { describe, expect, it } from 'vitest';
import { applyMergePatch, createMergePatch } from './merge-patch';
import { PatchError } from './errors';

describe('applyMergePatch (RFC 7386)', () => {
  // The examples of RFC 7386 appendix A.
  it.each([
    { target: { a: 'b' }, patch: { a: 'c' }, want: { a: 'c' } },
    { target: { a: 'b' }, patch: { b: 'c' }, want: { a: 'b', b: 'c' } },
    { target: { a: 'b' }, patch: { a: null }, want: {} },
    { target: { a: 'b', b: 'c' }, patch: { a: null }, want: { b: 'c' } },
    { target: { a: ['b'] }, patch: { a: 'c' }, want: { a: 'c' } },
    { target: { a: 'c' }, patch: { a: ['b'] }, want: { a: ['b'] } },
    { target: { a: { b: 'c' } }, patch: { a: { b: 'd', c: null } }, want: { a: { b: 'd' } } },
    { target: { a: [{ b: 'c' }] }, patch: { a: [1] }, want: { a: [1] } },
    { target: ['a', 'b'], patch: ['c', 'd'], want: ['c', 'd'] },
    { target: { a: 'b' }, patch: ['c'], want: ['c'] },
    { target: { e: null }, patch: { a: 1 }, want: { e: null, a: 1 } },
    { target: [1, 2], patch: { a: 'b', c: null }, want: { a: 'b' } },
    { target: {}, patch: { a: { bb: { ccc: null } } }, want: { a: { bb: {} } } },
  ])('$target + $patch', ({ target, patch, want }) => {
    expect(applyMergePatch(target, patch)).toEqual(want);
  });

  it('applies `kubectl label` and `kubectl scale` patches', () => {
    const pod = { metadata: { name: 'p', labels: { app: 'x', old: 'y' } }, spec: { replicas: 1 } };
    expect(applyMergePatch(pod, { metadata: { labels: { tier: 'web', old: null } } })).toEqual({
      metadata: { name: 'p', labels: { app: 'x', tier: 'web' } },
      spec: { replicas: 1 },
    });
    expect(applyMergePatch(pod, { spec: { replicas: 3 } })).toEqual({ ...pod, spec: { replicas: 3 } });
  });

  it('does not modify its inputs', () => {
    const target = { a: { b: 1 } };
    const patch = { a: { b: null, c: { d: null } } };
    applyMergePatch(target, patch);
    expect(target).toEqual({ a: { b: 1 } });
    expect(patch).toEqual({ a: { b: null, c: { d: null } } });
  });

  it('rejects a null patch like upstream', () => {
    expect(() => applyMergePatch({}, null)).toThrow(new PatchError('Invalid JSON Patch', 400));
  });
});

describe('createMergePatch', () => {
  it.each([
    { original: { a: 1 }, modified: { a: 1 }, want: {} },
    { original: { a: 1, b: 2 }, modified: { a: 2, c: 3 }, want: { a: 2, b: null, c: 3 } },
    { original: { m: { a: 1, b: 1 } }, modified: { m: { a: 1 } }, want: { m: { b: null } } },
    { original: { l: [1, 2] }, modified: { l: [1, 2] }, want: {} },
    { original: { l: [1, 2] }, modified: { l: [2] }, want: { l: [2] } },
    { original: { a: { b: 1 } }, modified: { a: 'x' }, want: { a: 'x' } },
  ])('$original → $modified', ({ original, modified, want }) => {
    const patch = createMergePatch(original, modified);
    expect(patch).toEqual(want);
    expect(applyMergePatch(original, patch)).toEqual(modified);
  });
});
