import { describe, expect, it } from 'vitest';
import type { PodDisruptionBudget } from 'kubernetes-types/policy/v1';
import { boundPod, frozen } from '../testing/fixtures';
import { expectedPods, type ScaleFinder } from './expected-pods';
import { failSafeStatus, planPdbStatus } from './status';

const now = new Date('2026-01-01T00:10:00Z');
const rsOwner = { kind: 'ReplicaSet', name: 'web-1', uid: 'rs-1' };
const finder = (replicas: number): ScaleFinder => async (ref) => (ref.uid === 'rs-1' ? { uid: 'dep-1', replicas } : undefined);

function pdb(spec: PodDisruptionBudget['spec'], status?: PodDisruptionBudget['status']): PodDisruptionBudget {
  return frozen({ apiVersion: 'policy/v1', kind: 'PodDisruptionBudget', metadata: { name: 'web', namespace: 'default', generation: 2, resourceVersion: '5' }, spec: { selector: { matchLabels: { app: 'web' } }, ...spec }, ...(status ? { status } : {}) });
}

/** n pods of the Deployment, the first `ready` of them Ready. */
const pods = (n: number, ready: number) => Array.from({ length: n }, (_, i) => frozen(boundPod(`web-${i}`, 'w1', { owner: rsOwner, ready: i < ready })));

describe('PDB status math', () => {
  it.each([
    // spec, replicas, pods, ready → expectedPods, desiredHealthy, currentHealthy, disruptionsAllowed
    ['minAvailable 2', { minAvailable: 2 }, 3, 3, 3, [3, 2, 3, 1]],
    ['minAvailable 2, one pod not ready', { minAvailable: 2 }, 3, 3, 2, [3, 2, 2, 0]],
    ['minAvailable 50% rounds up', { minAvailable: '50%' }, 3, 3, 3, [3, 2, 3, 1]],
    ['minAvailable 50% counts replicas, not pods', { minAvailable: '50%' }, 4, 2, 2, [4, 2, 2, 0]],
    ['maxUnavailable 1', { maxUnavailable: 1 }, 3, 3, 3, [3, 2, 3, 1]],
    ['maxUnavailable 34% rounds up', { maxUnavailable: '34%' }, 3, 3, 3, [3, 1, 3, 2]],
    ['maxUnavailable 0 blocks all', { maxUnavailable: 0 }, 3, 3, 3, [3, 3, 3, 0]],
    ['maxUnavailable above replicas floors desired at 0', { maxUnavailable: 5 }, 3, 3, 3, [3, 0, 3, 3]],
    ['minAvailable 100%', { minAvailable: '100%' }, 2, 2, 2, [2, 2, 2, 0]],
    ['no pods yet stays closed', { minAvailable: 0 }, 0, 0, 0, [0, 0, 0, 0]],
  ] as const)('%s', async (_name, spec, replicas, n, ready, [expected, desired, current, allowed]) => {
    const selected = pods(n, ready);
    const e = await expectedPods(spec, selected, finder(replicas));
    const plan = planPdbStatus({ pdb: pdb(spec), pods: selected, expectedCount: e.expectedCount, desiredHealthy: e.desiredHealthy, now });
    expect(plan.status).toMatchObject({ expectedPods: expected, desiredHealthy: desired, currentHealthy: current, disruptionsAllowed: allowed, observedGeneration: 2 });
    expect(plan.status!.conditions).toEqual([
      {
        type: 'DisruptionAllowed',
        status: allowed > 0 ? 'True' : 'False',
        reason: allowed > 0 ? 'SufficientPods' : 'InsufficientPods',
        message: '',
        observedGeneration: 2,
        lastTransitionTime: '2026-01-01T00:10:00Z',
      },
    ]);
  });

  it('does not count terminating pods as healthy', () => {
    const selected = [...pods(2, 2), frozen(boundPod('web-x', 'w1', { owner: rsOwner, deleting: true }))];
    expect(planPdbStatus({ pdb: pdb({ minAvailable: 1 }), pods: selected, expectedCount: 3, desiredHealthy: 1, now }).status).toMatchObject({ currentHealthy: 2, disruptionsAllowed: 1 });
  });

  it('does not count pods the eviction API just disrupted, and forgets them after two minutes', () => {
    const selected = pods(3, 3);
    const recent = planPdbStatus({ pdb: pdb({ minAvailable: 1 }, { currentHealthy: 3, desiredHealthy: 1, expectedPods: 3, disruptionsAllowed: 2, disruptedPods: { 'web-0': '2026-01-01T00:09:00Z' } }), pods: selected, expectedCount: 3, desiredHealthy: 1, now });
    expect(recent.status).toMatchObject({ currentHealthy: 2, disruptionsAllowed: 1, disruptedPods: { 'web-0': '2026-01-01T00:09:00Z' } });
    expect(recent.recheckAt).toBe(Date.parse('2026-01-01T00:11:00Z'));

    const stale = planPdbStatus({ pdb: pdb({ minAvailable: 1 }, { currentHealthy: 2, desiredHealthy: 1, expectedPods: 3, disruptionsAllowed: 1, disruptedPods: { 'web-0': '2026-01-01T00:07:00Z' } }), pods: selected, expectedCount: 3, desiredHealthy: 1, now });
    expect(stale.notDeleted).toEqual(['web-0']);
    expect(stale.status!.disruptedPods).toBeUndefined();
    expect(stale.status!.currentHealthy).toBe(3);
  });

  it('writes nothing when the status is already right', () => {
    const current = { currentHealthy: 3, desiredHealthy: 2, expectedPods: 3, disruptionsAllowed: 1, observedGeneration: 2, conditions: [{ type: 'DisruptionAllowed', status: 'True', reason: 'SufficientPods', message: '', observedGeneration: 2, lastTransitionTime: '2026-01-01T00:00:00Z' }] };
    expect(planPdbStatus({ pdb: pdb({ minAvailable: 2 }, current), pods: pods(3, 3), expectedCount: 3, desiredHealthy: 2, now }).status).toBeUndefined();
  });

  it('keeps the transition time when only the counts change', () => {
    const current = { currentHealthy: 3, desiredHealthy: 1, expectedPods: 3, disruptionsAllowed: 2, observedGeneration: 2, conditions: [{ type: 'DisruptionAllowed', status: 'True', reason: 'SufficientPods', message: '', observedGeneration: 2, lastTransitionTime: '2026-01-01T00:00:00Z' }] };
    const plan = planPdbStatus({ pdb: pdb({ minAvailable: 1 }, current), pods: pods(3, 2), expectedCount: 3, desiredHealthy: 1, now });
    expect(plan.status!.conditions![0].lastTransitionTime).toBe('2026-01-01T00:00:00Z');
    expect(plan.status!.disruptionsAllowed).toBe(1);
  });

  it('fails safe: closed budget with SyncFailed', () => {
    const status = failSafeStatus(pdb({ maxUnavailable: '50%' }, { currentHealthy: 3, desiredHealthy: 1, expectedPods: 3, disruptionsAllowed: 2, observedGeneration: 1 }), 'found no controllers for pod "x"', now);
    expect(status).toMatchObject({ disruptionsAllowed: 0, conditions: [{ type: 'DisruptionAllowed', status: 'False', reason: 'SyncFailed', message: 'found no controllers for pod "x"', observedGeneration: 1 }] });
  });
});

describe('expectedPods', () => {
  it('counts pods for an integer minAvailable without looking at controllers', async () => {
    const none: ScaleFinder = async () => {
      throw new Error('must not be called');
    };
    expect(await expectedPods({ minAvailable: 1 }, [frozen(boundPod('solo', 'w1'))], none)).toEqual({ expectedCount: 1, desiredHealthy: 1, unmanagedPods: [] });
  });

  it('reports unmanaged pods for a percentage and fails for a pod whose controller is gone', async () => {
    const e = await expectedPods({ maxUnavailable: '50%' }, [...pods(2, 2), frozen(boundPod('solo', 'w1'))], finder(2));
    expect(e).toEqual({ expectedCount: 2, desiredHealthy: 1, unmanagedPods: ['solo'] });
    const orphan = frozen(boundPod('orphan', 'w1', { owner: { kind: 'ReplicaSet', name: 'gone', uid: 'gone' } }));
    await expect(expectedPods({ maxUnavailable: 1 }, [orphan], finder(2))).rejects.toThrow('found no controllers for pod "orphan"');
  });

  it('rejects a string that is not a percentage as upstream does', async () => {
    await expect(expectedPods({ minAvailable: '3' }, pods(1, 1), finder(1))).rejects.toThrow('invalid value for IntOrString: invalid type: string is not a percentage');
  });
});
