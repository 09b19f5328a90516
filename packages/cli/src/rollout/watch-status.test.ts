import { FakeClock, type KObject } from '@mk/api';
import type { WatchEventJSON } from '@mk/client';
import { describe, expect, it } from 'vitest';
import { FakeApiClient, STANDARD_RESOURCES } from '../mutate/testing/fake-client';
import type { Target } from '../mutate/targets';
import { deploymentStatus } from './status-deployment';
import { watchRolloutStatus, type WatchStatusOptions } from './watch-status';

const COLLECTION = '/apis/apps/v1/namespaces/default/deployments';
const target: Target = { resource: STANDARD_RESOURCES.find((r) => r.kind === 'Deployment')!, namespace: 'default', name: 'web' };

function web(rv: number, status: Record<string, unknown>, generation = 1): KObject {
  return { apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'web', namespace: 'default', resourceVersion: String(rv), generation }, spec: { replicas: 3 }, status: { observedGeneration: 1, ...status } };
}

function setup(list: KObject[], events: WatchEventJSON[] = [], overrides: Partial<WatchStatusOptions> = {}) {
  const client = new FakeApiClient(STANDARD_RESOURCES);
  client.on('GET', COLLECTION, { kind: 'DeploymentList', metadata: { resourceVersion: '10' }, items: list });
  client.watchEvents.set(COLLECTION, events);
  const clock = new FakeClock();
  let out = '';
  const logs: string[] = [];
  const done = watchRolloutStatus({
    client,
    target,
    viewer: deploymentStatus,
    revision: 0,
    watch: true,
    timeoutMs: 0,
    clock,
    print: (t) => void (out += t),
    log: (m) => void logs.push(m),
    ...overrides,
  });
  return { client, clock, done, out: () => out, logs };
}

describe('watchRolloutStatus', () => {
  it('lists and watches the one object by name, printing each new status line once until done', async () => {
    const s = setup(
      [web(10, { replicas: 3, updatedReplicas: 1, availableReplicas: 1 })],
      [
        { type: 'MODIFIED', object: web(11, { replicas: 3, updatedReplicas: 1, availableReplicas: 2 }) },
        { type: 'MODIFIED', object: web(12, { replicas: 3, updatedReplicas: 3, availableReplicas: 2 }) },
        { type: 'MODIFIED', object: web(13, { replicas: 3, updatedReplicas: 3, availableReplicas: 3 }) },
        { type: 'MODIFIED', object: web(14, { replicas: 3, updatedReplicas: 3, availableReplicas: 3 }) },
      ],
    );
    await s.done;
    expect(s.out()).toBe(
      'Waiting for deployment "web" rollout to finish: 1 out of 3 new replicas have been updated...\n' +
        'Waiting for deployment "web" rollout to finish: 2 of 3 updated replicas are available...\n' +
        'deployment "web" successfully rolled out\n',
    );
    const [list, watch] = s.client.requests;
    expect(list).toMatchObject({ method: 'GET', path: COLLECTION, query: { fieldSelector: 'metadata.name=web' } });
    expect(watch).toMatchObject({ method: 'WATCH', path: COLLECTION, query: { fieldSelector: 'metadata.name=web', resourceVersion: '10' } });
  });

  it('stops after the first status with watch=false', async () => {
    const s = setup([web(10, { replicas: 4, updatedReplicas: 3, availableReplicas: 3 })], [], { watch: false });
    await s.done;
    expect(s.out()).toBe('Waiting for deployment "web" rollout to finish: 1 old replicas are pending termination...\n');
  });

  it('waits for the object to appear when the list is empty', async () => {
    const s = setup([], [{ type: 'ADDED', object: web(11, { replicas: 3, updatedReplicas: 3, availableReplicas: 3 }) }]);
    await s.done;
    expect(s.out()).toBe('deployment "web" successfully rolled out\n');
  });

  it("fails with the viewer's error", async () => {
    const stuck = web(10, { updatedReplicas: 1, conditions: [{ type: 'Progressing', status: 'False', reason: 'ProgressDeadlineExceeded' }] });
    const s = setup([stuck]);
    await expect(s.done).rejects.toThrow('deployment "web" exceeded its progress deadline');
    expect(s.out()).toBe('');
  });

  it('fails when the object is deleted', async () => {
    const s = setup([web(10, { updatedReplicas: 1 })], [{ type: 'DELETED', object: web(11, { updatedReplicas: 1 }) }]);
    await expect(s.done).rejects.toThrow('object has been deleted');
  });

  it('times out after --timeout with kubectl\'s message, and not before', async () => {
    const s = setup([web(10, { updatedReplicas: 1 })], [], { timeoutMs: 5000 });
    let settled = false;
    const result = s.done.then(
      () => 'resolved',
      (e: Error) => e.message,
    );
    void result.then(() => (settled = true));
    await new Promise((r) => setImmediate(r));
    expect(s.out()).toBe('Waiting for deployment "web" rollout to finish: 1 out of 3 new replicas have been updated...\n');
    await s.clock.advance(4999);
    expect(settled).toBe(false);
    await s.clock.advance(1);
    expect(await result).toBe('timed out waiting for the condition');
  });

  it('re-watches from the last resourceVersion when a stream ends', async () => {
    const s = setup([web(10, { updatedReplicas: 1 })], [{ type: 'MODIFIED', object: web(11, { updatedReplicas: 2 }) }]);
    // The second stream delivers nothing; the informer then backs off on the clock before watching again.
    await new Promise((r) => setImmediate(r));
    s.client.watchEvents.set(COLLECTION, [{ type: 'MODIFIED', object: web(12, { replicas: 3, updatedReplicas: 3, availableReplicas: 3 }) }]);
    await s.clock.advance(60_000);
    await s.done;
    const watches = s.client.requests.filter((r) => r.method === 'WATCH').map((r) => r.query.resourceVersion);
    expect(watches[0]).toBe('10');
    expect(watches.slice(1).every((rv) => rv === '11')).toBe(true);
    expect(s.out()).toContain('deployment "web" successfully rolled out\n');
  });
});
