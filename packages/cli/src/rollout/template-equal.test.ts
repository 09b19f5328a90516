import { describe, expect, it } from 'vitest';
import { equalIgnoreHash, semanticEqual, withoutHashLabel } from './template-equal';
import { template } from './testing/fixtures';

describe('template equality', () => {
  it('treats missing, null, empty maps and empty lists alike', () => {
    expect(semanticEqual({ a: null, b: [], c: {} }, {})).toBe(true);
    expect(semanticEqual({ a: [1] }, { a: [] })).toBe(false);
    expect(semanticEqual({ a: '' }, {})).toBe(false);
  });

  it('ignores only the pod-template-hash label', () => {
    expect(equalIgnoreHash(template('x', 'h1'), template('x'))).toBe(true);
    expect(equalIgnoreHash(template('x', 'h1'), template('y', 'h1'))).toBe(false);
    const relabelled = template('x');
    relabelled.metadata.labels.tier = 'fe';
    expect(equalIgnoreHash(template('x', 'h1'), relabelled)).toBe(false);
  });

  it('copies without the hash label', () => {
    const t = template('x', 'h1');
    expect(withoutHashLabel(t).metadata.labels).toEqual({ app: 'web' });
    expect(t.metadata.labels['pod-template-hash']).toBe('h1');
  });
});
