import { describe, expect, it } from 'vitest';
import { findUntoleratedTaint, toleratesTaint } from './tolerations';

describe('toleratesTaint', () => {
  const taint = { key: 'dedicated', value: 'gpu', effect: 'NoSchedule' };

  it('matches key, value and effect with Equal (the default operator)', () => {
    expect(toleratesTaint({ key: 'dedicated', value: 'gpu', effect: 'NoSchedule' }, taint)).toBe(true);
    expect(toleratesTaint({ key: 'dedicated', value: 'gpu' }, taint)).toBe(true);
    expect(toleratesTaint({ key: 'dedicated', operator: 'Equal', value: 'cpu' }, taint)).toBe(false);
    expect(toleratesTaint({ key: 'dedicated', value: 'gpu', effect: 'NoExecute' }, taint)).toBe(false);
  });

  it('matches any value with Exists, and everything with an empty key and Exists', () => {
    expect(toleratesTaint({ key: 'dedicated', operator: 'Exists' }, taint)).toBe(true);
    expect(toleratesTaint({ operator: 'Exists' }, taint)).toBe(true);
    expect(toleratesTaint({ key: 'other', operator: 'Exists' }, taint)).toBe(false);
  });

  it('rejects unknown operators', () => {
    expect(toleratesTaint({ key: 'dedicated', operator: 'Gt', value: 'gpu' }, taint)).toBe(false);
  });
});

describe('findUntoleratedTaint', () => {
  it('returns the first NoSchedule/NoExecute taint not tolerated, ignoring PreferNoSchedule', () => {
    const taints = [
      { key: 'soft', effect: 'PreferNoSchedule' },
      { key: 'a', value: '1', effect: 'NoSchedule' },
      { key: 'b', effect: 'NoExecute' },
    ];
    expect(findUntoleratedTaint(taints, [])?.key).toBe('a');
    expect(findUntoleratedTaint(taints, [{ key: 'a', operator: 'Exists' }])?.key).toBe('b');
    expect(findUntoleratedTaint(taints, [{ key: 'a', operator: 'Exists' }, { key: 'b', operator: 'Exists' }])).toBeUndefined();
  });
});
