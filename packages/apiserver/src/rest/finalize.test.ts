import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../testing/test-server';

let s: TestServer;
beforeEach(async () => {
  s = await startTestServer();
  await s.call('POST', '/api/v1/namespaces', { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'team' } });
});
afterEach(async () => s.close());

const get = async () => (await s.call('GET', '/api/v1/namespaces/team')).body;
const finalize = (body: unknown, query = '') => s.call('PUT', `/api/v1/namespaces/team/finalize${query}`, body);

describe('PUT /api/v1/namespaces/{name}/finalize', () => {
  it('replaces spec.finalizers, which a plain update may not change, and keeps the status', async () => {
    const ns = await get();
    const plain = await s.call('PUT', '/api/v1/namespaces/team', { ...ns, spec: { finalizers: [] } });
    expect(plain.body.spec.finalizers).toEqual(['kubernetes']);

    const r = await finalize({ ...ns, spec: { finalizers: ['example.com/keep'] }, status: { phase: 'Terminating' } });
    expect(r.code).toBe(200);
    expect(r.body).toMatchObject({ kind: 'Namespace', spec: { finalizers: ['example.com/keep'] }, status: { phase: 'Active' } });
    expect((await get()).spec.finalizers).toEqual(['example.com/keep']);
  });

  it('completes the deletion of a terminating namespace once no finalizer is left', async () => {
    await s.call('DELETE', '/api/v1/namespaces/team');
    const ns = await get();
    expect(ns.status.phase).toBe('Terminating');
    const r = await finalize({ ...ns, spec: { finalizers: [] } });
    expect(r.code).toBe(200);
    expect(r.body.metadata.name).toBe('team');
    expect((await s.call('GET', '/api/v1/namespaces/team')).code).toBe(404);
  });

  it('keeps a terminating namespace whose metadata still has finalizers', async () => {
    const ns = await get();
    await s.call('PUT', '/api/v1/namespaces/team', { ...ns, metadata: { ...ns.metadata, finalizers: ['example.com/hold'] } });
    await s.call('DELETE', '/api/v1/namespaces/team');
    const terminating = await get();
    const r = await finalize({ ...terminating, spec: { finalizers: [] } });
    expect(r.code).toBe(200);
    expect(await get()).toMatchObject({ spec: {}, metadata: { finalizers: ['example.com/hold'] } });
    // Dropping the last metadata finalizer then completes it (the ordinary update path).
    const held = await get();
    await s.call('PUT', '/api/v1/namespaces/team', { ...held, metadata: { ...held.metadata, finalizers: [] } });
    expect((await s.call('GET', '/api/v1/namespaces/team')).code).toBe(404);
  });

  it('checks resourceVersion and uid preconditions, names and finalizer names', async () => {
    const ns = await get();
    expect((await finalize({ ...ns, metadata: { ...ns.metadata, resourceVersion: '1' }, spec: { finalizers: [] } })).code).toBe(409);
    const uid = await finalize({ ...ns, metadata: { ...ns.metadata, resourceVersion: undefined, uid: 'other' }, spec: { finalizers: [] } });
    expect(uid.code).toBe(409);
    expect(uid.body.message).toContain('Precondition failed: UID in precondition: other');
    const name = await finalize({ ...ns, metadata: { name: 'other' } });
    expect(name.code).toBe(400);
    expect(name.body.message).toBe('the name of the object (other) does not match the name on the URL (team)');
    const bad = await finalize({ ...ns, spec: { finalizers: ['custom'] } });
    expect(bad.code).toBe(422);
    expect((await get()).spec.finalizers).toEqual(['kubernetes']);
  });

  it('does nothing on a dry run and serves no other verb', async () => {
    await s.call('DELETE', '/api/v1/namespaces/team');
    const ns = await get();
    expect((await finalize({ ...ns, spec: { finalizers: [] } }, '?dryRun=All')).code).toBe(200);
    expect((await get()).spec.finalizers).toEqual(['kubernetes']);
    const g = await s.call('GET', '/api/v1/namespaces/team/finalize');
    expect(g.code).toBe(405);
    expect((await s.call('PUT', '/api/v1/namespaces/default/pods/x/finalize', {})).code).toBe(404);
  });
});
