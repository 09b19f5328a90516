import { describe, expect, it } from 'vitest';
import { toleratesTaint } from './tolerations';

const taint = { key: 'node.kubernetes.io/unreachable', value: '', effect: 'NoExecute' };

describe('toleratesTaint', () => {
  it.each([
    [{ key: 'node.kubernetes.io/unreachable', operator: 'Exists', effect: 'NoExecute' }, true],
    [{ key: 'node.kubernetes.io/unreachable', operator: 'Exists' }, true],
    [{ operator: 'Exists' }, true],
    [{ key: 'node.kubernetes.io/unreachable', operator: 'Exists', effect: 'NoSchedule' }, false],
    [{ key: 'other', operator: 'Exists' }, false],
    [{ key: 'node.kubernetes.io/unreachable', value: '' }, true],
    [{ key: 'node.kubernetes.io/unreachable', operator: 'Equal', value: 'x' }, false],
    [{ key: 'node.kubernetes.io/unreachable', operator: 'Lt' }, false],
  ])('%j → %s', (toleration, expected) => {
    expect(toleratesTaint(toleration, taint)).toBe(expected);
  });
});
