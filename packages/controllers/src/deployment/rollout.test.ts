/**
 * Whole rollouts through syncDeployment against the in-memory API, with the
 * ReplicaSet controller played by the test: pods follow spec.replicas at
 * once, new pods become available one step later.
 */
import { describe, expect, it } from 'vitest';
import { FakeClock } from '@mk/api';
import type { ReplicaSet } from 'kubernetes-types/apps/v1';
import { deployment, FakeDeploymentApi } from './test-support';
import { computeHash } from '../framework/hash';

const sumSpec = (api: FakeDeploymentApi) => api.rsList().reduce((n, rs) => n + rs.spec!.replicas!, 0);
const sumAvailable = (api: FakeDeploymentApi) => api.rsList().reduce((n, rs) => n + (rs.status?.availableReplicas ?? 0), 0);
const sizes = (api: FakeDeploymentApi) => api.rsList().map((rs) => `${rs.metadata!.name}=${rs.spec!.replicas}`);
const cond = (api: FakeDeploymentApi, type: string) => api.deployment('web').status?.conditions?.find((c) => c.type === type);

/** Pods follow spec at once; of a ReplicaSet that grew, only the pods it had before are available yet. */
function podsFollowSpec(api: FakeDeploymentApi) {
  api.settleReplicaSets((rs: ReplicaSet) => Math.min(rs.spec!.replicas!, rs.status?.availableReplicas ?? 0));
}

async function converge(api: FakeDeploymentApi, check: () => void, maxSteps = 40): Promise<number> {
  for (let step = 1; step <= maxSteps; step++) {
    const before = JSON.stringify([api.rsList(), api.deployment('web')]);
    await api.sync('web');
    check();
    podsFollowSpec(api);
    check();
    api.settleReplicaSets();
    check();
    if (JSON.stringify([api.rsList(), api.deployment('web')]) === before) return step;
  }
  throw new Error('rollout did not converge');
}

describe('a RollingUpdate from nginx:1.12 to nginx:1.13', () => {
  it('stays within replicas+maxSurge pods and replicas−maxUnavailable available, and ends on revision 2', async () => {
    const api = new FakeDeploymentApi(new FakeClock());
    api.addDeployment(deployment('web', { replicas: 10, image: 'nginx:1.12', annotations: { 'kubernetes.io/change-cause': 'first' } }));
    await converge(api, () => undefined);
    const v1 = api.rsList()[0];
    expect(v1.metadata!.name).toBe(`web-${computeHash(api.deployment('web').spec!.template)}`);
    expect(sizes(api)).toEqual([`${v1.metadata!.name}=10`]);
    expect(api.deployment('web').metadata!.annotations!['deployment.kubernetes.io/revision']).toBe('1');

    api.editDeployment('web', (d) => {
      d.spec!.template!.spec!.containers[0].image = 'nginx:1.13';
      d.metadata!.annotations = { 'kubernetes.io/change-cause': 'second' };
    });
    api.events.length = 0;
    // 25% of 10: surge rounds up to 3, unavailability down to 2.
    await converge(api, () => {
      expect(sumSpec(api)).toBeLessThanOrEqual(13);
      expect(sumAvailable(api)).toBeGreaterThanOrEqual(8);
    });

    const [old, v2] = api.rsList();
    expect(old.metadata!.name).toBe(v1.metadata!.name);
    expect(sizes(api)).toEqual([`${old.metadata!.name}=0`, `${v2.metadata!.name}=10`]);
    expect(v2.metadata!.annotations).toMatchObject({ 'deployment.kubernetes.io/revision': '2', 'kubernetes.io/change-cause': 'second', 'deployment.kubernetes.io/desired-replicas': '10', 'deployment.kubernetes.io/max-replicas': '13' });
    expect(old.metadata!.annotations!['kubernetes.io/change-cause']).toBe('first');
    expect(v2.spec!.template!.spec!.containers[0].image).toBe('nginx:1.13');
    expect(api.deployment('web').metadata!.annotations!['deployment.kubernetes.io/revision']).toBe('2');
    expect(api.deployment('web').status).toMatchObject({ replicas: 10, updatedReplicas: 10, readyReplicas: 10, availableReplicas: 10, observedGeneration: 2 });
    expect(cond(api, 'Progressing')).toMatchObject({ status: 'True', reason: 'NewReplicaSetAvailable', message: `ReplicaSet "${v2.metadata!.name}" has successfully progressed.` });
    expect(cond(api, 'Available')).toMatchObject({ status: 'True', reason: 'MinimumReplicasAvailable', message: 'Deployment has minimum availability.' });

    const o = old.metadata!.name;
    const n = v2.metadata!.name;
    // Each step: the controller moves, the pods follow, then the new pods become available.
    expect(api.messages()).toEqual([
      `ScalingReplicaSet: Scaled up replica set ${n} from 0 to 3`,
      `ScalingReplicaSet: Scaled down replica set ${o} from 10 to 8`,
      `ScalingReplicaSet: Scaled up replica set ${n} from 3 to 5`,
      `ScalingReplicaSet: Scaled down replica set ${o} from 8 to 3`,
      `ScalingReplicaSet: Scaled up replica set ${n} from 5 to 10`,
      `ScalingReplicaSet: Scaled down replica set ${o} from 3 to 0`,
    ]);
  });

  it('rolls back to the old template by making the old ReplicaSet new again with revision 3', async () => {
    const api = new FakeDeploymentApi(new FakeClock());
    api.addDeployment(deployment('web', { replicas: 2, image: 'nginx:1.12' }));
    await converge(api, () => undefined);
    api.editDeployment('web', (d) => void (d.spec!.template!.spec!.containers[0].image = 'nginx:1.13'));
    await converge(api, () => undefined);
    api.editDeployment('web', (d) => void (d.spec!.template!.spec!.containers[0].image = 'nginx:1.12'));
    await converge(api, () => undefined);
    const [v1, v2] = api.rsList();
    expect(api.rsList()).toHaveLength(2);
    expect(v1.metadata!.annotations).toMatchObject({ 'deployment.kubernetes.io/revision': '3', 'deployment.kubernetes.io/revision-history': '1' });
    expect(v1.spec!.replicas).toBe(2);
    expect(v2.metadata!.annotations!['deployment.kubernetes.io/revision']).toBe('2');
    expect(v2.spec!.replicas).toBe(0);
    expect(api.deployment('web').metadata!.annotations!['deployment.kubernetes.io/revision']).toBe('3');
  });

  it('treats a restartedAt annotation as a new template (a new ReplicaSet)', async () => {
    const api = new FakeDeploymentApi(new FakeClock());
    api.addDeployment(deployment('web', { replicas: 1 }));
    await converge(api, () => undefined);
    api.editDeployment('web', (d) => void (d.spec!.template!.metadata!.annotations = { 'kubectl.kubernetes.io/restartedAt': '2026-01-01T00:00:00Z' }));
    await converge(api, () => undefined);
    const [, restarted] = api.rsList();
    expect(restarted.spec!.template!.metadata!.annotations).toEqual({ 'kubectl.kubernetes.io/restartedAt': '2026-01-01T00:00:00Z' });
    expect(restarted.metadata!.annotations!['deployment.kubernetes.io/revision']).toBe('2');
  });
});

describe('history cleanup', () => {
  it('keeps revisionHistoryLimit old ReplicaSets once a rollout completes, deleting the oldest revisions', async () => {
    const api = new FakeDeploymentApi(new FakeClock());
    api.addDeployment(deployment('web', { replicas: 1, revisionHistoryLimit: 1 }));
    for (const image of ['nginx:1', 'nginx:2', 'nginx:3', 'nginx:4']) {
      api.editDeployment('web', (d) => void (d.spec!.template!.spec!.containers[0].image = image));
      await converge(api, () => undefined);
    }
    const revisions = api.rsList().map((rs) => rs.metadata!.annotations!['deployment.kubernetes.io/revision']);
    expect(revisions).toEqual(['3', '4']);
    expect(api.log.filter((l) => l.startsWith('delete'))).toHaveLength(2);
  });
});
