import { describe, expect, it } from 'vitest';
import { planNewReplicaSetScale, planOldReplicaSets } from './rolling';
import { deployment, replicaSet } from './test-support';
import { frozen } from '../testing/fixtures';

const d10 = frozen(deployment('web', { replicas: 10, maxSurge: 3, maxUnavailable: 2, image: 'nginx:1.13' }));
const steps = (plan: ReturnType<typeof planOldReplicaSets>) => ({
  cleanup: plan.cleanup.map((s) => `${s.rs.metadata!.name}->${s.replicas}`),
  scaleDown: plan.scaleDown.map((s) => `${s.rs.metadata!.name}->${s.replicas}`),
});

describe('planNewReplicaSetScale', () => {
  it('grows the new ReplicaSet up to spec.replicas + maxSurge pods in total', () => {
    const newRS = frozen(replicaSet('new', 0));
    expect(planNewReplicaSetScale(d10, [frozen(replicaSet('old', 10)), newRS], newRS)).toBe(3);
    const grown = frozen(replicaSet('new', 3));
    expect(planNewReplicaSetScale(d10, [frozen(replicaSet('old', 10)), grown], grown)).toBeUndefined();
    expect(planNewReplicaSetScale(d10, [frozen(replicaSet('old', 2)), grown], grown)).toBe(10);
  });

  it('brings an oversized new ReplicaSet down to spec.replicas and leaves a right-sized one', () => {
    expect(planNewReplicaSetScale(d10, [], frozen(replicaSet('new', 12)))).toBe(10);
    expect(planNewReplicaSetScale(d10, [], frozen(replicaSet('new', 10)))).toBeUndefined();
  });
});

describe('planOldReplicaSets', () => {
  it('does not scale old pods down while the new ones are unavailable', () => {
    const newRS = frozen(replicaSet('new', 3, { status: { replicas: 3, availableReplicas: 0 } }));
    const old = frozen(replicaSet('old', 10));
    // 13 pods − 8 minimum available − 3 unavailable new = 2.
    expect(steps(planOldReplicaSets(d10, [old, newRS], [old], newRS))).toEqual({ cleanup: [], scaleDown: ['old->8'] });
    const stuck = frozen(replicaSet('old', 8));
    expect(steps(planOldReplicaSets(d10, [stuck, newRS], [stuck], newRS))).toEqual({ cleanup: [], scaleDown: [] });
  });

  it('removes unhealthy old replicas first, oldest ReplicaSet first, then available surplus', () => {
    const newRS = frozen(replicaSet('new', 3));
    const older = frozen(replicaSet('older', 4, { created: '2025-01-01T00:00:00Z', status: { replicas: 4, availableReplicas: 2 } }));
    const old = frozen(replicaSet('old', 6, { created: '2025-06-01T00:00:00Z' }));
    // 13 pods − 8 − 0 = 5 may go: 2 unhealthy from `older`, then available ones (11 available − 8 = 3) from the oldest.
    expect(steps(planOldReplicaSets(d10, [older, old, newRS], [older, old], newRS))).toEqual({ cleanup: ['older->2'], scaleDown: ['older->0', 'old->5'] });
  });

  it('reports upstream error when old ReplicaSets have more available pods than wanted', () => {
    const newRS = frozen(replicaSet('new', 3));
    // Scaled down from 11 a moment ago; its extra pods are still there and available.
    const old = frozen(replicaSet('old', 9, { status: { replicas: 11, availableReplicas: 11 } }));
    const plan = planOldReplicaSets(d10, [old, newRS], [old], newRS);
    expect(plan.error).toBe('when cleaning up unhealthy replicas, got invalid request to scale down default/old 9 -> 11');
    expect(plan.scaleDown).toEqual([]);
  });

  it('does nothing when the old ReplicaSets are empty', () => {
    const newRS = frozen(replicaSet('new', 10));
    expect(steps(planOldReplicaSets(d10, [newRS], [], newRS))).toEqual({ cleanup: [], scaleDown: [] });
  });
});
