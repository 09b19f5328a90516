import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startTestServer, pod, type TestServer } from './testing/test-server';

let s: TestServer;
beforeEach(async () => {
  s = await startTestServer();
});
afterEach(async () => s.close());

const merge = { 'content-type': 'application/merge-patch+json' };

async function runningPod(name: string) {
  await s.call('POST', '/api/v1/namespaces/default/pods', pod(name));
  await s.call('POST', `/api/v1/namespaces/default/pods/${name}/binding`, { apiVersion: 'v1', kind: 'Binding', metadata: { name }, target: { kind: 'Node', name: 'n1' } });
  await s.call('PATCH', `/api/v1/namespaces/default/pods/${name}/status`, JSON.stringify({ status: { phase: 'Running', conditions: [{ type: 'Ready', status: 'True' }] } }), merge);
}

async function budget(disruptionsAllowed: number) {
  const c = await s.call('POST', '/apis/policy/v1/namespaces/default/poddisruptionbudgets', {
    apiVersion: 'policy/v1', kind: 'PodDisruptionBudget', metadata: { name: 'web-pdb' }, spec: { minAvailable: 1, selector: { matchLabels: { app: 'web' } } },
  });
  const st = await s.call('PUT', '/apis/policy/v1/namespaces/default/poddisruptionbudgets/web-pdb/status', {
    ...c.body, status: { observedGeneration: 1, disruptionsAllowed, currentHealthy: 1 + disruptionsAllowed, desiredHealthy: 1, expectedPods: 1 + disruptionsAllowed },
  });
  expect(st.code).toBe(200);
}

const evict = (name: string) => s.call('POST', `/api/v1/namespaces/default/pods/${name}/eviction`, { apiVersion: 'policy/v1', kind: 'Eviction', metadata: { name, namespace: 'default' } });

describe('binding', () => {
  it('binds once, marks the pod scheduled, and refuses a second binding', async () => {
    await s.call('POST', '/api/v1/namespaces/default/pods', pod('b'));
    const ok = await s.call('POST', '/api/v1/namespaces/default/pods/b/binding', { apiVersion: 'v1', kind: 'Binding', metadata: { name: 'b' }, target: { kind: 'Node', name: 'n1' } });
    expect(ok.code).toBe(201);
    const got = await s.call('GET', '/api/v1/namespaces/default/pods/b');
    expect(got.body.spec.nodeName).toBe('n1');
    expect(got.body.status.conditions).toEqual([expect.objectContaining({ type: 'PodScheduled', status: 'True' })]);
    const again = await s.call('POST', '/api/v1/namespaces/default/pods/b/binding', { apiVersion: 'v1', kind: 'Binding', metadata: { name: 'b' }, target: { kind: 'Node', name: 'n2' } });
    expect(again.code).toBe(409);
    expect(again.body.message).toBe('Operation cannot be fulfilled on pods "b": pod b is already assigned to node "n1"');
  });
});

describe('node-served subresources', () => {
  it('says why logs are unavailable, unbound or on a simulated node', async () => {
    await s.call('POST', '/api/v1/namespaces/default/pods', pod('l'));
    const unbound = await s.call('GET', '/api/v1/namespaces/default/pods/l/log');
    expect(unbound.code).toBe(400);
    expect(unbound.body.message).toBe('pod l does not have a host assigned');
    await s.call('POST', '/api/v1/namespaces/default/pods/l/binding', { apiVersion: 'v1', kind: 'Binding', metadata: { name: 'l' }, target: { kind: 'Node', name: 'n1' } });
    const bound = await s.call('GET', '/api/v1/namespaces/default/pods/l/log');
    expect(bound.body.message).toContain('its node "n1" runs the simulated runtime');
  });
});

describe('eviction', () => {
  it('deletes a pod without a budget', async () => {
    await runningPod('a');
    const r = await evict('a');
    expect(r.code).toBe(201);
    expect(r.body).toMatchObject({ kind: 'Status', status: 'Success' });
    const got = await s.call('GET', '/api/v1/namespaces/default/pods/a');
    expect(got.body.metadata.deletionTimestamp).toBeDefined();
  });

  it('refuses with 429 when the budget allows no disruption', async () => {
    await runningPod('a');
    await budget(0);
    const r = await evict('a');
    expect(r.code).toBe(429);
    expect(r.body).toMatchObject({ reason: 'TooManyRequests', message: "Cannot evict pod as it would violate the pod's disruption budget." });
    expect(r.body.details.causes[0]).toEqual({ reason: 'DisruptionBudget', message: 'The disruption budget web-pdb needs 1 healthy pods and has 1 currently' });
  });

  it('spends one allowed disruption', async () => {
    await runningPod('a');
    await budget(1);
    expect((await evict('a')).code).toBe(201);
    const pdb = await s.call('GET', '/apis/policy/v1/namespaces/default/poddisruptionbudgets/web-pdb');
    expect(pdb.body.status.disruptionsAllowed).toBe(0);
    expect(Object.keys(pdb.body.status.disruptedPods)).toEqual(['a']);
  });

  it('lets a pending pod go whatever the budget', async () => {
    await s.call('POST', '/api/v1/namespaces/default/pods', pod('p'));
    await budget(0);
    expect((await evict('p')).code).toBe(201);
    expect((await s.call('GET', '/api/v1/namespaces/default/pods/p')).code).toBe(404);
  });
});
