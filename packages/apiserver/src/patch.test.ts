import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startTestServer, deployment, type TestServer } from './testing/test-server';

let s: TestServer;
beforeEach(async () => {
  s = await startTestServer();
  await s.call('POST', '/apis/apps/v1/namespaces/default/deployments', deployment('web'));
});
afterEach(async () => s.close());

const url = '/apis/apps/v1/namespaces/default/deployments/web';
const patch = (type: string, body: unknown, q = '') => s.call('PATCH', url + q, typeof body === 'string' ? body : JSON.stringify(body), { 'content-type': `application/${type}` });

describe('patch', () => {
  it('applies a JSON merge patch', async () => {
    const r = await patch('merge-patch+json', { metadata: { labels: { tier: 'web' } } });
    expect(r.code).toBe(200);
    expect(r.body.metadata.labels).toEqual({ tier: 'web' });
    expect(r.body.metadata.generation).toBe(1);
  });

  it('applies a JSON patch', async () => {
    const r = await patch('json-patch+json', [{ op: 'replace', path: '/spec/replicas', value: 4 }]);
    expect(r.body.spec.replicas).toBe(4);
    expect(r.body.metadata.generation).toBe(2);
  });

  it('applies kubectl set image as a strategic merge patch keyed by container name', async () => {
    const r = await patch('strategic-merge-patch+json', { spec: { template: { spec: { $setElementOrder: undefined, containers: [{ name: 'nginx', image: 'nginx:1.28' }] } } } });
    expect(r.code).toBe(200);
    expect(r.body.spec.template.spec.containers).toHaveLength(1);
    expect(r.body.spec.template.spec.containers[0]).toMatchObject({ name: 'nginx', image: 'nginx:1.28', imagePullPolicy: 'IfNotPresent' });
  });

  it('treats a uid in the body as a precondition, as controllers adopting objects rely on', async () => {
    const current = await s.call('GET', url);
    const ok = await patch('strategic-merge-patch+json', { metadata: { uid: current.body.metadata.uid, labels: { adopted: 'yes' } } });
    expect(ok.code).toBe(200);
    const stale = await patch('strategic-merge-patch+json', { metadata: { uid: 'not-this-one', labels: { adopted: 'no' } } });
    expect(stale.code).toBe(409);
    expect(stale.body.message).toBe(`Operation cannot be fulfilled on deployments.apps "web": Precondition failed: UID in precondition: not-this-one, UID in object meta: ${current.body.metadata.uid}`);
    expect((await s.call('GET', url)).body.metadata.labels).toEqual({ adopted: 'yes' });
  });

  it('rejects unknown patch content types with 415', async () => {
    const r = await patch('xml', '<x/>');
    expect(r.code).toBe(415);
    expect(r.body.reason).toBe('UnsupportedMediaType');
  });

  it('honours dryRun on patch', async () => {
    const r = await patch('merge-patch+json', { spec: { replicas: 9 } }, '?dryRun=All');
    expect(r.body.spec.replicas).toBe(9);
    expect((await s.call('GET', url)).body.spec.replicas).toBe(2);
  });

  it('creates and then merges with server-side apply', async () => {
    const cm = { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'ssa' }, data: { a: '1' } };
    const c = await s.call('PATCH', '/api/v1/namespaces/default/configmaps/ssa?fieldManager=kubectl', JSON.stringify(cm), { 'content-type': 'application/apply-patch+yaml' });
    expect(c.code).toBe(201);
    const m = await s.call('PATCH', '/api/v1/namespaces/default/configmaps/ssa?fieldManager=kubectl', JSON.stringify({ ...cm, data: { a: '2', b: '3' } }), { 'content-type': 'application/apply-patch+yaml' });
    expect(m.code).toBe(200);
    expect(m.body.data).toEqual({ a: '2', b: '3' });
  });

  it('serves the scale subresource as autoscaling/v1 Scale', async () => {
    const g = await s.call('GET', `${url}/scale`);
    expect(g.body).toMatchObject({ kind: 'Scale', apiVersion: 'autoscaling/v1', spec: { replicas: 2 }, status: { selector: 'app=web' } });
    const p = await s.call('PATCH', `${url}/scale`, JSON.stringify({ spec: { replicas: 3 } }), { 'content-type': 'application/merge-patch+json' });
    expect(p.body.spec.replicas).toBe(3);
    expect((await s.call('GET', url)).body.spec.replicas).toBe(3);
  });
});
