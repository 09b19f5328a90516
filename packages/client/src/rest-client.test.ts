import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { createServer as createTlsServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { ApiError, isApiError } from './api-error';
import { AGGREGATED_DISCOVERY_ACCEPT } from './discovery';
import { createClient } from './rest-client';
import { isTransportError } from './transport-error';
import { TEST_CA_PEM, TEST_SERVER_CERT_PEM, TEST_SERVER_KEY_PEM } from './testdata/tls';
import type { WatchEventJSON } from './types';

type Handler = (req: IncomingMessage, body: string, res: ServerResponse) => void;

let server: Server | undefined;

/** Starts a throwaway HTTP server on 127.0.0.1 and returns its base URL. */
async function serve(handler: Handler): Promise<string> {
  server = createServer((req, res) => {
    let body = '';
    req.on('data', (c) => (body += c));
    req.on('end', () => handler(req, body, res));
  });
  await new Promise<void>((r) => server!.listen(0, '127.0.0.1', r));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

/** Like serve, over TLS with the test CA's serving certificate. */
async function serveTls(handler: Handler): Promise<string> {
  server = createTlsServer({ key: TEST_SERVER_KEY_PEM, cert: TEST_SERVER_CERT_PEM }, (req, res) => {
    let body = '';
    req.on('data', (c) => (body += c));
    req.on('end', () => handler(req, body, res));
  });
  await new Promise<void>((r) => server!.listen(0, '127.0.0.1', r));
  return `https://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

afterEach(async () => {
  server?.closeAllConnections();
  await new Promise((r) => server?.close(r) ?? r(undefined));
  server = undefined;
});

function json(res: ServerResponse, code: number, body: unknown, contentType = 'application/json'): void {
  res.writeHead(code, { 'content-type': contentType });
  res.end(JSON.stringify(body));
}

describe('request', () => {
  it('sends the bearer token, Accept and query, and parses JSON', async () => {
    let seen: IncomingMessage | undefined;
    const url = await serve((req, _b, res) => {
      seen = req;
      json(res, 200, { kind: 'PodList', items: [] });
    });
    const client = createClient({ server: url + '/', token: 't0k', namespace: 'default' });
    const list = await client.request('GET', '/api/v1/namespaces/default/pods', { query: { labelSelector: 'app=web', limit: 500, skip: undefined, x: ['a', 'b'] } });
    expect(list).toEqual({ kind: 'PodList', items: [] });
    expect(seen!.url).toBe('/api/v1/namespaces/default/pods?labelSelector=app%3Dweb&limit=500&x=a&x=b');
    expect(seen!.headers.authorization).toBe('Bearer t0k');
    expect(seen!.headers.accept).toBe('application/json');
  });

  it('sends objects as JSON and strings as they are with the given content type', async () => {
    const got: { type?: string; body: string }[] = [];
    const url = await serve((req, body, res) => {
      got.push({ type: req.headers['content-type'], body });
      json(res, 201, { ok: true });
    });
    const client = createClient({ server: url, namespace: 'default' });
    await client.request('POST', '/api/v1/namespaces', { body: { metadata: { name: 'x' } } });
    await client.request('PATCH', '/api/v1/namespaces/x', { body: '{"metadata":{}}', contentType: 'application/merge-patch+json' });
    expect(got).toEqual([
      { type: 'application/json', body: '{"metadata":{"name":"x"}}' },
      { type: 'application/merge-patch+json', body: '{"metadata":{}}' },
    ]);
  });

  it('sends DELETE bodies with a Content-Length, twice over one kept-alive connection', async () => {
    const got: { length?: string; body: string }[] = [];
    const url = await serve((req, body, res) => {
      got.push({ length: req.headers['content-length'], body });
      json(res, 200, { kind: 'Status' });
    });
    const client = createClient({ server: url, namespace: 'default' });
    await client.request('DELETE', '/api/v1/namespaces/default/pods/a', { body: { propagationPolicy: 'Background' } });
    await client.request('DELETE', '/api/v1/namespaces/default/pods/b', { body: { propagationPolicy: 'Background' } });
    expect(got).toEqual([
      { length: '34', body: '{"propagationPolicy":"Background"}' },
      { length: '34', body: '{"propagationPolicy":"Background"}' },
    ]);
  });

  it('returns text bodies as strings and empty bodies as undefined', async () => {
    const url = await serve((req, _b, res) => {
      if (req.url === '/empty') return void res.writeHead(200).end();
      res.writeHead(200, { 'content-type': 'text/plain' });
      res.end('{not json} log line\n');
    });
    const client = createClient({ server: url, namespace: 'default' });
    expect(await client.request('GET', '/log')).toBe('{not json} log line\n');
    expect(await client.request('GET', '/empty')).toBeUndefined();
  });

  it('throws ApiError carrying the server Status', async () => {
    const status = { kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Failure', message: 'pods "nope" not found', reason: 'NotFound', details: { name: 'nope', kind: 'pods' }, code: 404 };
    const url = await serve((_r, _b, res) => json(res, 404, status));
    const client = createClient({ server: url, namespace: 'default' });
    const err = await client.request('GET', '/api/v1/namespaces/default/pods/nope').catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ApiError);
    expect(isApiError(err)).toBe(true);
    expect((err as ApiError).status).toEqual(status);
    expect((err as ApiError).code).toBe(404);
    expect((err as ApiError).reason).toBe('NotFound');
    expect((err as ApiError).message).toBe('pods "nope" not found');
  });

  it('builds a Status for a non-Status error body as client-go does', async () => {
    const url = await serve((_r, _b, res) => json(res, 404, { message: 'Route GET:/x not found', error: 'Not Found', statusCode: 404 }));
    const client = createClient({ server: url, namespace: 'default' });
    const err = (await client.request('GET', '/api/v1/namespaces/default/pods/nope').catch((e: unknown) => e)) as ApiError;
    expect(err.reason).toBe('NotFound');
    expect(err.message).toBe('the server could not find the requested resource (get pods nope)');
  });

  it('reports a refused connection as a TransportError naming host:port', async () => {
    const url = await serve((_r, _b, res) => json(res, 200, {}));
    const port = new URL(url).port;
    await new Promise((r) => server!.close(r));
    server = undefined;
    const client = createClient({ server: url, namespace: 'default' });
    const err = await client.request('GET', '/version').catch((e: unknown) => e);
    expect(isTransportError(err)).toBe(true);
    expect(err).toMatchObject({ refused: true, host: `127.0.0.1:${port}` });
  });

  it('gives up after requestTimeoutMs with Go\'s timeout message', async () => {
    const url = await serve(() => {
      /* never answers */
    });
    const client = createClient({ server: url, namespace: 'default', requestTimeoutMs: 50 });
    const err = await client.request('GET', '/slow').catch((e: unknown) => e);
    expect(isTransportError(err)).toBe(true);
    expect((err as Error).message).toBe('net/http: request canceled (Client.Timeout exceeded while awaiting headers)');
  });
});

describe('TLS', () => {
  it('trusts the server through caData and sends the token', async () => {
    let auth: string | undefined;
    const url = await serveTls((req, _b, res) => {
      auth = req.headers.authorization;
      json(res, 200, { ok: true });
    });
    const client = createClient({ server: url, token: 'tls-token', caData: TEST_CA_PEM, namespace: 'default' });
    expect(await client.request('GET', '/version')).toEqual({ ok: true });
    expect(auth).toBe('Bearer tls-token');
  });

  it('refuses an unknown CA unless told to skip verification', async () => {
    const url = await serveTls((_r, _b, res) => json(res, 200, { ok: true }));
    const err = await createClient({ server: url, namespace: 'default' }).request('GET', '/version').catch((e: unknown) => e);
    expect(isTransportError(err)).toBe(true);
    expect(err).toMatchObject({ errno: 'UNABLE_TO_VERIFY_LEAF_SIGNATURE', refused: false });
    expect(await createClient({ server: url, namespace: 'default', insecureSkipTLSVerify: true }).request('GET', '/version')).toEqual({ ok: true });
  });
});

describe('requestRaw', () => {
  it('returns the Response for streaming and still throws on errors', async () => {
    const url = await serve((req, _b, res) => {
      if (req.url!.startsWith('/bad')) return json(res, 400, { kind: 'Status', apiVersion: 'v1', status: 'Failure', message: 'bad', reason: 'BadRequest', code: 400 });
      res.writeHead(200, { 'content-type': 'text/plain' });
      res.end('line1\nline2\n');
    });
    const client = createClient({ server: url, namespace: 'default' });
    const res = await client.requestRaw('GET', '/log');
    expect(await res.text()).toBe('line1\nline2\n');
    await expect(client.requestRaw('GET', '/bad')).rejects.toMatchObject({ reason: 'BadRequest', message: 'bad' });
  });
});

describe('watch', () => {
  it('adds watch=true and delivers events split across chunks until the server ends the stream', async () => {
    let seenUrl = '';
    const url = await serve((req, _b, res) => {
      seenUrl = req.url!;
      res.writeHead(200, { 'content-type': 'application/json' });
      res.write('{"type":"ADDED","object":{"kind":"Pod","metadata":{"name":"a"}}}\n{"type":"MOD');
      setTimeout(() => {
        res.write('IFIED","object":{"kind":"Pod","metadata":{"name":"a"}}}\n');
        res.end('{"type":"DELETED","object":{"kind":"Pod","metadata":{"name":"a"}}}\n');
      }, 10);
    });
    const client = createClient({ server: url, namespace: 'default' });
    const events: WatchEventJSON[] = [];
    const handle = await client.watch('/api/v1/namespaces/default/pods', { query: { resourceVersion: '5' }, onEvent: (e) => events.push(e) });
    await handle.done;
    expect(seenUrl).toBe('/api/v1/namespaces/default/pods?resourceVersion=5&watch=true');
    expect(events.map((e) => e.type)).toEqual(['ADDED', 'MODIFIED', 'DELETED']);
  });

  it('close() ends a long-lived watch and resolves done', async () => {
    const url = await serve((_r, _b, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.write('{"type":"ADDED","object":{"kind":"Pod","metadata":{"name":"a"}}}\n');
    });
    const client = createClient({ server: url, namespace: 'default' });
    const events: WatchEventJSON[] = [];
    let gotFirst!: () => void;
    const first = new Promise<void>((resolve) => (gotFirst = resolve));
    const handle = await client.watch('/api/v1/pods', { onEvent: (e) => { events.push(e); gotFirst(); } });
    await first;
    handle.close();
    await expect(handle.done).resolves.toBeUndefined();
    expect(events).toHaveLength(1);
  });

  it('throws ApiError when the watch request itself fails', async () => {
    const url = await serve((_r, _b, res) => json(res, 410, { kind: 'Status', apiVersion: 'v1', status: 'Failure', message: 'too old resource version: 1 (200)', reason: 'Expired', code: 410 }));
    const client = createClient({ server: url, namespace: 'default' });
    await expect(client.watch('/api/v1/pods', { query: { resourceVersion: '1' }, onEvent: () => {} })).rejects.toMatchObject({ reason: 'Expired', code: 410 });
  });

  it('rejects done with the handler\'s error and stops reading', async () => {
    const url = await serve((_r, _b, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.write('{"type":"ADDED","object":{}}\n');
    });
    const client = createClient({ server: url, namespace: 'default' });
    const handle = await client.watch('/api/v1/pods', { onEvent: () => { throw new Error('handler broke'); } });
    await expect(handle.done).rejects.toThrow('handler broke');
  });
});

describe('discover', () => {
  const aggregated = 'application/json;g=apidiscovery.k8s.io;v=v2;as=APIGroupDiscoveryList';
  const core = { kind: 'APIGroupDiscoveryList', apiVersion: 'apidiscovery.k8s.io/v2', metadata: {}, items: [{ metadata: { name: '' }, versions: [{ version: 'v1', resources: [
    { resource: 'pods', singularResource: 'pod', scope: 'Namespaced', responseKind: { group: '', version: 'v1', kind: 'Pod' }, verbs: ['get'], shortNames: ['po'], categories: ['all'], subresources: [{ subresource: 'status', responseKind: { group: '', version: 'v1', kind: 'Pod' }, verbs: ['get'] }] },
  ] }] }] };
  const apis = { kind: 'APIGroupDiscoveryList', apiVersion: 'apidiscovery.k8s.io/v2', metadata: {}, items: [{ metadata: { name: 'apps' }, versions: [{ version: 'v1', resources: [
    { resource: 'deployments', singularResource: 'deployment', scope: 'Namespaced', responseKind: { group: 'apps', version: 'v1', kind: 'Deployment' }, verbs: ['get'], shortNames: ['deploy'] },
  ] }] }] };

  it('asks /api and /apis with kubectl\'s Accept, flattens, and caches', async () => {
    const hits: { url: string; accept?: string }[] = [];
    const url = await serve((req, _b, res) => {
      hits.push({ url: req.url!, accept: req.headers.accept });
      json(res, 200, req.url === '/api' ? core : apis, aggregated);
    });
    const client = createClient({ server: url, namespace: 'default' });
    const resources = await client.discover();
    await client.discover();
    expect(hits.map((h) => h.url).sort()).toEqual(['/api', '/apis']);
    expect(hits[0]!.accept).toBe(AGGREGATED_DISCOVERY_ACCEPT);
    expect(resources.map((r) => `${r.group}/${r.version}/${r.plural}:${r.kind}:${r.subresources.join(',')}`)).toEqual(['/v1/pods:Pod:status', 'apps/v1/deployments:Deployment:']);
  });

  it('tolerates a 404 on /api alone but not on both', async () => {
    let apisToo = false;
    const url = await serve((req, _b, res) => {
      if (req.url === '/api' || apisToo) return json(res, 404, { kind: 'Status', apiVersion: 'v1', status: 'Failure', message: 'the server could not find the requested resource', reason: 'NotFound', code: 404 });
      json(res, 200, apis, aggregated);
    });
    expect((await createClient({ server: url, namespace: 'default' }).discover()).map((r) => r.plural)).toEqual(['deployments']);
    apisToo = true;
    await expect(createClient({ server: url, namespace: 'default' }).discover()).rejects.toMatchObject({ reason: 'NotFound' });
  });

  it('refuses discovery served as plain application/json, as kubectl would misread it', async () => {
    const url = await serve((req, _b, res) => json(res, 200, req.url === '/api' ? core : apis));
    await expect(createClient({ server: url, namespace: 'default' }).discover()).rejects.toThrow(/without aggregated discovery/);
  });
});

describe('path', () => {
  it('builds resource paths', () => {
    const client = createClient({ server: 'http://127.0.0.1:1', namespace: 'default' });
    expect(client.path({ group: 'apps', version: 'v1', plural: 'deployments', namespace: 'default', name: 'web', subresource: 'scale' })).toBe('/apis/apps/v1/namespaces/default/deployments/web/scale');
  });
});
