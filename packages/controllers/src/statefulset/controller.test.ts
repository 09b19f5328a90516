/**
 * The StatefulSet controller against a real API server (no kubelet: the test
 * marks pods Running and Ready itself; unbound pods are deleted at once).
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { defaultTimings } from '@mk/api';
import type { WatchHandle } from '@mk/client';
import type { ControllerRevision, StatefulSet } from 'kubernetes-types/apps/v1';
import type { PersistentVolumeClaim, Pod } from 'kubernetes-types/core/v1';
import { createControllerManager, type ControllerManager } from '../manager';
import { eventually, startTestCluster, type TestCluster } from '../testing/cluster';
import { rfc3339 } from '../framework/time';
import { STATEFUL_SET_CONTROLLER, statefulSetController } from './controller';

let cluster: TestCluster;
let manager: ControllerManager;
let watch: WatchHandle | undefined;
const logs: string[] = [];

const setPath = '/apis/apps/v1/namespaces/default/statefulsets/web';
const podPath = (name: string) => `/api/v1/namespaces/default/pods/${name}`;
const merge = { contentType: 'application/merge-patch+json' };

beforeEach(async () => {
  cluster = await startTestCluster();
  logs.length = 0;
  manager = createControllerManager({ client: cluster.client, timings: defaultTimings, clock: cluster.clock, available: [statefulSetController], log: (m) => logs.push(m) });
  await manager.start();
});

afterEach(async () => {
  watch?.close();
  await manager.stop();
  await cluster.close();
});

/** Gives reconciles in flight a moment of real time, before checking that something did NOT happen. */
const letInFlightWorkFinish = () => new Promise((resolve) => setTimeout(resolve, 200));

const webSet = (): StatefulSet => ({
  apiVersion: 'apps/v1',
  kind: 'StatefulSet',
  metadata: { name: 'web' },
  spec: {
    replicas: 3,
    serviceName: 'web',
    selector: { matchLabels: { app: 'web' } },
    template: { metadata: { labels: { app: 'web' } }, spec: { containers: [{ name: 'nginx', image: 'nginx:1.26' }] } },
    volumeClaimTemplates: [{ metadata: { name: 'www' }, spec: { accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '1Gi' } } } }],
  },
});

/** What a kubelet would report once the pod's containers run and pass readiness. */
async function markReady(name: string, revision?: string): Promise<void> {
  await eventually(async () => {
    const pod = await cluster.get<Pod>(podPath(name));
    expect(pod).toBeDefined();
    if (revision) expect(pod!.metadata?.labels?.['controller-revision-hash']).toBe(revision);
  });
  const now = rfc3339(cluster.clock.now());
  await cluster.client.request('PATCH', `${podPath(name)}/status`, { ...merge, body: { status: { phase: 'Running', conditions: [{ type: 'Ready', status: 'True', lastTransitionTime: now }] } } });
}

/** The pod, once it exists. */
const podNamed = (name: string) =>
  eventually(async () => {
    const pod = await cluster.get<Pod>(podPath(name));
    expect(pod).toBeDefined();
    return pod!;
  });
const exists = async (name: string) => (await cluster.get<Pod>(podPath(name))) !== undefined;
const getSet = async () => (await cluster.get<StatefulSet>(setPath))!;
const revisions = async () =>
  (await cluster.client.request<{ items: ControllerRevision[] }>('GET', '/apis/apps/v1/namespaces/default/controllerrevisions')).items.sort((a, b) => a.revision - b.revision);

/** Creates web and walks it up to three Ready pods. */
async function createReadySet(): Promise<void> {
  await cluster.client.request('POST', '/apis/apps/v1/namespaces/default/statefulsets', { body: webSet() });
  for (const name of ['web-0', 'web-1', 'web-2']) await markReady(name);
  await eventually(async () => expect((await getSet()).status).toMatchObject({ replicas: 3, readyReplicas: 3, availableReplicas: 3 }));
}

describe(STATEFUL_SET_CONTROLLER, () => {
  it('creates pods in ordinal order, each after its predecessor is Ready, with claims created first', async () => {
    await cluster.client.request('POST', '/apis/apps/v1/namespaces/default/statefulsets', { body: webSet() });
    const web0 = await podNamed('web-0');
    expect(web0.metadata?.labels).toMatchObject({ app: 'web', 'statefulset.kubernetes.io/pod-name': 'web-0', 'apps.kubernetes.io/pod-index': '0' });
    expect(web0.metadata?.ownerReferences?.[0]).toMatchObject({ kind: 'StatefulSet', name: 'web', controller: true });
    expect(web0.spec).toMatchObject({ hostname: 'web-0', subdomain: 'web' });
    expect(web0.spec?.volumes?.[0]).toEqual({ name: 'www', persistentVolumeClaim: { claimName: 'www-web-0' } });
    const claim = await cluster.get<PersistentVolumeClaim>('/api/v1/namespaces/default/persistentvolumeclaims/www-web-0');
    expect(claim?.metadata?.labels).toEqual({ app: 'web' });

    await letInFlightWorkFinish();
    expect(await exists('web-1')).toBe(false);

    await markReady('web-0');
    await eventually(async () => expect(await exists('web-1')).toBe(true));
    await letInFlightWorkFinish();
    expect(await exists('web-2')).toBe(false);

    await markReady('web-1');
    await markReady('web-2');
    const set = await eventually(async () => {
      const s = await getSet();
      expect(s.status).toMatchObject({ observedGeneration: 1, replicas: 3, readyReplicas: 3, availableReplicas: 3, currentReplicas: 3, updatedReplicas: 3, collisionCount: 0 });
      return s;
    });
    const [r1] = await revisions();
    expect(set.status?.currentRevision).toBe(r1.metadata?.name);
    expect(set.status?.updateRevision).toBe(r1.metadata?.name);
    for (const n of [0, 1, 2]) expect(await cluster.get(`/api/v1/namespaces/default/persistentvolumeclaims/www-web-${n}`)).toBeDefined();

    const events = await eventually(async () => {
      const list = await cluster.client.request<{ items: { reason: string; message: string; source: { component: string }; type: string; involvedObject: { kind: string } }[] }>('GET', '/api/v1/namespaces/default/events');
      const seen = list.items.map((e) => `${e.source.component} ${e.type} ${e.involvedObject.kind} ${e.reason}: ${e.message}`);
      expect(seen).toEqual(
        expect.arrayContaining([
          'statefulset-controller Normal StatefulSet SuccessfulCreate: create Claim www-web-0 Pod web-0 in StatefulSet web success',
          'statefulset-controller Normal StatefulSet SuccessfulCreate: create Pod web-0 in StatefulSet web successful',
          'statefulset-controller Normal StatefulSet SuccessfulCreate: create Pod web-2 in StatefulSet web successful',
        ]),
      );
      return seen;
    });
    expect(events.filter((e) => !e.includes(' Normal '))).toEqual([]);

    // A pod that failed is deleted and made again under the same name.
    const failedUid = (await podNamed('web-1')).metadata?.uid;
    await cluster.client.request('PATCH', `${podPath('web-1')}/status`, { ...merge, body: { status: { phase: 'Failed' } } });
    await eventually(async () => {
      const again = await podNamed('web-1');
      expect(again.metadata?.uid).not.toBe(failedUid);
      expect(again.status?.phase).toBe('Pending');
    });
    expect(logs).toEqual([]);
  }, 30_000);

  it('rolls a template change out from the highest ordinal, then scales down from the top, keeping the claims', async () => {
    await createReadySet();
    const deleted: string[] = [];
    watch = await cluster.client.watch('/api/v1/namespaces/default/pods', { onEvent: (e) => e.type === 'DELETED' && deleted.push(e.object.metadata!.name!) });

    const container = { name: 'nginx', image: 'nginx:1.27' };
    await cluster.client.request('PATCH', setPath, { ...merge, body: { spec: { template: { spec: { containers: [container] } } } } });
    const [r1, r2] = await eventually(async () => {
      const list = await revisions();
      expect(list.map((r) => r.revision)).toEqual([1, 2]);
      return list;
    });
    const R2 = r2.metadata!.name!;
    expect((r2.data as { spec: { template: Record<string, unknown> } }).spec.template).toMatchObject({ $patch: 'replace', spec: { containers: [expect.objectContaining(container)] } });
    expect(r2.metadata?.ownerReferences?.[0]).toMatchObject({ kind: 'StatefulSet', name: 'web', controller: true });

    // web-2 is replaced first; web-1 keeps the old revision until the new web-2 is Ready.
    await eventually(async () => expect((await podNamed('web-2')).metadata?.labels?.['controller-revision-hash']).toBe(R2));
    await letInFlightWorkFinish();
    expect((await podNamed('web-1')).metadata?.labels?.['controller-revision-hash']).toBe(r1.metadata?.name);
    expect(deleted).toEqual(['web-2']);
    await markReady('web-2', R2);
    await markReady('web-1', R2);
    await markReady('web-0', R2);
    const updated = await eventually(async () => {
      const s = await getSet();
      expect(s.status).toMatchObject({ readyReplicas: 3, updatedReplicas: 3, currentReplicas: 3, currentRevision: R2, updateRevision: R2 });
      return s;
    });
    expect(updated.status?.currentRevision).not.toBe(r1.metadata?.name);
    expect(deleted).toEqual(['web-2', 'web-1', 'web-0']);
    const web0 = (await cluster.get<Pod>(podPath('web-0')))!;
    expect(web0.spec?.containers[0].image).toBe('nginx:1.27');

    await cluster.client.request('PATCH', setPath, { ...merge, body: { spec: { replicas: 1 } } });
    await eventually(async () => expect(deleted).toEqual(['web-2', 'web-1', 'web-0', 'web-2', 'web-1']));
    await eventually(async () => expect((await getSet()).status).toMatchObject({ replicas: 1, readyReplicas: 1 }));
    expect(await exists('web-0')).toBe(true);
    for (const n of [1, 2]) expect(await cluster.get(`/api/v1/namespaces/default/persistentvolumeclaims/www-web-${n}`)).toBeDefined();

    // `kubectl rollout undo`: the old revision's data as a strategic merge patch; that revision becomes number 3.
    await cluster.client.request('PATCH', setPath, { contentType: 'application/strategic-merge-patch+json', body: r1.data });
    await eventually(async () => expect((await revisions()).map((r) => `${r.metadata?.name} ${r.revision}`)).toEqual([`${R2} 2`, `${r1.metadata?.name} 3`]));
    await markReady('web-0', r1.metadata?.name);
    await eventually(async () => expect((await getSet()).status).toMatchObject({ readyReplicas: 1, currentRevision: r1.metadata?.name, updateRevision: r1.metadata?.name }));
    expect((await podNamed('web-0')).spec?.containers[0].image).toBe('nginx:1.26');
    expect(logs).toEqual([]);
  }, 30_000);
});
