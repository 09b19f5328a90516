import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from './testing/test-server';

let s: TestServer;
beforeEach(async () => {
  s = await startTestServer({ token: 'secret' });
});
afterEach(async () => s.close());

const auth = { authorization: 'Bearer secret' };

describe('protocol', () => {
  it('serves version and health without a token, everything else with one', async () => {
    expect((await s.call('GET', '/version')).body.minor).toBe('32');
    expect((await s.call('GET', '/readyz')).body).toBe('ok');
    const r = await s.call('GET', '/api/v1/namespaces');
    expect(r.code).toBe(401);
    expect(r.body).toMatchObject({ kind: 'Status', reason: 'Unauthorized' });
    expect((await s.call('GET', '/api/v1/namespaces', undefined, auth)).code).toBe(200);
  });

  it('answers unknown paths with a NotFound Status', async () => {
    const r = await s.call('GET', '/apis/nope/v1/things', undefined, auth);
    expect(r.code).toBe(404);
    expect(r.body).toMatchObject({ kind: 'Status', reason: 'NotFound', message: 'the server could not find the requested resource' });
  });

  it('refuses protobuf bodies with a clear 415', async () => {
    const r = await s.call('POST', '/api/v1/namespaces/default/configmaps', 'k8s\u0000xx', { ...auth, 'content-type': 'application/vnd.kubernetes.protobuf' });
    expect(r.code).toBe(415);
    expect(r.body.reason).toBe('UnsupportedMediaType');
    expect(r.body.message).toContain('--dry-run=client -o yaml | kubectl apply -f -');
  });

  it('reads a body without a media type as JSON, and refuses other unknown types', async () => {
    const body = JSON.stringify({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'untyped' }, data: { a: 'b' } });
    const untyped = await s.call('POST', '/api/v1/namespaces/default/configmaps', body, { ...auth, 'content-type': '' });
    expect(untyped.code).toBe(201);
    expect(untyped.body.data).toEqual({ a: 'b' });
    const xml = await s.call('POST', '/api/v1/namespaces/default/configmaps', '<x/>', { ...auth, 'content-type': 'text/xml' });
    expect(xml.code).toBe(415);
    expect(xml.body.reason).toBe('UnsupportedMediaType');
  });

  it('refuses bodies over 3 MiB with 413', async () => {
    const big = { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'big' }, data: { x: 'a'.repeat(3 * 1024 * 1024 + 10) } };
    const r = await s.call('POST', '/api/v1/namespaces/default/configmaps', big, auth);
    expect(r.code).toBe(413);
    expect(r.body.kind).toBe('Status');
  });

  it('rejects malformed JSON with a BadRequest Status', async () => {
    const r = await s.call('POST', '/api/v1/namespaces/default/configmaps', '{"kind":', { ...auth, 'content-type': 'application/json' });
    expect(r.code).toBe(400);
    expect(r.body.kind).toBe('Status');
  });

  it('rejects unknown fields under fieldValidation=Strict and warns by default', async () => {
    const cm = { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'cm' }, dataa: { a: '1' } };
    const strict = await s.call('POST', '/api/v1/namespaces/default/configmaps?fieldValidation=Strict', cm, auth);
    expect(strict.code).toBe(400);
    expect(strict.body.message).toBe('ConfigMap in version "v1" cannot be handled as a ConfigMap: strict decoding error: unknown field "dataa"');
    const warn = await s.call('POST', '/api/v1/namespaces/default/configmaps', cm, auth);
    expect(warn.code).toBe(201);
    expect(String(warn.headers.warning)).toContain('unknown field \\"dataa\\"');
  });

  it('serves aggregated discovery with the exact content type', async () => {
    const accept = 'application/json;g=apidiscovery.k8s.io;v=v2;as=APIGroupDiscoveryList,application/json';
    const core = await s.call('GET', '/api', undefined, { ...auth, accept });
    expect(core.headers['content-type']).toBe('application/json;g=apidiscovery.k8s.io;v=v2;as=APIGroupDiscoveryList');
    const pods = core.body.items[0].versions[0].resources.find((r: any) => r.resource === 'pods');
    expect(pods).toMatchObject({ singularResource: 'pod', scope: 'Namespaced', shortNames: ['po'], categories: ['all'] });
    const apps = await s.call('GET', '/apis', undefined, { ...auth, accept });
    const deploy = apps.body.items.find((g: any) => g.metadata.name === 'apps').versions[0].resources.find((r: any) => r.resource === 'deployments');
    expect(deploy.subresources.find((x: any) => x.subresource === 'scale').responseKind).toEqual({ group: 'autoscaling', version: 'v1', kind: 'Scale' });
    const legacy = await s.call('GET', '/api/v1', undefined, auth);
    expect(legacy.body.resources.find((r: any) => r.name === 'pods').shortNames).toEqual(['po']);
  });

  it('serves OpenAPI v3 with fieldValidation on PATCH operations', async () => {
    const root = await s.call('GET', '/openapi/v3', undefined, auth);
    expect(Object.keys(root.body.paths)).toEqual(expect.arrayContaining(['api/v1', 'apis/apps/v1', 'apis/batch/v1']));
    const doc = await s.call('GET', root.body.paths['apis/apps/v1'].serverRelativeURL, undefined, auth);
    const item = doc.body.paths['/apis/apps/v1/namespaces/{namespace}/deployments/{name}'];
    expect(item.patch['x-kubernetes-group-version-kind']).toEqual({ group: 'apps', version: 'v1', kind: 'Deployment' });
    expect(item.patch.parameters.some((p: any) => p.name === 'fieldValidation')).toBe(true);
    expect(item.patch.requestBody).toBeUndefined();
  });

  it('serves a minimal protobuf /openapi/v2 so kubectl can fall back for removed group versions', async () => {
    const res = await s.app.inject({ method: 'GET', url: '/openapi/v2', headers: auth });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/com.github.proto-openapi.spec.v2.v1.0+protobuf');
    expect(res.rawPayload.subarray(0, 5)).toEqual(Buffer.from([0x0a, 0x03, 0x32, 0x2e, 0x30]));
  });

  it('allocates cluster IPs and node ports for Services', async () => {
    const svc = (name: string, nodePort?: number) => ({ apiVersion: 'v1', kind: 'Service', metadata: { name }, spec: { type: 'NodePort', selector: { app: name }, ports: [{ port: 80, ...(nodePort ? { nodePort } : {}) }] } });
    const a = await s.call('POST', '/api/v1/namespaces/default/services', svc('a', 30080), auth);
    expect(a.code).toBe(201);
    expect(a.body.spec.clusterIP).toMatch(/^10\.96\./);
    expect(a.body.spec.ports[0]).toMatchObject({ port: 80, targetPort: 80, nodePort: 30080, protocol: 'TCP' });
    const b = await s.call('POST', '/api/v1/namespaces/default/services', svc('b', 30080), auth);
    expect(b.code).toBe(422);
    expect(b.body.message).toBe('Service "b" is invalid: spec.ports[0].nodePort: Invalid value: 30080: provided port is already allocated');
    const k = await s.call('GET', '/api/v1/namespaces/default/services/kubernetes', undefined, auth);
    expect(k.body.spec.clusterIP).toBe('10.96.0.1');
  });
});
