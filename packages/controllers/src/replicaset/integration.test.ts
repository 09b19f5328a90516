/**
 * The replica controllers end to end against a real API server (no kubelet,
 * no scheduler, no garbage collector): pods are created with owner
 * references, replaced when deleted or relabelled, deleted on scale-down,
 * and status follows readiness as the FakeClock moves.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { defaultTimings } from '@mk/api';
import type { Pod } from 'kubernetes-types/core/v1';
import type { ReplicaSet } from 'kubernetes-types/apps/v1';
import { createControllerManager, type ControllerManager } from '../manager';
import { eventually, startTestCluster, type TestCluster } from '../testing/cluster';
import { rfc3339 } from '../framework/time';
import { replicaSetController, replicationControllerController } from './controller';

let cluster: TestCluster;
let manager: ControllerManager;

beforeEach(async () => {
  cluster = await startTestCluster();
  manager = createControllerManager({ client: cluster.client, timings: defaultTimings, clock: cluster.clock, available: [replicaSetController, replicationControllerController], log: () => undefined });
  await manager.start();
});

afterEach(async () => {
  await manager.stop();
  await cluster.close();
});

const merge = { contentType: 'application/merge-patch+json' };
const podsPath = '/api/v1/namespaces/default/pods';
const rsPath = '/apis/apps/v1/namespaces/default/replicasets';

const listPods = async () => (await cluster.client.request<{ items: Pod[] }>('GET', podsPath)).items;
const ownedBy = (pods: Pod[], uid: string) => pods.filter((p) => p.metadata?.ownerReferences?.some((r) => r.controller && r.uid === uid));
const eventLines = async (component: string) =>
  (await cluster.client.request<{ items: { reason: string; message: string; source: { component: string }; involvedObject: { kind: string; name: string } }[] }>('GET', '/api/v1/namespaces/default/events')).items
    .filter((e) => e.source.component === component)
    .map((e) => `${e.involvedObject.kind}/${e.involvedObject.name} ${e.reason}: ${e.message}`);

function template(labels: Record<string, string>) {
  return { metadata: { labels }, spec: { containers: [{ name: 'web', image: 'nginx' }] } };
}

describe('replicaset-controller', () => {
  it('creates, replaces, releases and scales down pods', async () => {
    const { client } = cluster;
    const rs = await client.request<ReplicaSet>('POST', rsPath, {
      body: { apiVersion: 'apps/v1', kind: 'ReplicaSet', metadata: { name: 'web' }, spec: { replicas: 3, selector: { matchLabels: { app: 'web' } }, template: template({ app: 'web' }) } },
    });
    const uid = rs.metadata!.uid!;

    const first = await eventually(async () => {
      const pods = ownedBy(await listPods(), uid);
      expect(pods).toHaveLength(3);
      return pods;
    });
    for (const p of first) {
      expect(p.metadata?.name).toMatch(/^web-[a-z0-9]{5}$/);
      expect(p.metadata?.ownerReferences).toEqual([{ apiVersion: 'apps/v1', kind: 'ReplicaSet', name: 'web', uid, controller: true, blockOwnerDeletion: true }]);
    }
    await eventually(async () => expect((await client.request<ReplicaSet>('GET', `${rsPath}/web`)).status).toMatchObject({ replicas: 3, fullyLabeledReplicas: 3, observedGeneration: 1 }));
    await eventually(async () => expect((await eventLines('replicaset-controller')).filter((e) => e.startsWith('ReplicaSet/web SuccessfulCreate: Created pod: web-'))).toHaveLength(3));

    // A deleted pod is replaced (an unbound pod is removed at once).
    const victim = first[0].metadata!.name!;
    await client.request('DELETE', `${podsPath}/${victim}`);
    const second = await eventually(async () => {
      const pods = ownedBy(await listPods(), uid);
      expect(pods.map((p) => p.metadata?.name)).not.toContain(victim);
      expect(pods).toHaveLength(3);
      return pods;
    });

    // A relabelled pod is released, becomes an orphan, and a replacement appears.
    const relabelled = second[0].metadata!.name!;
    await client.request('PATCH', `${podsPath}/${relabelled}`, { ...merge, body: { metadata: { labels: { app: 'debug' } } } });
    await eventually(async () => {
      const pods = await listPods();
      const orphan = pods.find((p) => p.metadata?.name === relabelled)!;
      expect(orphan.metadata?.ownerReferences ?? []).toEqual([]);
      const owned = ownedBy(pods, uid);
      expect(owned).toHaveLength(3);
      expect(owned.map((p) => p.metadata?.name)).not.toContain(relabelled);
    });

    // Scaling to 1 deletes two; the orphan is nobody's business.
    await client.request('PATCH', `${rsPath}/web`, { ...merge, body: { spec: { replicas: 1 } } });
    await eventually(async () => {
      const pods = await listPods();
      expect(ownedBy(pods, uid)).toHaveLength(1);
      expect(pods.map((p) => p.metadata?.name)).toContain(relabelled);
      expect((await client.request<ReplicaSet>('GET', `${rsPath}/web`)).status).toMatchObject({ replicas: 1, observedGeneration: 2 });
    });
    await eventually(async () => expect((await eventLines('replicaset-controller')).filter((e) => e.includes('SuccessfulDelete: Deleted pod: web-'))).toHaveLength(2));
    // Three at first, one for the deleted pod, one for the released one: no create was ever repeated.
    expect((await eventLines('replicaset-controller')).filter((e) => e.includes('SuccessfulCreate'))).toHaveLength(5);
  }, 30_000);

  it('counts a ready pod available once minReadySeconds have passed', async () => {
    const { client, clock } = cluster;
    await client.request('POST', rsPath, {
      body: { apiVersion: 'apps/v1', kind: 'ReplicaSet', metadata: { name: 'slow' }, spec: { replicas: 1, minReadySeconds: 10, selector: { matchLabels: { app: 'slow' } }, template: template({ app: 'slow' }) } },
    });
    const [created] = await eventually(async () => {
      const pods = (await listPods()).filter((p) => p.metadata?.labels?.app === 'slow');
      expect(pods).toHaveLength(1);
      return pods;
    });
    const now = rfc3339(clock.now());
    await client.request('PATCH', `${podsPath}/${created.metadata!.name}/status`, { ...merge, body: { status: { phase: 'Running', conditions: [{ type: 'Ready', status: 'True', lastTransitionTime: now }] } } });
    await eventually(async () => expect((await client.request<ReplicaSet>('GET', `${rsPath}/slow`)).status).toMatchObject({ replicas: 1, readyReplicas: 1 }));
    expect((await client.request<ReplicaSet>('GET', `${rsPath}/slow`)).status?.availableReplicas).toBeUndefined();

    await clock.advance(10_001);
    await eventually(async () => expect((await client.request<ReplicaSet>('GET', `${rsPath}/slow`)).status).toMatchObject({ readyReplicas: 1, availableReplicas: 1 }));
  }, 30_000);
});

describe('replicationcontroller-controller', () => {
  it('keeps a ReplicationController at its replica count', async () => {
    const { client } = cluster;
    const rc = await client.request<{ metadata: { uid: string } }>('POST', '/api/v1/namespaces/default/replicationcontrollers', {
      body: { apiVersion: 'v1', kind: 'ReplicationController', metadata: { name: 'legacy' }, spec: { replicas: 2, selector: { app: 'legacy' }, template: template({ app: 'legacy' }) } },
    });
    const pods = await eventually(async () => {
      const owned = ownedBy(await listPods(), rc.metadata.uid);
      expect(owned).toHaveLength(2);
      return owned;
    });
    expect(pods[0].metadata?.ownerReferences?.[0]).toMatchObject({ apiVersion: 'v1', kind: 'ReplicationController', name: 'legacy' });
    await eventually(async () => expect((await client.request<{ status: object }>('GET', '/api/v1/namespaces/default/replicationcontrollers/legacy')).status).toMatchObject({ replicas: 2, fullyLabeledReplicas: 2 }));
    await eventually(async () => expect((await eventLines('replication-controller')).filter((e) => e.startsWith('ReplicationController/legacy SuccessfulCreate: Created pod: legacy-'))).toHaveLength(2));
  }, 30_000);
});
