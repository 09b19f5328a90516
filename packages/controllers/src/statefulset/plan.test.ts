import { describe, expect, it } from 'vitest';
import type { ControllerRevision, StatefulSet } from 'kubernetes-types/apps/v1';
import type { PersistentVolumeClaim, Pod } from 'kubernetes-types/core/v1';
import { frozen } from '../testing/fixtures';
import type { StatefulSetAction } from './actions';
import { planStatefulSet, type StatefulSetPlan } from './plan';
import { claimsOf, podOf, revisionOf, webSet, type PodState } from './fixtures';

const NOW = new Date('2026-01-01T00:00:00Z');

const v1 = webSet({ image: 'nginx:1.26' });
const r1 = revisionOf(v1, 1);
const R1 = r1.metadata!.name!;

/** Plans for set with pods given as ordinal → state at revision r1 (or a full Pod), and their claims existing. */
function plan(
  set: StatefulSet,
  pods: Record<number, PodState | Pod>,
  opts: { current?: ControllerRevision; update?: ControllerRevision; claims?: PersistentVolumeClaim[]; now?: Date } = {},
): StatefulSetPlan {
  const podList = Object.entries(pods).map(([n, p]) => (typeof p === 'string' ? podOf(set, Number(n), R1, p) : p));
  const claims = opts.claims ?? Object.keys(pods).flatMap((n) => claimsOf(set, Number(n)));
  return planStatefulSet({ set: frozen(set), currentRevision: opts.current ?? r1, updateRevision: opts.update ?? r1, collisionCount: 0, pods: podList, claims, now: opts.now ?? NOW });
}

/** Actions as short strings: `create web-1`, `delete web-2`, … */
function summary(actions: StatefulSetAction[]): string[] {
  return actions.map((a) => {
    const verb = { deletePod: 'delete', createPod: 'create', createMissingClaims: 'claims', updatePod: 'update', fixClaims: 'fixClaims' }[a.type];
    return `${verb} ${a.pod.metadata?.name}`;
  });
}

describe('planStatefulSet: OrderedReady scaling', () => {
  it('creates web-0 first, with its claim, and nothing else', () => {
    const p = plan(v1, {});
    expect(summary(p.actions)).toEqual(['create web-0']);
    const create = p.actions[0] as Extract<StatefulSetAction, { type: 'createPod' }>;
    expect(create.claims.create.map((c) => c.metadata?.name)).toEqual(['www-web-0']);
    expect(create.pod.metadata?.labels?.['controller-revision-hash']).toBe(R1);
    expect(p.status).toEqual({ observedGeneration: 1, replicas: 0, availableReplicas: 0, currentRevision: R1, updateRevision: R1, collisionCount: 0 });
  });

  it('waits for web-0 to be Running and Ready before creating web-1, then web-2', () => {
    expect(summary(plan(v1, { 0: 'pending' }).actions)).toEqual([]);
    expect(summary(plan(v1, { 0: 'notReady' }).actions)).toEqual([]);
    expect(summary(plan(v1, { 0: 'ready' }).actions)).toEqual(['create web-1']);
    expect(summary(plan(v1, { 0: 'ready', 1: 'ready' }).actions)).toEqual(['create web-2']);
    expect(summary(plan(v1, { 0: 'ready', 1: 'ready', 2: 'ready' }).actions)).toEqual([]);
  });

  it('waits minReadySeconds after Ready before the next pod', () => {
    const set = webSet({ spec: { minReadySeconds: 10 } });
    const readyAt = (since: string) => podOf(set, 0, R1, 'ready', { readySince: since });
    expect(summary(plan(set, { 0: readyAt('2025-12-31T23:59:50Z') }).actions)).toEqual([]);
    expect(summary(plan(set, { 0: readyAt('2025-12-31T23:59:49Z') }).actions)).toEqual(['create web-1']);
  });

  it('blocks on a terminating pod', () => {
    const terminating = podOf(v1, 0, R1, 'ready', { deleting: true });
    expect(summary(plan(v1, { 0: terminating }).actions)).toEqual([]);
  });

  it('deletes a failed pod and stops; the pod is recreated once it is gone', () => {
    expect(summary(plan(v1, { 0: 'ready', 1: 'failed', 2: 'ready' }).actions)).toEqual(['delete web-1']);
    expect(summary(plan(v1, { 0: 'ready', 1: 'succeeded' }).actions)).toEqual(['delete web-1']);
    expect(summary(plan(v1, { 0: 'ready', 2: 'ready' }).actions)).toEqual(['create web-1']);
  });

  it('scales down from the highest ordinal, one pod at a time, waiting for each to terminate', () => {
    const one = webSet({ replicas: 1 });
    expect(summary(plan(one, { 0: 'ready', 1: 'ready', 2: 'ready' }).actions)).toEqual(['delete web-2']);
    const web2Going = podOf(one, 2, R1, 'ready', { deleting: true });
    expect(summary(plan(one, { 0: 'ready', 1: 'ready', 2: web2Going }).actions)).toEqual([]);
    expect(summary(plan(one, { 0: 'ready', 1: 'ready' }).actions)).toEqual(['delete web-1']);
  });

  it('does not scale down while a wanted pod is unhealthy, except the first unhealthy condemned pod', () => {
    const one = webSet({ replicas: 1 });
    expect(summary(plan(one, { 0: 'notReady', 1: 'ready' }).actions)).toEqual([]);
    expect(summary(plan(one, { 0: 'ready', 1: 'notReady' }).actions)).toEqual(['delete web-1']);
  });

  it('leaves claims behind on scale-down under the default Retain policy', () => {
    const one = webSet({ replicas: 1 });
    const p = plan(one, { 0: 'ready', 1: 'ready' });
    expect(p.actions.some((a) => a.type === 'fixClaims')).toBe(false);
  });

  it('gives a condemned pod its claims under whenScaled=Delete before deleting it', () => {
    const one = webSet({ replicas: 1, spec: { persistentVolumeClaimRetentionPolicy: { whenDeleted: 'Retain', whenScaled: 'Delete' } } });
    const p = plan(one, { 0: 'ready', 1: 'ready' });
    expect(summary(p.actions)).toEqual(['fixClaims web-1', 'delete web-1']);
    const fix = p.actions[0] as Extract<StatefulSetAction, { type: 'fixClaims' }>;
    expect(fix.retention.update[0].metadata?.ownerReferences).toEqual([{ apiVersion: 'v1', kind: 'Pod', name: 'web-1', uid: 'uid-web-1', controller: true, blockOwnerDeletion: true }]);
  });

  it('creates only the missing claims, and holds a pod back while its claim is being deleted', () => {
    const existing = claimsOf(v1, 0);
    const create = plan(v1, {}, { claims: existing }).actions[0] as Extract<StatefulSetAction, { type: 'createPod' }>;
    expect(create.claims).toEqual({ create: [], errors: [] });
    const deleting = plan(v1, {}, { claims: claimsOf(v1, 0, { deletionTimestamp: '2026-01-01T00:00:00Z' }) }).actions[0] as Extract<StatefulSetAction, { type: 'createPod' }>;
    expect(deleting.claims.errors).toEqual(['pvc www-web-0 is being deleted']);
  });

  it('creates the missing claims of a Pending pod', () => {
    const p = plan(v1, { 0: 'pending' }, { claims: [] });
    expect(summary(p.actions)).toEqual(['claims web-0']);
  });

  it('restores a pod\'s lost identity label', () => {
    const pod = structuredClone(podOf(v1, 0, R1, 'ready')) as Pod;
    delete pod.metadata!.labels!['statefulset.kubernetes.io/pod-name'];
    const p = plan(v1, { 0: frozen(pod), 1: 'ready', 2: 'ready' });
    expect(summary(p.actions)).toEqual(['update web-0']);
    expect((p.actions[0].pod as Pod).metadata?.labels?.['statefulset.kubernetes.io/pod-name']).toBe('web-0');
  });
});

describe('planStatefulSet: Parallel', () => {
  const parallel = (replicas: number) => webSet({ replicas, spec: { podManagementPolicy: 'Parallel' } });

  it('creates every missing pod at once', () => {
    expect(summary(plan(parallel(3), {}).actions)).toEqual(['create web-0', 'create web-1', 'create web-2']);
    expect(summary(plan(parallel(3), { 0: 'pending' }).actions)).toEqual(['create web-1', 'create web-2']);
  });

  it('deletes every condemned pod at once', () => {
    expect(summary(plan(parallel(1), { 0: 'notReady', 1: 'ready', 2: 'pending' }).actions)).toEqual(['delete web-2', 'delete web-1']);
  });
});

describe('planStatefulSet: updates', () => {
  const v2 = webSet({ image: 'nginx:1.27' });
  const r2 = revisionOf(v2, 2);
  const R2 = r2.metadata!.name!;
  const at = (set: StatefulSet, n: number, revision: string, state: PodState = 'ready') => podOf(set, n, revision, state);

  it('replaces the highest-ordinal outdated pod first, one at a time', () => {
    const p = plan(v2, { 0: at(v1, 0, R1), 1: at(v1, 1, R1), 2: at(v1, 2, R1) }, { current: r1, update: r2 });
    expect(summary(p.actions)).toEqual(['delete web-2']);
    // upstream counts the pod just deleted out of currentReplicas at once
    expect(p.status).toMatchObject({ replicas: 3, readyReplicas: 3, currentReplicas: 2, currentRevision: R1, updateRevision: R2 });
  });

  it('recreates the deleted pod at the update revision and waits for it to be ready before the next', () => {
    const recreate = plan(v2, { 0: at(v1, 0, R1), 1: at(v1, 1, R1) }, { current: r1, update: r2 });
    expect(summary(recreate.actions)).toEqual(['create web-2']);
    const created = recreate.actions[0].pod as Pod;
    expect(created.metadata?.labels?.['controller-revision-hash']).toBe(R2);
    expect(created.spec?.containers[0].image).toBe('nginx:1.27');

    expect(summary(plan(v2, { 0: at(v1, 0, R1), 1: at(v1, 1, R1), 2: at(v2, 2, R2, 'notReady') }, { current: r1, update: r2 }).actions)).toEqual([]);
    const next = plan(v2, { 0: at(v1, 0, R1), 1: at(v1, 1, R1), 2: at(v2, 2, R2) }, { current: r1, update: r2 });
    expect(summary(next.actions)).toEqual(['delete web-1']);
    expect(next.status).toMatchObject({ currentReplicas: 1, updatedReplicas: 1 });
  });

  it('stops at the partition', () => {
    const partitioned = webSet({ image: 'nginx:1.27', spec: { updateStrategy: { type: 'RollingUpdate', rollingUpdate: { partition: 2 } } } });
    expect(summary(plan(partitioned, { 0: at(v1, 0, R1), 1: at(v1, 1, R1), 2: at(v1, 2, R1) }, { current: r1, update: r2 }).actions)).toEqual(['delete web-2']);
    expect(summary(plan(partitioned, { 0: at(v1, 0, R1), 1: at(v1, 1, R1), 2: at(v2, 2, R2) }, { current: r1, update: r2 }).actions)).toEqual([]);
    // a pod below the partition that goes missing comes back at the current revision
    const back = plan(partitioned, { 0: at(v1, 0, R1), 2: at(v2, 2, R2) }, { current: r1, update: r2 });
    expect((back.actions[0].pod as Pod).metadata?.labels?.['controller-revision-hash']).toBe(R1);
  });

  it('OnDelete never deletes for an update, and recreates a deleted pod at the update revision', () => {
    const onDelete = webSet({ image: 'nginx:1.27', spec: { updateStrategy: { type: 'OnDelete' } } });
    expect(summary(plan(onDelete, { 0: at(v1, 0, R1), 1: at(v1, 1, R1), 2: at(v1, 2, R1) }, { current: r1, update: r2 }).actions)).toEqual([]);
    const recreate = plan(onDelete, { 0: at(v1, 0, R1), 1: at(v1, 1, R1) }, { current: r1, update: r2 });
    expect(summary(recreate.actions)).toEqual(['create web-2']);
    expect((recreate.actions[0].pod as Pod).metadata?.labels?.['controller-revision-hash']).toBe(R2);
  });
});

describe('planStatefulSet: status', () => {
  it('counts created, ready, available, current and updated pods', () => {
    const set = webSet({ spec: { minReadySeconds: 30 }, generation: 4 });
    const v2 = webSet({ image: 'nginx:1.27' });
    const r2 = revisionOf(v2, 2);
    const pods = {
      0: podOf(set, 0, R1, 'ready'),
      1: podOf(set, 1, R1, 'ready', { readySince: '2025-12-31T23:59:50Z' }),
      2: podOf(set, 2, r2.metadata!.name!, 'pending'),
    };
    const p = plan(set, pods, { current: r1, update: r2 });
    expect(p.status).toEqual({
      observedGeneration: 4,
      replicas: 3,
      readyReplicas: 2,
      availableReplicas: 1,
      currentReplicas: 2,
      updatedReplicas: 1,
      currentRevision: R1,
      updateRevision: r2.metadata!.name,
      collisionCount: 0,
    });
  });

  it('only records status for a set being deleted', () => {
    const live = webSet();
    const set = { ...live, metadata: { ...live.metadata, deletionTimestamp: '2026-01-01T00:00:00Z' } };
    const p = plan(set, { 0: 'ready' });
    expect(p.actions).toEqual([]);
    expect(p.status).toMatchObject({ replicas: 1, readyReplicas: 1 });
  });
});
