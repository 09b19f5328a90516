import { describe, expect, it } from 'vitest';
// toleratesTaint itself is tested where it lives, in @mk/api.
import { matchingTolerations, minTolerationMs } from './tolerations';

const unreachable = { key: 'node.kubernetes.io/unreachable', effect: 'NoExecute' };

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
