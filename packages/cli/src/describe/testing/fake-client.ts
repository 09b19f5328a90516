/**
 * An in-memory ApiClient for command tests: routes (method + path, optional query predicate)
 * answer requests, every request is recorded, and watches replay scripted events.
 */
import { ApiError, resourcePath, type ApiClient, type ClientConfig, type DiscoveredResource, type RequestOptions, type ResourcePath, type StatusJSON, type WatchEventJSON, type WatchHandle } from '@mk/client';
import { DISCOVERY } from './discovery-fixture';

/** One request as the fake saw it. */
export interface RecordedRequest {
  method: string;
  path: string;
  query: Record<string, string>;
  accept?: string;
}

/** A fixed answer, or one computed from the request. */
export type Answer = unknown | ((req: RecordedRequest) => unknown);

interface Route {
  method: string;
  path: string;
  when?: (query: Record<string, string>) => boolean;
  answer: Answer;
  watch?: WatchEventJSON[];
}

/** The Status the API server sends for a missing object. */
export function notFoundStatus(resource: string, name: string, group = ''): StatusJSON {
  const qualified = group ? `${resource}.${group}` : resource;
  return {
    kind: 'Status',
    apiVersion: 'v1',
    metadata: {},
    status: 'Failure',
    message: `${qualified} "${name}" not found`,
    reason: 'NotFound',
    details: { name, group: group || undefined, kind: resource },
    code: 404,
  };
}

function flatQuery(query: RequestOptions['query']): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(query ?? {})) if (v !== undefined) out[k] = String(v);
  return out;
}

/** The fake client; configure with get()/watchOn() and inspect `requests`. */
export class FakeApiClient implements ApiClient {
  readonly config: ClientConfig = { server: 'http://127.0.0.1:6443', namespace: 'default' };
  readonly requests: RecordedRequest[] = [];
  private readonly routes: Route[] = [];

  constructor(private readonly resources: DiscoveredResource[] = DISCOVERY) {}

  /** Answers GET path (optionally only when the query matches) with an object, a Status (thrown as ApiError) or a function. */
  get(path: string, answer: Answer, when?: (query: Record<string, string>) => boolean): this {
    this.routes.push({ method: 'GET', path, answer, when });
    return this;
  }

  /** Scripts a watch on path: the events are delivered, then the server closes the stream. */
  watchOn(path: string, events: WatchEventJSON[], when?: (query: Record<string, string>) => boolean): this {
    this.routes.push({ method: 'WATCH', path, answer: undefined, watch: events, when });
    return this;
  }

  async request<T = any>(method: string, path: string, opts: RequestOptions = {}): Promise<T> {
    const req = this.record(method, path, opts);
    const route = this.route(method, req);
    const answer = typeof route.answer === 'function' ? (route.answer as (r: RecordedRequest) => unknown)(req) : route.answer;
    const status = answer as StatusJSON;
    if (status?.kind === 'Status' && status.status === 'Failure') throw new ApiError(status);
    return structuredClone(answer) as T;
  }

  async requestRaw(method: string, path: string, opts: RequestOptions = {}): Promise<Response> {
    const req = this.record(method, path, opts);
    const route = this.route(method, req);
    const answer = typeof route.answer === 'function' ? (route.answer as (r: RecordedRequest) => unknown)(req) : route.answer;
    const status = answer as StatusJSON;
    if (status?.kind === 'Status' && status.status === 'Failure') throw new ApiError(status);
    return new Response(typeof answer === 'string' ? answer : JSON.stringify(answer));
  }

  async watch(path: string, opts: RequestOptions & { onEvent(event: WatchEventJSON): void }): Promise<WatchHandle> {
    const req = this.record('WATCH', path, { ...opts, query: { ...opts.query, watch: true } });
    const route = this.route('WATCH', req);
    const done = (async () => {
      for (const ev of route.watch ?? []) {
        await Promise.resolve();
        opts.onEvent(structuredClone(ev));
      }
    })();
    return { done, close: () => undefined };
  }

  path(p: ResourcePath): string {
    return resourcePath(p);
  }

  async discover(): Promise<DiscoveredResource[]> {
    return this.resources;
  }

  private record(method: string, path: string, opts: RequestOptions): RecordedRequest {
    const req = { method, path, query: flatQuery(opts.query), accept: opts.accept };
    this.requests.push(req);
    return req;
  }

  private route(method: string, req: RecordedRequest): Route {
    const route = this.routes.find((r) => r.method === method && r.path === req.path && (!r.when || r.when(req.query)));
    if (!route) throw new Error(`unexpected ${method} ${req.path}?${new URLSearchParams(req.query)}`);
    return route;
  }
}
