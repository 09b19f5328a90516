import { describe, expect, it } from 'vitest';
import { FakeClock } from '@mk/api';
import type { DeploymentCondition } from 'kubernetes-types/apps/v1';
import { deploymentTimedOut, pausedConditionUpdate, rolloutStatus } from './progress';
import { calculateStatus } from './status';
import { deployment, FakeDeploymentApi, replicaSet } from './test-support';
import { frozen } from '../testing/fixtures';

const T0 = new Date('2026-01-01T00:00:00Z');
const at = (seconds: number) => new Date(T0.getTime() + seconds * 1000);
const stamp = (seconds: number) => at(seconds).toISOString().replace('.000Z', 'Z');
const progressing = (reason: string, status: string, seconds: number): DeploymentCondition => ({ type: 'Progressing', status, reason, message: 'm', lastUpdateTime: stamp(seconds), lastTransitionTime: stamp(seconds) });
const cond = (conditions: readonly DeploymentCondition[] | undefined, type: string) => conditions?.find((c) => c.type === type);

describe('calculateStatus', () => {
  it('sums the ReplicaSets and sets Available against spec.replicas − maxUnavailable', () => {
    const d = frozen({ ...deployment('web', { replicas: 4, maxUnavailable: 1 }), metadata: { ...deployment('web').metadata, generation: 3 } });
    const newRS = frozen(replicaSet('new', 2, { status: { replicas: 2, readyReplicas: 2, availableReplicas: 1 } }));
    const old = frozen(replicaSet('old', 2));
    const status = calculateStatus([old, newRS], newRS, d, T0);
    expect(status).toEqual({
      observedGeneration: 3,
      replicas: 4,
      updatedReplicas: 2,
      readyReplicas: 4,
      availableReplicas: 3,
      unavailableReplicas: 1,
      conditions: [{ type: 'Available', status: 'True', lastUpdateTime: stamp(0), lastTransitionTime: stamp(0), reason: 'MinimumReplicasAvailable', message: 'Deployment has minimum availability.' }],
    });
    const short = calculateStatus([frozen(replicaSet('new', 4, { status: { replicas: 4, availableReplicas: 2 } }))], undefined, d, T0);
    expect(cond(short.conditions, 'Available')).toMatchObject({ status: 'False', reason: 'MinimumReplicasUnavailable', message: 'Deployment does not have minimum availability.' });
    expect(short.updatedReplicas).toBeUndefined(); // 0 is left out, as Go's omitempty does
  });
});

describe('rolloutStatus', () => {
  const rs = (available: number) => frozen(replicaSet('web-abc', 3, { status: { replicas: 3, readyReplicas: available, availableReplicas: available } }));

  it('marks a complete rollout NewReplicaSetAvailable, keeping the transition time of a True condition', () => {
    const d = frozen({ ...deployment('web'), status: { replicas: 3, updatedReplicas: 3, availableReplicas: 2, conditions: [progressing('ReplicaSetUpdated', 'True', 5)] } });
    const c = cond(rolloutStatus([rs(3)], rs(3), d, at(10)).status!.conditions, 'Progressing');
    expect(c).toEqual({ type: 'Progressing', status: 'True', reason: 'NewReplicaSetAvailable', message: 'ReplicaSet "web-abc" has successfully progressed.', lastUpdateTime: stamp(10), lastTransitionTime: stamp(5) });
  });

  it('refreshes lastUpdateTime on progress even though the reason stays ReplicaSetUpdated', () => {
    const d = frozen({ ...deployment('web'), status: { replicas: 3, updatedReplicas: 3, availableReplicas: 1, conditions: [progressing('ReplicaSetUpdated', 'True', 5)] } });
    const c = cond(rolloutStatus([rs(2)], rs(2), d, at(20)).status!.conditions, 'Progressing');
    expect(c).toMatchObject({ reason: 'ReplicaSetUpdated', message: 'ReplicaSet "web-abc" is progressing.', lastUpdateTime: stamp(20), lastTransitionTime: stamp(5) });
  });

  it('times out after progressDeadlineSeconds without progress, and asks to look again at the deadline before that', () => {
    const d = frozen({ ...deployment('web'), status: { observedGeneration: 1, replicas: 3, updatedReplicas: 3, availableReplicas: 1, readyReplicas: 1, unavailableReplicas: 2, conditions: [progressing('ReplicaSetUpdated', 'True', 0)] } });
    const before = rolloutStatus([rs(1)], rs(1), d, at(100));
    // Nothing changed but Available, which is new: the first call writes it.
    const settled = frozen({ ...d, status: before.status! });
    expect(rolloutStatus([rs(1)], rs(1), settled, at(100))).toEqual({ requeueAfterMs: 501_000 });
    expect(rolloutStatus([rs(1)], rs(1), settled, at(600)).status).toBeUndefined();
    const late = cond(rolloutStatus([rs(1)], rs(1), settled, at(601)).status!.conditions, 'Progressing');
    expect(late).toEqual({ type: 'Progressing', status: 'False', reason: 'ProgressDeadlineExceeded', message: 'ReplicaSet "web-abc" has timed out progressing.', lastUpdateTime: stamp(601), lastTransitionTime: stamp(601) });
  });

  it('names the Deployment when there is no new ReplicaSet yet', () => {
    const d = frozen({ ...deployment('web', { replicas: 0 }), status: { conditions: [progressing('DeploymentResumed', 'Unknown', 0)] } });
    expect(cond(rolloutStatus([], undefined, d, at(1)).status!.conditions, 'Progressing')?.message).toBe('Deployment "web" has successfully progressed.');
  });

  it('drops Progressing without a deadline and surfaces ReplicaFailure from the new ReplicaSet', () => {
    const d = frozen({ ...deployment('web'), spec: { ...deployment('web').spec!, progressDeadlineSeconds: 2147483647 }, status: { conditions: [progressing('ReplicaSetUpdated', 'True', 0)] } });
    const failing = frozen(replicaSet('web-abc', 3, { status: { replicas: 0, conditions: [{ type: 'ReplicaFailure', status: 'True', reason: 'FailedCreate', message: 'pods "x" is forbidden: exceeded quota', lastTransitionTime: stamp(3) }] } }));
    const status = rolloutStatus([failing], failing, d, at(5)).status!;
    expect(cond(status.conditions, 'Progressing')).toBeUndefined();
    expect(cond(status.conditions, 'ReplicaFailure')).toEqual({ type: 'ReplicaFailure', status: 'True', reason: 'FailedCreate', message: 'pods "x" is forbidden: exceeded quota', lastUpdateTime: stamp(3), lastTransitionTime: stamp(3) });
  });
});

describe('deploymentTimedOut', () => {
  it('never times out a finished rollout and always a timed-out one', () => {
    const d = deployment('web');
    expect(deploymentTimedOut(d, { conditions: [progressing('NewReplicaSetAvailable', 'True', 0)] }, at(10_000))).toBe(false);
    expect(deploymentTimedOut(d, { conditions: [progressing('ProgressDeadlineExceeded', 'False', 0)] }, at(1))).toBe(true);
    expect(deploymentTimedOut(d, {}, at(10_000))).toBe(false);
  });
});

describe('pausedConditionUpdate', () => {
  it('sets Unknown DeploymentPaused on pause and DeploymentResumed on resume, once', () => {
    const paused = frozen({ ...deployment('web', { paused: true }), status: { conditions: [progressing('ReplicaSetUpdated', 'True', 0)] } });
    const p = pausedConditionUpdate(paused, at(30))!;
    expect(cond(p.conditions, 'Progressing')).toEqual({ type: 'Progressing', status: 'Unknown', reason: 'DeploymentPaused', message: 'Deployment is paused', lastUpdateTime: stamp(30), lastTransitionTime: stamp(30) });
    expect(pausedConditionUpdate({ ...paused, status: p }, at(40))).toBeUndefined();
    const resumed = pausedConditionUpdate({ ...deployment('web'), status: p }, at(50))!;
    expect(cond(resumed.conditions, 'Progressing')).toMatchObject({ status: 'Unknown', reason: 'DeploymentResumed', message: 'Deployment is resumed', lastUpdateTime: stamp(50), lastTransitionTime: stamp(30) });
  });

  it('keeps a ProgressDeadlineExceeded condition', () => {
    const d = frozen({ ...deployment('web', { paused: true }), status: { conditions: [progressing('ProgressDeadlineExceeded', 'False', 0)] } });
    expect(pausedConditionUpdate(d, at(1))).toBeUndefined();
  });
});

describe('conditions through whole syncs', () => {
  it('goes NewReplicaSetCreated → NewReplicaSetAvailable, and times out a stuck rollout at the deadline', async () => {
    const clock = new FakeClock(T0);
    const api = new FakeDeploymentApi(clock);
    api.addDeployment(deployment('web', { replicas: 2 }));
    await api.sync('web');
    const [v1] = api.rsList();
    const created = cond(api.deployment('web').status?.conditions, 'Progressing');
    expect(created).toEqual({ type: 'Progressing', status: 'True', reason: 'NewReplicaSetCreated', message: `Created new replica set "${v1.metadata!.name}"`, lastUpdateTime: stamp(0), lastTransitionTime: stamp(0) });
    expect(cond(api.deployment('web').status?.conditions, 'Available')).toMatchObject({ status: 'False', reason: 'MinimumReplicasUnavailable' });
    api.settleReplicaSets();
    await api.sync('web');
    expect(cond(api.deployment('web').status?.conditions, 'Progressing')).toMatchObject({ reason: 'NewReplicaSetAvailable', message: `ReplicaSet "${v1.metadata!.name}" has successfully progressed.` });
    expect(cond(api.deployment('web').status?.conditions, 'Available')).toMatchObject({ status: 'True', reason: 'MinimumReplicasAvailable' });

    // A new template whose pods never become available.
    api.editDeployment('web', (d) => void (d.spec!.template!.spec!.containers[0].image = 'nginx:broken'));
    await clock.advance(10_000);
    await api.sync('web');
    api.settleReplicaSets((rs) => (rs.metadata!.name === v1.metadata!.name ? rs.spec!.replicas! : 0));
    await api.sync('web');
    const since = Date.parse(cond(api.deployment('web').status?.conditions, 'Progressing')!.lastUpdateTime!);
    const wait = await api.sync('web');
    expect(wait).toEqual({ requeueAfterMs: since + 600_000 - clock.now().getTime() + 1000 });
    await clock.advance(wait!.requeueAfterMs!);
    await api.sync('web');
    const [, v2] = api.rsList();
    expect(cond(api.deployment('web').status?.conditions, 'Progressing')).toMatchObject({ status: 'False', reason: 'ProgressDeadlineExceeded', message: `ReplicaSet "${v2.metadata!.name}" has timed out progressing.` });
  });

  it('records FoundNewReplicaSet for a Deployment that never had a Progressing condition', async () => {
    const api = new FakeDeploymentApi(new FakeClock(T0));
    const d = deployment('web', { replicas: 1 });
    api.addDeployment(d);
    // Same template as the Deployment, already its own: the Deployment's first sight of its new ReplicaSet.
    api.addReplicaSet(replicaSet('web-x', 1, { owner: d, revision: 1, desired: 1, max: 2 }));
    const written: (DeploymentCondition | undefined)[] = [];
    const save = api.updateDeployment.bind(api);
    api.updateDeployment = async (base, next) => {
      written.push(cond(next.status?.conditions, 'Progressing'));
      return save(base, next);
    };
    await api.sync('web');
    expect(written[0]).toEqual({ type: 'Progressing', status: 'True', reason: 'FoundNewReplicaSet', message: 'Found new replica set "web-x"', lastUpdateTime: stamp(0), lastTransitionTime: stamp(0) });
    expect(api.deployment('web').metadata!.annotations!['deployment.kubernetes.io/revision']).toBe('1');
    expect(cond(api.deployment('web').status?.conditions, 'Progressing')).toMatchObject({ status: 'True', reason: 'NewReplicaSetAvailable' });
  });

  it('pauses: Progressing Unknown, only scaling (proportionally), no new ReplicaSet; resumes with DeploymentResumed', async () => {
    const api = new FakeDeploymentApi(new FakeClock(T0));
    api.addDeployment(deployment('web', { replicas: 4 }));
    await api.sync('web');
    api.settleReplicaSets();
    await api.sync('web');
    api.editDeployment('web', (d) => {
      d.spec!.paused = true;
      d.spec!.template!.spec!.containers[0].image = 'nginx:1.13';
    });
    await api.sync('web');
    expect(api.rsList()).toHaveLength(1);
    expect(cond(api.deployment('web').status?.conditions, 'Progressing')).toMatchObject({ status: 'Unknown', reason: 'DeploymentPaused', message: 'Deployment is paused' });

    api.editDeployment('web', (d) => void (d.spec!.replicas = 6));
    await api.sync('web');
    expect(api.rsList().map((rs) => rs.spec!.replicas)).toEqual([6]);
    expect(api.messages().at(-1)).toBe(`ScalingReplicaSet: Scaled up replica set ${api.rsList()[0].metadata!.name} from 4 to 6`);

    api.editDeployment('web', (d) => void delete d.spec!.paused);
    await api.sync('web');
    expect(api.rsList()).toHaveLength(2);
    const c = cond(api.deployment('web').status?.conditions, 'Progressing');
    expect(c?.reason).toBe('NewReplicaSetCreated');
    expect(c?.status).toBe('True');
  });

  it('reports a failed create as ReplicaSetCreateError on Progressing and as an event', async () => {
    const api = new FakeDeploymentApi(new FakeClock(T0));
    api.addDeployment(deployment('web'));
    api.createReplicaSet = async () => {
      throw new Error('replicasets.apps is forbidden: exceeded quota');
    };
    await expect(api.sync('web')).rejects.toThrow('exceeded quota');
    const c = cond(api.deployment('web').status?.conditions, 'Progressing');
    expect(c).toMatchObject({ status: 'False', reason: 'ReplicaSetCreateError' });
    expect(c?.message).toMatch(/^Failed to create new replica set "web-[a-z0-9]+": replicasets.apps is forbidden: exceeded quota$/);
    expect(api.events.at(-1)).toMatchObject({ type: 'Warning', reason: 'ReplicaSetCreateError', message: c?.message });
  });
});
