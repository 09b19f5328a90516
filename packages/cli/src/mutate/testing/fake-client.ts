/**
 * A scripted ApiClient for command tests: it records every request (method, path, query, body,
 * content type) and answers from routes registered per "METHOD path"; an unrouted list is empty
 * and any other unrouted request gets the API server's NotFound Status for its path, so tests
 * only script what matters.
 */
import { qualifiedResource } from '@mk/api';
import { ApiError, parseResourcePath, resourcePath } from '@mk/client';
import type { ApiClient, ClientConfig, DiscoveredResource, RequestOptions, ResourcePath, StatusJSON, WatchEventJSON, WatchHandle } from '@mk/client';

/** One request as the fake saw it. */
export interface RecordedRequest {
  method: string;
  path: string;
  query: Record<string, unknown>;
  body?: unknown;
  contentType?: string;
  accept?: string;
}

/** Answers a request: return the response body, or throw (e.g. an ApiError from `statusError`). */
export type Responder = (req: RecordedRequest) => unknown;

/** A fake client over a fixed discovery list. */
export class FakeApiClient implements ApiClient {
  readonly config: ClientConfig = { server: 'http://127.0.0.1:6443', namespace: 'default' };
  readonly requests: RecordedRequest[] = [];
  private readonly routes = new Map<string, Responder[]>();
  /** Events delivered to the next watch on a path (then the stream ends). */
  readonly watchEvents = new Map<string, WatchEventJSON[]>();

  constructor(readonly resources: DiscoveredResource[]) {}

  /** Registers answers for "METHOD /path"; several answers are used in turn, the last one repeats. */
  on(method: string, path: string, ...responders: (Responder | object)[]): this {
    this.routes.set(`${method} ${path}`, responders.map((r) => (typeof r === 'function' ? (r as Responder) : () => structuredClone(r))));
    return this;
  }

  /** The recorded requests other than discovery, as "METHOD path" strings. */
  calls(): string[] {
    return this.requests.map((r) => `${r.method} ${r.path}`);
  }

  async request<T = any>(method: string, path: string, opts: RequestOptions = {}): Promise<T> {
    const req: RecordedRequest = { method, path, query: { ...(opts.query ?? {}) }, body: opts.body, contentType: opts.contentType, accept: opts.accept };
    for (const k of Object.keys(req.query)) if (req.query[k] === undefined) delete req.query[k];
    this.requests.push(req);
    const queue = this.routes.get(`${method} ${path}`);
    if (!queue) {
      if (method === 'GET' && parseResourcePath(path)?.name === undefined && parseResourcePath(path)) return { kind: 'List', metadata: { resourceVersion: '1' }, items: [] } as T;
      throw notFoundFor(method, path);
    }
    const responder = queue.length > 1 ? queue.shift()! : queue[0]!;
    return (await responder(req)) as T;
  }

  async requestRaw(method: string, path: string, opts?: RequestOptions): Promise<Response> {
    const body = await this.request(method, path, opts);
    return new Response(typeof body === 'string' ? body : JSON.stringify(body), { headers: { 'content-type': 'application/json' } });
  }

  async watch(path: string, opts: RequestOptions & { onEvent(event: WatchEventJSON): void }): Promise<WatchHandle> {
    this.requests.push({ method: 'WATCH', path, query: { ...(opts.query ?? {}) } });
    const events = this.watchEvents.get(path) ?? [];
    this.watchEvents.delete(path);
    const done = (async () => {
      for (const e of events) opts.onEvent(e);
    })();
    return { done, close: () => undefined };
  }

  path(p: ResourcePath): string {
    return resourcePath(p);
  }

  async discover(): Promise<DiscoveredResource[]> {
    return this.resources;
  }
}

/** An ApiError carrying a Status with the given code, reason and message. */
export function statusError(code: number, reason: string, message: string, details?: StatusJSON['details']): ApiError {
  return new ApiError({ kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Failure', message, reason, details, code });
}

/** The API server's NotFound for a resource path: `pods "web" not found`. */
export function notFoundFor(method: string, path: string): ApiError {
  const p = parseResourcePath(path);
  if (!p?.name) return statusError(404, 'NotFound', `the server could not find the requested resource (${method.toLowerCase()} ${path})`);
  const qualified = qualifiedResource(p);
  return statusError(404, 'NotFound', `${qualified} ${JSON.stringify(p.name)} not found`, { name: p.name, group: p.group || undefined, kind: p.plural });
}

function resource(group: string, version: string, kind: string, plural: string, namespaced: boolean, shortNames: string[] = [], categories: string[] = []): DiscoveredResource {
  return {
    group,
    version,
    kind,
    plural,
    singular: kind.toLowerCase(),
    namespaced,
    shortNames,
    categories,
    verbs: ['create', 'delete', 'deletecollection', 'get', 'list', 'patch', 'update', 'watch'],
    subresources: [],
  };
}

/** A discovery list like mk's core set, including every kind in kubectl's default prune allowlist. */
export const STANDARD_RESOURCES: DiscoveredResource[] = [
  resource('', 'v1', 'ConfigMap', 'configmaps', true, ['cm']),
  resource('', 'v1', 'Endpoints', 'endpoints', true, ['ep']),
  resource('', 'v1', 'Namespace', 'namespaces', false, ['ns']),
  resource('', 'v1', 'PersistentVolume', 'persistentvolumes', false, ['pv']),
  resource('', 'v1', 'PersistentVolumeClaim', 'persistentvolumeclaims', true, ['pvc']),
  resource('', 'v1', 'Pod', 'pods', true, ['po'], ['all']),
  resource('', 'v1', 'ReplicationController', 'replicationcontrollers', true, ['rc'], ['all']),
  resource('', 'v1', 'Secret', 'secrets', true),
  resource('', 'v1', 'Service', 'services', true, ['svc'], ['all']),
  resource('', 'v1', 'Node', 'nodes', false, ['no']),
  resource('apps', 'v1', 'DaemonSet', 'daemonsets', true, ['ds'], ['all']),
  resource('apps', 'v1', 'Deployment', 'deployments', true, ['deploy'], ['all']),
  resource('apps', 'v1', 'ReplicaSet', 'replicasets', true, ['rs'], ['all']),
  resource('apps', 'v1', 'StatefulSet', 'statefulsets', true, ['sts'], ['all']),
  resource('batch', 'v1', 'CronJob', 'cronjobs', true, ['cj'], ['all']),
  resource('batch', 'v1', 'Job', 'jobs', true, [], ['all']),
  resource('networking.k8s.io', 'v1', 'Ingress', 'ingresses', true, ['ing']),
  resource('example.com', 'v1', 'Widget', 'widgets', true),
];
