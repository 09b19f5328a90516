import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startTestServer, pod, deployment, type TestServer } from './testing/test-server';

let s: TestServer;
beforeEach(async () => {
  s = await startTestServer();
});
afterEach(async () => s.close());

describe('create and get', () => {
  it('creates a pod with server-set metadata and defaults', async () => {
    const r = await s.call('POST', '/api/v1/namespaces/default/pods', pod('web-1'));
    expect(r.code).toBe(201);
    expect(r.body.kind).toBe('Pod');
    expect(r.body.metadata.uid).toMatch(/^[0-9a-f-]{36}$/);
    expect(r.body.metadata.creationTimestamp).toBe('2026-01-01T00:00:00Z');
    expect(r.body.metadata.namespace).toBe('default');
    expect(Number(r.body.metadata.resourceVersion)).toBeGreaterThan(0);
    expect(r.body.spec.restartPolicy).toBe('Always');
    expect(r.body.status.phase).toBe('Pending');
    const g = await s.call('GET', '/api/v1/namespaces/default/pods/web-1');
    expect(g.code).toBe(200);
    expect(g.body.metadata.resourceVersion).toBe(r.body.metadata.resourceVersion);
  });

  it('answers 404 with a NotFound Status in upstream wording', async () => {
    const r = await s.call('GET', '/api/v1/namespaces/default/pods/nope');
    expect(r.code).toBe(404);
    expect(r.body).toMatchObject({ kind: 'Status', apiVersion: 'v1', status: 'Failure', reason: 'NotFound', message: 'pods "nope" not found', details: { name: 'nope', kind: 'pods' }, code: 404 });
    const d = await s.call('GET', '/apis/apps/v1/namespaces/default/deployments/nope');
    expect(d.body.message).toBe('deployments.apps "nope" not found');
    expect(d.body.details).toEqual({ name: 'nope', group: 'apps', kind: 'deployments' });
  });

  it('answers 409 AlreadyExists on a second create', async () => {
    await s.call('POST', '/api/v1/namespaces/default/pods', pod('web-2'));
    const r = await s.call('POST', '/api/v1/namespaces/default/pods', pod('web-2'));
    expect(r.code).toBe(409);
    expect(r.body).toMatchObject({ reason: 'AlreadyExists', message: 'pods "web-2" already exists' });
  });

  it('answers 422 Invalid with field causes', async () => {
    const bad = pod('web-3');
    delete (bad.spec.containers[0] as { image?: string }).image;
    const r = await s.call('POST', '/api/v1/namespaces/default/pods', bad);
    expect(r.code).toBe(422);
    expect(r.body.reason).toBe('Invalid');
    expect(r.body.message).toBe('Pod "web-3" is invalid: spec.containers[0].image: Required value');
    expect(r.body.details).toMatchObject({ name: 'web-3', kind: 'Pod', causes: [{ reason: 'FieldValueRequired', field: 'spec.containers[0].image' }] });
  });

  it('rejects content in a missing namespace', async () => {
    const r = await s.call('POST', '/api/v1/namespaces/nowhere/pods', pod('x'));
    expect(r.code).toBe(404);
    expect(r.body.message).toBe('namespaces "nowhere" not found');
  });

  it('generates names from generateName', async () => {
    const r = await s.call('POST', '/api/v1/namespaces/default/pods', { ...pod(''), metadata: { generateName: 'web-' } });
    expect(r.code).toBe(201);
    expect(r.body.metadata.name).toMatch(/^web-[bcdfghjklmnpqrstvwxz2456789]{5}$/);
  });

  it('does not persist with dryRun=All', async () => {
    const r = await s.call('POST', '/api/v1/namespaces/default/pods?dryRun=All', pod('dry'));
    expect(r.code).toBe(201);
    expect((await s.call('GET', '/api/v1/namespaces/default/pods/dry')).code).toBe(404);
  });
});

describe('update', () => {
  it('bumps generation on spec changes only and keeps status on the main resource', async () => {
    const c = await s.call('POST', '/apis/apps/v1/namespaces/default/deployments', deployment('web'));
    expect(c.body.metadata.generation).toBe(1);
    const withStatus = { ...c.body, status: { replicas: 2 } };
    const st = await s.call('PUT', '/apis/apps/v1/namespaces/default/deployments/web/status', withStatus);
    expect(st.code).toBe(200);
    expect(st.body.status.replicas).toBe(2);
    expect(st.body.metadata.generation).toBe(1);
    const labelled = { ...st.body, metadata: { ...st.body.metadata, labels: { a: 'b' } }, status: { replicas: 99 } };
    const u1 = await s.call('PUT', '/apis/apps/v1/namespaces/default/deployments/web', labelled);
    expect(u1.body.metadata.generation).toBe(1);
    expect(u1.body.status.replicas).toBe(2);
    const scaled = { ...u1.body, spec: { ...u1.body.spec, replicas: 5 } };
    const u2 = await s.call('PUT', '/apis/apps/v1/namespaces/default/deployments/web', scaled);
    expect(u2.body.metadata.generation).toBe(2);
  });

  it('answers 409 Conflict on a stale resourceVersion', async () => {
    const c = await s.call('POST', '/api/v1/namespaces/default/pods', pod('web'));
    await s.call('PUT', '/api/v1/namespaces/default/pods/web', { ...c.body, metadata: { ...c.body.metadata, labels: { v: '2' } } });
    const r = await s.call('PUT', '/api/v1/namespaces/default/pods/web', { ...c.body, metadata: { ...c.body.metadata, labels: { v: '3' } } });
    expect(r.code).toBe(409);
    expect(r.body.message).toBe('Operation cannot be fulfilled on pods "web": the object has been modified; please apply your changes to the latest version and try again');
  });

  it('keeps the resourceVersion when nothing changed', async () => {
    const c = await s.call('POST', '/api/v1/namespaces/default/configmaps', { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'cm' }, data: { a: '1' } });
    const u = await s.call('PUT', '/api/v1/namespaces/default/configmaps/cm', c.body);
    expect(u.body.metadata.resourceVersion).toBe(c.body.metadata.resourceVersion);
  });

  it('rejects a name that differs from the URL', async () => {
    await s.call('POST', '/api/v1/namespaces/default/pods', pod('a'));
    const r = await s.call('PUT', '/api/v1/namespaces/default/pods/a', pod('b'));
    expect(r.code).toBe(400);
    expect(r.body.message).toBe('the name of the object (b) does not match the name on the URL (a)');
  });
});

describe('delete', () => {
  it('deletes immediately without finalizers', async () => {
    await s.call('POST', '/api/v1/namespaces/default/pods', pod('gone'));
    const d = await s.call('DELETE', '/api/v1/namespaces/default/pods/gone', { propagationPolicy: 'Background' });
    expect(d.code).toBe(200);
    expect(d.body.metadata.name).toBe('gone');
    expect((await s.call('GET', '/api/v1/namespaces/default/pods/gone')).code).toBe(404);
  });

  it('holds an object with finalizers until they are removed', async () => {
    const c = await s.call('POST', '/api/v1/namespaces/default/configmaps', { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'held', finalizers: ['example.com/hold'] } });
    const d = await s.call('DELETE', '/api/v1/namespaces/default/configmaps/held');
    expect(d.code).toBe(202);
    expect(d.body.metadata.deletionTimestamp).toBe('2026-01-01T00:00:00Z');
    const g = await s.call('GET', '/api/v1/namespaces/default/configmaps/held');
    expect(g.code).toBe(200);
    const p = await s.call('PATCH', '/api/v1/namespaces/default/configmaps/held', { metadata: { finalizers: null } }, { 'content-type': 'application/merge-patch+json' });
    expect(p.code).toBe(200);
    expect((await s.call('GET', '/api/v1/namespaces/default/configmaps/held')).code).toBe(404);
    expect(c.code).toBe(201);
  });

  it('honours dryRun in the DeleteOptions body', async () => {
    await s.call('POST', '/api/v1/namespaces/default/pods', pod('kept'));
    const d = await s.call('DELETE', '/api/v1/namespaces/default/pods/kept', { dryRun: ['All'] });
    expect(d.code).toBe(200);
    expect((await s.call('GET', '/api/v1/namespaces/default/pods/kept')).code).toBe(200);
  });

  it('keeps a pod in its grace period through status writes', async () => {
    await s.call('POST', '/api/v1/namespaces/default/pods', pod('graceful'));
    await s.call('POST', '/api/v1/namespaces/default/pods/graceful/binding', { apiVersion: 'v1', kind: 'Binding', metadata: { name: 'graceful' }, target: { kind: 'Node', name: 'n1' } });
    const d = await s.call('DELETE', '/api/v1/namespaces/default/pods/graceful');
    expect(d.code).toBe(202);
    expect(d.body.metadata.deletionGracePeriodSeconds).toBe(30);
    const st = await s.call('PATCH', '/api/v1/namespaces/default/pods/graceful/status', JSON.stringify({ status: { phase: 'Running' } }), { 'content-type': 'application/merge-patch+json' });
    expect(st.code).toBe(200);
    expect((await s.call('GET', '/api/v1/namespaces/default/pods/graceful')).body.metadata.deletionTimestamp).toBe('2026-01-01T00:00:30Z');
    const gone = await s.call('DELETE', '/api/v1/namespaces/default/pods/graceful', { gracePeriodSeconds: 0 });
    expect(gone.code).toBe(200);
    expect((await s.call('GET', '/api/v1/namespaces/default/pods/graceful')).code).toBe(404);
  });

  it('checks preconditions', async () => {
    await s.call('POST', '/api/v1/namespaces/default/pods', pod('pre'));
    const d = await s.call('DELETE', '/api/v1/namespaces/default/pods/pre', { preconditions: { uid: 'other' } });
    expect(d.code).toBe(409);
    expect(d.body.message).toContain('Precondition failed: UID in precondition: other');
  });

  it('deletes a collection by label', async () => {
    await s.call('POST', '/api/v1/namespaces/default/pods', pod('a'));
    await s.call('POST', '/api/v1/namespaces/default/pods', { ...pod('b'), metadata: { name: 'b', labels: { app: 'other' } } });
    const r = await s.call('DELETE', '/api/v1/namespaces/default/pods?labelSelector=app%3Dweb');
    expect(r.code).toBe(200);
    const l = await s.call('GET', '/api/v1/namespaces/default/pods');
    expect(l.body.items.map((p: any) => p.metadata.name)).toEqual(['b']);
  });

  it('deletes a namespace without finalizers at once', async () => {
    const ns = await s.call('POST', '/api/v1/namespaces', { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'bare' } });
    expect(ns.body.spec.finalizers).toEqual(['kubernetes']);
    // Only finalize can take the `kubernetes` finalizer away.
    expect((await s.call('PUT', '/api/v1/namespaces/bare/finalize', { ...ns.body, spec: { finalizers: [] } })).body.spec).toEqual({});
    const d = await s.call('DELETE', '/api/v1/namespaces/bare');
    expect(d.code).toBe(200);
    expect((await s.call('GET', '/api/v1/namespaces/bare')).code).toBe(404);
  });

  it('refuses to delete system namespaces and leaves others Terminating for the namespace controller', async () => {
    const d = await s.call('DELETE', '/api/v1/namespaces/default');
    expect(d.code).toBe(403);
    expect(d.body.message).toBe('namespaces "default" is forbidden: this namespace may not be deleted');
    await s.call('POST', '/api/v1/namespaces', { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'tmp' } });
    await s.call('POST', '/api/v1/namespaces/tmp/configmaps', { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'x' } });
    const t = await s.call('DELETE', '/api/v1/namespaces/tmp');
    expect(t.code).toBe(200);
    expect(t.body.status.phase).toBe('Terminating');
    // Emptying the namespace is the namespace controller's job: the API server only marks it and keeps its content.
    const ns = await s.call('GET', '/api/v1/namespaces/tmp');
    expect(ns.body).toMatchObject({ metadata: { deletionTimestamp: '2026-01-01T00:00:00Z' }, spec: { finalizers: ['kubernetes'] }, status: { phase: 'Terminating' } });
    expect((await s.call('GET', '/api/v1/namespaces/tmp/configmaps/x')).code).toBe(200);
    const refused = await s.call('POST', '/api/v1/namespaces/tmp/configmaps', { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'y' } });
    expect(refused.code).toBe(403);
    const why = 'unable to create new content in namespace tmp because it is being terminated';
    expect(refused.body.message).toBe(`configmaps "y" is forbidden: ${why}`);
    // The cause lets controllers tell this refusal from others, as upstream's NamespaceLifecycle sets it.
    expect(refused.body.details.causes).toEqual([{ reason: 'NamespaceTerminating', message: why, field: 'metadata.namespace' }]);
    // What the controller does once the content is gone: finalize, which completes the deletion.
    await s.call('DELETE', '/api/v1/namespaces/tmp/configmaps/x');
    const f = await s.call('PUT', '/api/v1/namespaces/tmp/finalize', { ...ns.body, spec: { finalizers: [] } });
    expect(f.code).toBe(200);
    expect((await s.call('GET', '/api/v1/namespaces/tmp')).code).toBe(404);
  });
});

describe('list', () => {
  it('filters by label and field selectors and pages with limit/continue', async () => {
    for (const n of ['a', 'b', 'c', 'd']) await s.call('POST', '/api/v1/namespaces/default/pods', { ...pod(n), metadata: { name: n, labels: { app: n === 'd' ? 'db' : 'web' } } });
    const sel = await s.call('GET', '/api/v1/namespaces/default/pods?labelSelector=app%20in%20(web)');
    expect(sel.body.items.map((p: any) => p.metadata.name)).toEqual(['a', 'b', 'c']);
    expect(sel.body.kind).toBe('PodList');
    expect(sel.body.items[0].kind).toBeUndefined();
    const f = await s.call('GET', '/api/v1/namespaces/default/pods?fieldSelector=metadata.name%3Db');
    expect(f.body.items.map((p: any) => p.metadata.name)).toEqual(['b']);
    const p1 = await s.call('GET', '/api/v1/namespaces/default/pods?limit=3');
    expect(p1.body.items).toHaveLength(3);
    expect(p1.body.metadata.continue).toBeTruthy();
    const p2 = await s.call('GET', `/api/v1/namespaces/default/pods?limit=3&continue=${p1.body.metadata.continue}`);
    expect(p2.body.items.map((p: any) => p.metadata.name)).toEqual(['d']);
    expect(p2.body.metadata.continue).toBeUndefined();
    const bad = await s.call('GET', '/api/v1/namespaces/default/pods?fieldSelector=spec.foo%3Db');
    expect(bad.code).toBe(400);
    expect(bad.body.message).toBe('field label not supported: spec.foo');
  });

  it('lists across namespaces', async () => {
    await s.call('POST', '/api/v1/namespaces/kube-system/pods', pod('sys'));
    await s.call('POST', '/api/v1/namespaces/default/pods', pod('usr'));
    const r = await s.call('GET', '/api/v1/pods');
    expect(r.body.items.map((p: any) => `${p.metadata.namespace}/${p.metadata.name}`).sort()).toEqual(['default/usr', 'kube-system/sys']);
  });

  it('serves Tables with kubectl columns when asked', async () => {
    await s.call('POST', '/api/v1/namespaces/default/pods', pod('web'));
    const r = await s.call('GET', '/api/v1/namespaces/default/pods', undefined, { accept: 'application/json;as=Table;v=v1;g=meta.k8s.io,application/json' });
    expect(r.body.kind).toBe('Table');
    expect(r.body.columnDefinitions.map((c: any) => c.name).slice(0, 5)).toEqual(['Name', 'Ready', 'Status', 'Restarts', 'Age']);
    expect(r.body.columnDefinitions[0].format).toBe('name');
    expect(r.body.rows[0].cells.slice(0, 4)).toEqual(['web', '0/1', 'Pending', '0']);
    expect(r.body.rows[0].object.kind).toBe('PartialObjectMetadata');
    const one = await s.call('GET', '/api/v1/namespaces/default/pods/web?includeObject=Object', undefined, { accept: 'application/json;as=Table;v=v1;g=meta.k8s.io' });
    expect(one.body.rows).toHaveLength(1);
    expect(one.body.rows[0].object.kind).toBe('Pod');
  });
});
