/**
 * The DaemonSet controller against a real API server (no scheduler, no
 * kubelet): daemon pods stay Pending, pinned to their node by affinity, which
 * is exactly what the controller is responsible for.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { defaultTimings } from '@mk/api';
import type { ControllerRevision, DaemonSet, DaemonSetUpdateStrategy } from 'kubernetes-types/apps/v1';
import type { Node, NodeCondition, Pod } from 'kubernetes-types/core/v1';
import { createControllerManager, type ControllerManager } from '../manager';
import { eventually, startTestCluster, type TestCluster } from '../testing/cluster';
import { daemonSetController, nodeChanged } from './controller';
import { node } from './fixtures';
import { targetNodeName } from './pod-for-node';

let cluster: TestCluster;
let manager: ControllerManager;

beforeEach(async () => {
  cluster = await startTestCluster();
});

afterEach(async () => {
  await manager?.stop();
  await cluster.close();
});

const DS_PATH = '/apis/apps/v1/namespaces/default/daemonsets';
const CONTROL_PLANE_TAINT = { key: 'node-role.kubernetes.io/control-plane', effect: 'NoSchedule' };

async function daemonPods(): Promise<Pod[]> {
  const list = await cluster.client.request<{ items: Pod[] }>('GET', '/api/v1/namespaces/default/pods?labelSelector=app%3Dagent');
  return list.items;
}

/** Node name → the images of its daemon pods. */
async function podsByNode(): Promise<Record<string, string[]>> {
  const out: Record<string, string[]> = {};
  for (const pod of await daemonPods()) (out[targetNodeName(pod) ?? '?'] ??= []).push(pod.spec!.containers[0].image!);
  for (const k of Object.keys(out)) out[k].sort();
  return out;
}

async function startController(): Promise<void> {
  manager = createControllerManager({ client: cluster.client, timings: defaultTimings, clock: cluster.clock, available: [daemonSetController], log: () => undefined });
  await manager.start();
}

async function createDaemonSet(updateStrategy?: DaemonSetUpdateStrategy): Promise<DaemonSet> {
  return cluster.client.request<DaemonSet>('POST', DS_PATH, {
    body: {
      apiVersion: 'apps/v1',
      kind: 'DaemonSet',
      metadata: { name: 'agent' },
      spec: {
        ...(updateStrategy ? { updateStrategy } : {}),
        selector: { matchLabels: { app: 'agent' } },
        template: { metadata: { labels: { app: 'agent' } }, spec: { containers: [{ name: 'agent', image: 'agent:1' }] } },
      },
    },
  });
}

describe('daemonset-controller', () => {
  it('runs one pod per eligible node, follows nodes coming and going, and skips tainted nodes', async () => {
    await cluster.addNode('w1');
    await cluster.addNode('w2');
    const ds = await createDaemonSet();
    await startController();

    const pods = await eventually(async () => {
      const items = await daemonPods();
      expect(items).toHaveLength(2);
      return items;
    });
    for (const pod of pods) {
      expect(pod.metadata?.generateName).toBe('agent-');
      expect(pod.metadata?.ownerReferences).toEqual([{ apiVersion: 'apps/v1', kind: 'DaemonSet', name: 'agent', uid: ds.metadata!.uid, controller: true, blockOwnerDeletion: true }]);
      expect(pod.spec?.nodeName).toBeUndefined();
      expect(pod.spec?.tolerations?.map((t) => `${t.key}:${t.effect}`)).toEqual([
        'node.kubernetes.io/not-ready:NoExecute',
        'node.kubernetes.io/unreachable:NoExecute',
        'node.kubernetes.io/disk-pressure:NoSchedule',
        'node.kubernetes.io/memory-pressure:NoSchedule',
        'node.kubernetes.io/pid-pressure:NoSchedule',
        'node.kubernetes.io/unschedulable:NoSchedule',
      ]);
    }
    expect(pods.map((p) => p.spec?.affinity?.nodeAffinity?.requiredDuringSchedulingIgnoredDuringExecution).sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)))).toEqual(
      ['w1', 'w2'].map((n) => ({ nodeSelectorTerms: [{ matchFields: [{ key: 'metadata.name', operator: 'In', values: [n] }] }] })),
    );

    // The history: one revision holding the template as kubectl rollout history/undo read it.
    const revisions = await eventually(async () => {
      const list = await cluster.client.request<{ items: ControllerRevision[] }>('GET', '/apis/apps/v1/namespaces/default/controllerrevisions');
      expect(list.items).toHaveLength(1);
      return list.items;
    });
    const hash = pods[0].metadata!.labels!['controller-revision-hash'];
    expect(revisions[0]).toMatchObject({ revision: 1, metadata: { name: `agent-${hash}`, labels: { app: 'agent', 'controller-revision-hash': hash } } });
    expect((revisions[0].data as { spec: { template: Record<string, unknown> } }).spec.template).toMatchObject({ $patch: 'replace', metadata: { labels: { app: 'agent' } } });

    await eventually(async () => {
      const status = (await cluster.get<DaemonSet>(`${DS_PATH}/agent`))!.status;
      expect(status).toMatchObject({ desiredNumberScheduled: 2, currentNumberScheduled: 2, numberMisscheduled: 0, numberReady: 0, updatedNumberScheduled: 2, numberUnavailable: 2, observedGeneration: 1 });
    });

    // A new node gets a pod; a deleted node's (unbound) pod goes.
    await cluster.addNode('w3');
    await eventually(async () => expect(Object.keys(await podsByNode()).sort()).toEqual(['w1', 'w2', 'w3']));
    await cluster.client.request('DELETE', '/api/v1/nodes/w3');
    await eventually(async () => expect(Object.keys(await podsByNode()).sort()).toEqual(['w1', 'w2']));

    // A control-plane node's NoSchedule taint is not tolerated: cp gets nothing. w4, added after it, shows cp was seen.
    await cluster.client.request('POST', '/api/v1/nodes', { body: { apiVersion: 'v1', kind: 'Node', metadata: { name: 'cp' }, spec: { taints: [CONTROL_PLANE_TAINT] } } });
    await cluster.addNode('w4');
    await eventually(async () => {
      expect(Object.keys(await podsByNode()).sort()).toEqual(['w1', 'w2', 'w4']);
      expect((await cluster.get<DaemonSet>(`${DS_PATH}/agent`))!.status).toMatchObject({ desiredNumberScheduled: 3, currentNumberScheduled: 3 });
    });

    // Tolerating the taint is a template change: a second revision, rolled out to every node including cp.
    await cluster.client.request('PATCH', `${DS_PATH}/agent`, {
      contentType: 'application/strategic-merge-patch+json',
      body: { spec: { template: { spec: { tolerations: [{ key: CONTROL_PLANE_TAINT.key, operator: 'Exists', effect: 'NoSchedule' }], containers: [{ name: 'agent', image: 'agent:2' }] } } } },
    });
    await eventually(async () => expect(await podsByNode()).toEqual({ cp: ['agent:2'], w1: ['agent:2'], w2: ['agent:2'], w4: ['agent:2'] }));
    const list = await cluster.client.request<{ items: ControllerRevision[] }>('GET', '/apis/apps/v1/namespaces/default/controllerrevisions');
    expect(list.items.map((r) => r.revision).sort()).toEqual([1, 2]);

    const events = await eventually(async () => {
      const items = (await cluster.client.request<{ items: { reason: string; message: string; source: { component: string }; involvedObject: { kind: string; name: string } }[] }>('GET', '/api/v1/namespaces/default/events')).items;
      expect(items.some((e) => e.reason === 'SuccessfulDelete')).toBe(true);
      return items;
    });
    const created = events.find((e) => e.reason === 'SuccessfulCreate')!;
    expect(created).toMatchObject({ source: { component: 'daemonset-controller' }, involvedObject: { kind: 'DaemonSet', name: 'agent' } });
    expect(created.message).toMatch(/^Created pod: agent-[a-z0-9]{5}$/);
    expect(events.find((e) => e.reason === 'SuccessfulDelete')!.message).toMatch(/^Deleted pod: agent-[a-z0-9]{5}$/);
  }, 60_000);
});

async function setImage(image: string): Promise<void> {
  await cluster.client.request('PATCH', `${DS_PATH}/agent`, { contentType: 'application/strategic-merge-patch+json', body: { spec: { template: { spec: { containers: [{ name: 'agent', image }] } } } } });
}

async function eventsSeen(): Promise<string[]> {
  const items = (await cluster.client.request<{ items: { reason: string; message: string }[] }>('GET', '/api/v1/namespaces/default/events')).items;
  return items.map((e) => `${e.reason}: ${e.message}`);
}

describe('daemonset-controller replacing pods', () => {
  it('with OnDelete, keeps old pods through a template change and replaces only the ones deleted', async () => {
    await cluster.addNode('w1');
    await cluster.addNode('w2');
    await createDaemonSet({ type: 'OnDelete' });
    await startController();
    await eventually(async () => expect(await podsByNode()).toEqual({ w1: ['agent:1'], w2: ['agent:1'] }));

    await setImage('agent:2');
    await eventually(async () => {
      const status = (await cluster.get<DaemonSet>(`${DS_PATH}/agent`))!.status!;
      expect(status.observedGeneration).toBe(2);
      expect(status.updatedNumberScheduled ?? 0).toBe(0);
    });
    expect(await podsByNode()).toEqual({ w1: ['agent:1'], w2: ['agent:1'] });

    const onW1 = (await daemonPods()).find((p) => targetNodeName(p) === 'w1')!;
    await cluster.client.request('DELETE', `/api/v1/namespaces/default/pods/${onW1.metadata!.name}`);
    await eventually(async () => expect(await podsByNode()).toEqual({ w1: ['agent:2'], w2: ['agent:1'] }));
    await eventually(async () => expect((await cluster.get<DaemonSet>(`${DS_PATH}/agent`))!.status).toMatchObject({ desiredNumberScheduled: 2, updatedNumberScheduled: 1 }));
  }, 30_000);

  it('deletes a failed daemon pod with a FailedDaemonPod event and creates a new one', async () => {
    await cluster.addNode('w1');
    await createDaemonSet();
    await startController();
    const [first] = await eventually(async () => {
      const items = await daemonPods();
      expect(items).toHaveLength(1);
      return items;
    });
    const name = first.metadata!.name!;
    await cluster.client.request('PATCH', `/api/v1/namespaces/default/pods/${name}/status`, { contentType: 'application/merge-patch+json', body: { status: { phase: 'Failed' } } });
    await eventually(async () => {
      const items = await daemonPods();
      expect(items).toHaveLength(1);
      expect(items[0].metadata!.name).not.toBe(name);
    });
    await eventually(async () => expect(await eventsSeen()).toContain(`FailedDaemonPod: Found failed daemon pod default/${name} on node w1, will try to kill it`));
  }, 30_000);
});

describe('nodeChanged', () => {
  const ready = (heartbeat: string, status = 'True'): NodeCondition => ({ type: 'Ready', status, lastHeartbeatTime: heartbeat });
  const withStatus = (conditions: NodeCondition[]): Node => ({ ...node('w1'), status: { conditions } });

  it('ignores heartbeats and resourceVersion bumps', () => {
    const a = withStatus([ready('2026-01-01T00:00:00Z')]);
    const b = { ...withStatus([ready('2026-01-01T00:00:10Z')]), metadata: { ...node('w1').metadata, resourceVersion: '99' } };
    expect(nodeChanged(a, b)).toBe(false);
  });

  it('notices conditions turning true or false, and any spec or label change', () => {
    const a = withStatus([ready('2026-01-01T00:00:00Z')]);
    expect(nodeChanged(a, withStatus([ready('2026-01-01T00:00:10Z', 'Unknown')]))).toBe(true);
    expect(nodeChanged(a, { ...a, spec: { taints: [{ key: 'k', effect: 'NoSchedule' }] } })).toBe(true);
    expect(nodeChanged(a, { ...a, metadata: { ...a.metadata, labels: { role: 'x' } } })).toBe(true);
  });
});
