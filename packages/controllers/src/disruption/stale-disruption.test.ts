import { describe, expect, it } from 'vitest';
import type { Pod } from 'kubernetes-types/core/v1';
import { boundPod, frozen } from '../testing/fixtures';
import { clearDisruptionTarget, staleDisruption } from './stale-disruption';

function marked(reason: string, at: string, extra: Partial<Pod['metadata']> = {}): Pod {
  const pod = boundPod('p', 'w1');
  pod.metadata = { ...pod.metadata, ...extra };
  pod.status!.conditions!.push({ type: 'DisruptionTarget', status: 'True', reason, message: 'x', lastTransitionTime: at });
  return frozen(pod);
}

describe('stale DisruptionTarget conditions', () => {
  it('are stale two minutes after they were set, unless the pod is being deleted', () => {
    const pod = marked('EvictionByEvictionAPI', '2026-01-01T00:00:00Z');
    expect(staleDisruption(pod, new Date('2026-01-01T00:01:00Z'))).toEqual({ stale: true, waitMs: 60_000 });
    expect(staleDisruption(pod, new Date('2026-01-01T00:03:00Z'))).toEqual({ stale: true, waitMs: 0 });
    expect(staleDisruption(marked('EvictionByEvictionAPI', '2026-01-01T00:00:00Z', { deletionTimestamp: '2026-01-01T00:00:30Z' }), new Date('2026-01-01T00:03:00Z'))).toEqual({ stale: false });
    expect(staleDisruption(marked('TerminationByKubelet', '2026-01-01T00:00:00Z'), new Date('2026-01-01T00:03:00Z'))).toEqual({ stale: false });
  });

  it('are reset to a bare False', () => {
    const conditions = clearDisruptionTarget(marked('DeletionByTaintManager', '2026-01-01T00:00:00Z'), new Date('2026-01-01T00:03:00Z'));
    expect(conditions.find((c) => c.type === 'DisruptionTarget')).toEqual({ type: 'DisruptionTarget', status: 'False', lastTransitionTime: '2026-01-01T00:03:00Z' });
    expect(conditions).toHaveLength(3);
  });
});
