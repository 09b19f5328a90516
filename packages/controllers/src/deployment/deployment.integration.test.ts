/**
 * The deployment controller in a real manager against an in-memory API
 * server. No ReplicaSet controller runs: the test reports ReplicaSet status
 * by hand, as that controller would once its pods were available.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { defaultTimings } from '@mk/api';
import type { Deployment, ReplicaSet } from 'kubernetes-types/apps/v1';
import { createControllerManager, type ControllerManager } from '../manager';
import { eventually, startTestCluster, type TestCluster } from '../testing/cluster';
import { deploymentController } from './controller';

let cluster: TestCluster;
let manager: ControllerManager;

beforeEach(async () => {
  cluster = await startTestCluster();
  manager = createControllerManager({ client: cluster.client, timings: defaultTimings, clock: cluster.clock, available: [deploymentController], log: () => undefined });
  await manager.start();
});

afterEach(async () => {
  await manager.stop();
  await cluster.close();
});

const DEPLOYMENTS = '/apis/apps/v1/namespaces/default/deployments';
const REPLICA_SETS = '/apis/apps/v1/namespaces/default/replicasets';
const merge = { contentType: 'application/merge-patch+json' };
const condition = (d: Deployment | undefined, type: string) => d?.status?.conditions?.find((c) => c.type === type);

async function replicaSets(): Promise<ReplicaSet[]> {
  const list = await cluster.client.request<{ items: ReplicaSet[] }>('GET', REPLICA_SETS);
  return list.items.sort((a, b) => Number(a.metadata!.annotations?.['deployment.kubernetes.io/revision']) - Number(b.metadata!.annotations?.['deployment.kubernetes.io/revision']));
}

/** What the ReplicaSet controller reports once all of a ReplicaSet's pods are available. */
async function markAvailable(rs: ReplicaSet): Promise<void> {
  const n = rs.spec!.replicas!;
  const status = { replicas: n, fullyLabeledReplicas: n, readyReplicas: n, availableReplicas: n, observedGeneration: rs.metadata!.generation };
  await cluster.client.request('PATCH', `${REPLICA_SETS}/${rs.metadata!.name}/status`, { ...merge, body: { status } });
}

describe('deployment controller', () => {
  it('creates a hashed ReplicaSet, reports availability and rolls a new image out as revision 2', async () => {
    const { client } = cluster;
    await client.request('POST', DEPLOYMENTS, {
      body: {
        apiVersion: 'apps/v1',
        kind: 'Deployment',
        metadata: { name: 'web', annotations: { 'kubernetes.io/change-cause': 'create web' } },
        spec: {
          replicas: 2,
          selector: { matchLabels: { app: 'web' } },
          template: { metadata: { labels: { app: 'web' } }, spec: { containers: [{ name: 'web', image: 'nginx:1.12' }] } },
        },
      },
    });

    const [v1] = await eventually(async () => {
      const list = await replicaSets();
      expect(list).toHaveLength(1);
      return list;
    });
    const deployed = (await cluster.get<Deployment>(`${DEPLOYMENTS}/web`))!;
    const hash = v1.metadata!.labels!['pod-template-hash'];
    expect(v1.metadata!.name).toBe(`web-${hash}`);
    expect(v1.metadata!.labels).toEqual({ app: 'web', 'pod-template-hash': hash });
    expect(v1.spec!.selector).toEqual({ matchLabels: { app: 'web', 'pod-template-hash': hash } });
    expect(v1.spec!.replicas).toBe(2);
    expect(v1.metadata!.ownerReferences).toEqual([{ apiVersion: 'apps/v1', kind: 'Deployment', name: 'web', uid: deployed.metadata!.uid, controller: true, blockOwnerDeletion: true }]);
    expect(v1.metadata!.annotations).toEqual({
      'kubernetes.io/change-cause': 'create web',
      'deployment.kubernetes.io/revision': '1',
      'deployment.kubernetes.io/desired-replicas': '2',
      'deployment.kubernetes.io/max-replicas': '3',
    });
    // The template is the Deployment's, verbatim but for the hash label (what `rollout undo` copies back).
    const { labels, ...rest } = v1.spec!.template!.metadata!;
    expect(labels).toEqual({ app: 'web', 'pod-template-hash': hash });
    expect({ ...v1.spec!.template, metadata: rest }).toEqual({ ...deployed.spec!.template, metadata: { ...deployed.spec!.template!.metadata, labels: undefined } });

    const progressing = await eventually(async () => {
      const d = (await cluster.get<Deployment>(`${DEPLOYMENTS}/web`))!;
      expect(d.metadata!.annotations!['deployment.kubernetes.io/revision']).toBe('1');
      expect(condition(d, 'Available')).toMatchObject({ status: 'False', reason: 'MinimumReplicasUnavailable', message: 'Deployment does not have minimum availability.' });
      expect(d.status?.observedGeneration).toBe(1);
      return condition(d, 'Progressing');
    });
    expect(progressing).toMatchObject({ status: 'True', reason: 'NewReplicaSetCreated', message: `Created new replica set "web-${hash}"`, lastUpdateTime: '2026-01-01T00:00:00Z' });

    await markAvailable(v1);
    await eventually(async () => {
      const d = (await cluster.get<Deployment>(`${DEPLOYMENTS}/web`))!;
      expect(d.status).toMatchObject({ replicas: 2, updatedReplicas: 2, readyReplicas: 2, availableReplicas: 2 });
      expect(condition(d, 'Available')).toMatchObject({ status: 'True', reason: 'MinimumReplicasAvailable', message: 'Deployment has minimum availability.' });
      expect(condition(d, 'Progressing')).toMatchObject({ status: 'True', reason: 'NewReplicaSetAvailable', message: `ReplicaSet "web-${hash}" has successfully progressed.` });
    });

    await client.request('PATCH', `${DEPLOYMENTS}/web`, {
      contentType: 'application/strategic-merge-patch+json',
      body: { metadata: { annotations: { 'kubernetes.io/change-cause': 'image 1.13' } }, spec: { template: { spec: { containers: [{ name: 'web', image: 'nginx:1.13' }] } } } },
    });
    const [, v2] = await eventually(async () => {
      const list = await replicaSets();
      expect(list).toHaveLength(2);
      return list;
    });
    expect(v2.metadata!.annotations).toMatchObject({ 'deployment.kubernetes.io/revision': '2', 'kubernetes.io/change-cause': 'image 1.13' });
    expect(v2.spec!.template!.spec!.containers[0].image).toBe('nginx:1.13');
    // 25% of 2: one pod of surge, none may be unavailable — the new ReplicaSet starts with one.
    expect(v2.spec!.replicas).toBe(1);
    await eventually(async () => {
      const d = (await cluster.get<Deployment>(`${DEPLOYMENTS}/web`))!;
      expect(d.metadata!.annotations!['deployment.kubernetes.io/revision']).toBe('2');
      expect(condition(d, 'Progressing')).toMatchObject({ reason: 'NewReplicaSetCreated', message: `Created new replica set "${v2.metadata!.name}"` });
    });

    const events = await eventually(async () => {
      const list = await client.request<{ items: { reason: string; message: string; source: { component: string }; involvedObject: { kind: string; name: string } }[] }>('GET', '/api/v1/namespaces/default/events');
      const seen = list.items.map((e) => `${e.source.component} ${e.involvedObject.kind}/${e.involvedObject.name} ${e.reason}: ${e.message}`);
      expect(seen).toEqual(
        expect.arrayContaining([
          `deployment-controller Deployment/web ScalingReplicaSet: Scaled up replica set web-${hash} from 0 to 2`,
          `deployment-controller Deployment/web ScalingReplicaSet: Scaled up replica set ${v2.metadata!.name} from 0 to 1`,
        ]),
      );
      return seen;
    });
    expect(events.filter((e) => e.includes('Scaled down'))).toEqual([]);

    // Playing the ReplicaSet controller until the rollout completes: the old ReplicaSet goes, the new one takes over.
    await eventually(async () => {
      for (const rs of await replicaSets()) if (rs.status?.availableReplicas !== rs.spec!.replicas || rs.status?.replicas !== rs.spec!.replicas) await markAvailable(rs);
      const d = (await cluster.get<Deployment>(`${DEPLOYMENTS}/web`))!;
      expect(condition(d, 'Progressing')).toMatchObject({ reason: 'NewReplicaSetAvailable', message: `ReplicaSet "${v2.metadata!.name}" has successfully progressed.` });
      expect(d.status).toMatchObject({ replicas: 2, updatedReplicas: 2, availableReplicas: 2, observedGeneration: 2 });
    }, 20_000);
    expect((await replicaSets()).map((rs) => rs.spec!.replicas)).toEqual([0, 2]);
  }, 60_000);

  it('reports ProgressDeadlineExceeded once progressDeadlineSeconds pass on the clock without progress', async () => {
    const { client, clock } = cluster;
    await client.request('POST', DEPLOYMENTS, {
      body: {
        apiVersion: 'apps/v1',
        kind: 'Deployment',
        metadata: { name: 'stuck' },
        spec: {
          replicas: 1,
          progressDeadlineSeconds: 30,
          selector: { matchLabels: { app: 'stuck' } },
          template: { metadata: { labels: { app: 'stuck' } }, spec: { containers: [{ name: 'c', image: 'never:pulls' }] } },
        },
      },
    });
    await eventually(async () => expect(condition(await cluster.get<Deployment>(`${DEPLOYMENTS}/stuck`), 'Progressing')?.reason).toBe('NewReplicaSetCreated'));
    await clock.advance(29_000);
    // The controller asked to look again just after the deadline; time moves on in small steps until it has.
    const timedOut = await eventually(async () => {
      await clock.advance(1_000);
      const c = condition(await cluster.get<Deployment>(`${DEPLOYMENTS}/stuck`), 'Progressing');
      expect(c?.reason).toBe('ProgressDeadlineExceeded');
      return c;
    });
    expect(timedOut).toMatchObject({ status: 'False', message: expect.stringMatching(/^ReplicaSet "stuck-[a-z0-9]+" has timed out progressing\.$/) });
    // Stamped in whole seconds: no earlier than the deadline.
    expect(Date.parse(timedOut!.lastUpdateTime!)).toBeGreaterThanOrEqual(Date.parse('2026-01-01T00:00:30Z'));
  }, 60_000);
});
