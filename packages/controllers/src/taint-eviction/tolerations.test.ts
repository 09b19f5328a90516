import { describe, expect, it } from 'vitest';
import { matchingTolerations, minTolerationMs, toleratesTaint } from './tolerations';

const unreachable = { key: 'node.kubernetes.io/unreachable', effect: 'NoExecute' };

describe('toleratesTaint', () => {
  it.each([
    [{ key: 'node.kubernetes.io/unreachable', operator: 'Exists', effect: 'NoExecute' }, true],
    [{ key: 'node.kubernetes.io/unreachable', operator: 'Exists' }, true],
    [{ operator: 'Exists' }, true],
    [{ key: 'node.kubernetes.io/unreachable', operator: 'Exists', effect: 'NoSchedule' }, false],
    [{ key: 'node.kubernetes.io/not-ready', operator: 'Exists' }, false],
    [{ key: 'node.kubernetes.io/unreachable', value: '' }, true],
    [{ key: 'node.kubernetes.io/unreachable', operator: 'Equal', value: 'x' }, false],
    [{ key: 'node.kubernetes.io/unreachable', operator: 'Lt' }, false],
  ])('%j tolerates unreachable:NoExecute: %s', (toleration, expected) => {
    expect(toleratesTaint(toleration, unreachable)).toBe(expected);
  });
});

describe('matchingTolerations and minTolerationMs', () => {
  it('needs a toleration for every taint', () => {
    const taints = [unreachable, { key: 'gpu', value: 'a', effect: 'NoExecute' }];
    expect(matchingTolerations(taints, [{ key: 'node.kubernetes.io/unreachable', operator: 'Exists' }]).allTolerated).toBe(false);
    expect(matchingTolerations(taints, [{ operator: 'Exists' }])).toEqual({ allTolerated: true, used: [{ operator: 'Exists' }, { operator: 'Exists' }] });
  });

  it('takes the shortest limit; no limit is forever; zero or less is now', () => {
    expect(minTolerationMs([{ tolerationSeconds: 300 }, { tolerationSeconds: 60 }, {}])).toBe(60_000);
    expect(minTolerationMs([{}, {}])).toBe(Infinity);
    expect(minTolerationMs([{ tolerationSeconds: -5 }, {}])).toBe(0);
    expect(minTolerationMs([])).toBe(0);
  });
});
