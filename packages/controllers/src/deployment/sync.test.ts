import { describe, expect, it } from 'vitest';
import { FakeClock } from '@mk/api';
import { ApiError } from '@mk/client';
import { computeHash } from '../framework/hash';
import { deployment, FakeDeploymentApi, replicaSet } from './test-support';

const newApi = () => new FakeDeploymentApi(new FakeClock('2026-01-01T00:00:00Z'));

describe('claiming ReplicaSets', () => {
  it('adopts a matching orphan after rechecking the Deployment, and releases an owned one that no longer matches', async () => {
    const api = newApi();
    const d = deployment('web', { replicas: 2 });
    api.addDeployment(d);
    api.addReplicaSet(replicaSet('orphan', 2, { revision: 1, desired: 2, max: 3 }));
    api.addReplicaSet(replicaSet('strayed', 0, { owner: d, labels: { app: 'other' } }));
    api.addReplicaSet(replicaSet('someone-elses', 1, { owner: deployment('other') }));
    await api.sync('web');
    expect(api.log.slice(0, 2)).toEqual(['adopt ReplicaSet/orphan', 'release ReplicaSet/strayed']);
    // The adopted orphan has the Deployment's template: it is the new ReplicaSet, nothing else is created.
    expect(api.rsList().map((rs) => rs.metadata!.name)).toEqual(['orphan', 'someone-elses', 'strayed']);
    expect(api.deployment('web').status).toMatchObject({ replicas: 2, availableReplicas: 2 });
  });

  it('does not adopt when the fresh read says the Deployment is being deleted', async () => {
    const api = newApi();
    api.addDeployment(deployment('web'));
    api.addReplicaSet(replicaSet('orphan', 1));
    api.getDeployment = async () => ({ ...deployment('web'), metadata: { ...deployment('web').metadata, deletionTimestamp: '2026-01-01T00:00:00Z' } });
    await expect(api.sync('web')).rejects.toThrow('default/web has just been deleted at 2026-01-01T00:00:00Z');
    expect(api.log).toEqual([]);
  });
});

describe('syncDeployment', () => {
  it('refuses a selector that selects everything, with upstream event', async () => {
    const api = newApi();
    const d = deployment('web');
    d.spec!.selector = {};
    api.addDeployment(d);
    await api.sync('web');
    expect(api.events).toEqual([{ regarding: { apiVersion: 'apps/v1', kind: 'Deployment', namespace: 'default', name: 'web', uid: 'uid-web' }, type: 'Warning', reason: 'SelectingAll', message: 'This deployment is selecting all pods. A non-empty selector is required.' }]);
    expect(api.deployment('web').status).toEqual({ observedGeneration: 1 });
    expect(api.replicaSets.size).toBe(0);
  });

  it('only updates the status of a Deployment being deleted', async () => {
    const api = newApi();
    const d = deployment('web', { replicas: 5 });
    Object.assign(d.metadata!, { deletionTimestamp: '2026-01-01T00:00:00Z' });
    api.addDeployment(d);
    api.addReplicaSet(replicaSet('web-a', 2, { owner: d, revision: 1, desired: 2, max: 3 }));
    await api.sync('web');
    // Revision and status only (upstream's syncStatusOnly): nothing is scaled or created.
    expect(api.log.every((l) => l === 'status Deployment/web')).toBe(true);
    expect(api.rsList().map((rs) => rs.spec!.replicas)).toEqual([2]);
    expect(api.deployment('web').status).toMatchObject({ replicas: 2, availableReplicas: 2 });
  });

  it('bumps collisionCount when the hashed name is taken by a different template, then creates under a new hash', async () => {
    const api = newApi();
    const d = deployment('web');
    api.addDeployment(d);
    const taken = `web-${computeHash(d.spec!.template)}`;
    api.addReplicaSet(replicaSet(taken, 0, { owner: deployment('web-other'), labels: { app: 'other' } }));
    const err = await api.sync('web').catch((e: unknown) => e);
    expect((err as ApiError).reason).toBe('AlreadyExists');
    expect(api.deployment('web').status?.collisionCount).toBe(1);
    await api.sync('web');
    expect(api.rsList().map((rs) => rs.metadata!.name)).toContain(`web-${computeHash(d.spec!.template, 1)}`);
  });

  it('takes its own ReplicaSet that the cache did not show yet as the new one', async () => {
    const api = newApi();
    api.addDeployment(deployment('web', { replicas: 1 }));
    await api.sync('web');
    const [created] = api.rsList();
    api.events.length = 0;
    // The create answers AlreadyExists; the cache has caught up by the time it is asked.
    await api.sync('web', { hide: [created.metadata!.name!] });
    expect(api.rsList()).toHaveLength(1);
    expect(api.events).toEqual([]);
    expect(api.deployment('web').status?.collisionCount).toBeUndefined();
  });

  it('copies minReadySeconds and new annotations of the Deployment to the existing new ReplicaSet', async () => {
    const api = newApi();
    api.addDeployment(deployment('web', { replicas: 1 }));
    await api.sync('web');
    api.editDeployment('web', (d) => {
      d.spec!.minReadySeconds = 10;
      d.metadata!.annotations = { ...d.metadata!.annotations, 'kubernetes.io/change-cause': 'tuned' };
    });
    await api.sync('web');
    const [rs] = api.rsList();
    expect(rs.spec!.minReadySeconds).toBe(10);
    expect(rs.metadata!.annotations!['kubernetes.io/change-cause']).toBe('tuned');
  });

  it('scales proportionally when spec.replicas changes mid-rollout', async () => {
    const api = newApi();
    api.addDeployment(deployment('web', { replicas: 10, maxSurge: 3, maxUnavailable: 2 }));
    await api.sync('web');
    api.settleReplicaSets();
    api.editDeployment('web', (d) => void (d.spec!.template!.spec!.containers[0].image = 'nginx:1.13'));
    await api.sync('web');
    api.settleReplicaSets((rs) => (rs.metadata!.annotations!['deployment.kubernetes.io/revision'] === '2' ? 0 : rs.spec!.replicas!));
    expect(api.rsList().map((rs) => rs.spec!.replicas)).toEqual([8, 3]);
    api.editDeployment('web', (d) => void (d.spec!.replicas = 20));
    api.events.length = 0;
    await api.sync('web');
    // 11 pods sized for 13 (10 + surge 3) grow to 23 (20 + 3): 8·23/13 ≈ 14 and 3·23/13 ≈ 5, the leftover 4 to the largest.
    expect(api.rsList().map((rs) => rs.spec!.replicas)).toEqual([18, 5]);
    expect(api.rsList().map((rs) => rs.metadata!.annotations!['deployment.kubernetes.io/desired-replicas'])).toEqual(['20', '20']);
    expect(api.messages()).toEqual([
      `ScalingReplicaSet: Scaled up replica set ${api.rsList()[0].metadata!.name} from 8 to 18`,
      `ScalingReplicaSet: Scaled up replica set ${api.rsList()[1].metadata!.name} from 3 to 5`,
    ]);
  });
});
