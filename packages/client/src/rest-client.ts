/** The REST client: requests, errors as Status, watch streams, discovery. */
import { ApiError, isApiError } from './api-error';
import { AGGREGATED_DISCOVERY_ACCEPT, flattenDiscovery, isAggregatedDiscovery, type APIGroupDiscoveryList } from './discovery';
import { statusFromErrorResponse } from './error-status';
import { buildHeaders, buildUrl, encodeBody, isJsonMediaType } from './request-init';
import { resourcePath } from './resource-path';
import { TransportError, toTransportError } from './transport-error';
import { createTransport, type Transport } from './transport';
import type { ApiClient, ClientConfig, DiscoveredResource, RequestOptions, ResourcePath, WatchEventJSON, WatchHandle } from './types';
import { openWatch } from './watch';

/** What the client needs from its environment; tests may pass their own transport. */
export interface ClientDeps {
  transport?: Transport;
}

/** createClient returns an ApiClient for one server and identity (keep-alive connections, the config's TLS trust). */
export function createClient(config: ClientConfig, deps: ClientDeps = {}): ApiClient {
  return new RestClient(config, deps.transport ?? createTransport({ caData: config.caData, insecureSkipTLSVerify: config.insecureSkipTLSVerify }));
}

/** The message Go's http.Client gives when its Timeout fires (kubectl prints it after "Unable to connect to the server: "). */
const TIMEOUT_MESSAGE = 'net/http: request canceled (Client.Timeout exceeded while awaiting headers)';

class RestClient implements ApiClient {
  private discovery?: Promise<DiscoveredResource[]>;

  constructor(
    readonly config: ClientConfig,
    private readonly transport: Transport,
  ) {}

  async request<T = any>(method: string, path: string, opts: RequestOptions = {}): Promise<T> {
    const res = await this.send(method, path, opts, true);
    const url = buildUrl(this.config.server, path, opts.query);
    let text: string;
    try {
      text = await res.text();
    } catch (err) {
      throw this.transportError(url, err, opts);
    }
    if (text === '') return undefined as T;
    return (isJsonMediaType(res.headers.get('content-type')) ? JSON.parse(text) : text) as T;
  }

  requestRaw(method: string, path: string, opts: RequestOptions = {}): Promise<Response> {
    return this.send(method, path, opts, true);
  }

  async watch(path: string, opts: RequestOptions & { onEvent(event: WatchEventJSON): void }): Promise<WatchHandle> {
    const controller = new AbortController();
    const outer = opts.signal;
    if (outer?.aborted) controller.abort(outer.reason);
    outer?.addEventListener('abort', () => controller.abort(outer.reason), { once: true });
    const query = { ...opts.query, watch: true };
    const res = await this.send('GET', path, { ...opts, query, signal: controller.signal }, false);
    return openWatch(res, buildUrl(this.config.server, path, query), controller, opts.onEvent);
  }

  path(p: ResourcePath): string {
    return resourcePath(p);
  }

  discover(): Promise<DiscoveredResource[]> {
    this.discovery ??= this.loadDiscovery().catch((err: unknown) => {
      // A failed discovery must not poison the cache: the next call retries.
      this.discovery = undefined;
      throw err;
    });
    return this.discovery;
  }

  private async loadDiscovery(): Promise<DiscoveredResource[]> {
    const results = await Promise.allSettled(['/api', '/apis'].map((p) => this.fetchDiscoveryDocument(p)));
    const lists: APIGroupDiscoveryList[] = [];
    const notFound: unknown[] = [];
    for (const r of results) {
      if (r.status === 'fulfilled') lists.push(r.value);
      else if (isApiError(r.reason) && r.reason.code === 404) notFound.push(r.reason);
      else throw r.reason;
    }
    // kubectl tolerates a 404 on /api alone, as long as /apis answers.
    if (lists.length === 0) throw notFound[notFound.length - 1];
    return flattenDiscovery(lists);
  }

  /** Like client-go, the response media type (not the body) says whether the answer is aggregated. */
  private async fetchDiscoveryDocument(path: string): Promise<APIGroupDiscoveryList> {
    const res = await this.send('GET', path, { accept: AGGREGATED_DISCOVERY_ACCEPT }, true);
    const contentType = res.headers.get('content-type') ?? '';
    let text: string;
    try {
      text = await res.text();
    } catch (err) {
      throw this.transportError(buildUrl(this.config.server, path), err, {});
    }
    if (!isAggregatedDiscovery(contentType)) {
      throw new Error(`the server at ${this.config.server} answered ${path} without aggregated discovery (Content-Type ${JSON.stringify(contentType)})`);
    }
    return JSON.parse(text) as APIGroupDiscoveryList;
  }

  private async send(method: string, path: string, opts: RequestOptions, timed: boolean): Promise<Response> {
    const url = buildUrl(this.config.server, path, opts.query);
    const body = encodeBody(opts.body);
    const timeoutMs = timed ? this.config.requestTimeoutMs ?? 0 : 0;
    const timeout = timeoutMs > 0 ? AbortSignal.timeout(timeoutMs) : undefined;
    const signals = [opts.signal, timeout].filter((s): s is AbortSignal => !!s);
    let res: Response;
    try {
      res = await this.transport({
        method,
        url,
        headers: buildHeaders(this.config, opts, body !== undefined),
        body,
        signal: signals.length === 0 ? undefined : signals.length === 1 ? signals[0] : AbortSignal.any(signals),
      });
    } catch (err) {
      throw this.transportError(url, err, opts, timeout);
    }
    if (res.ok) return res;
    const text = await res.text().catch(() => '');
    const retryAfter = Number(res.headers.get('retry-after'));
    throw new ApiError(
      statusFromErrorResponse({
        code: res.status,
        method,
        path,
        contentType: res.headers.get('content-type') ?? '',
        body: text,
        retryAfterSeconds: Number.isFinite(retryAfter) && retryAfter > 0 ? retryAfter : undefined,
      }),
    );
  }

  /** A caller's own abort propagates unchanged; a --request-timeout expiry becomes Go's timeout message. */
  private transportError(url: string, err: unknown, opts: RequestOptions, timeout?: AbortSignal): unknown {
    if (opts.signal?.aborted) return err;
    if (timeout?.aborted || (err instanceof DOMException && err.name === 'TimeoutError')) return new TransportError(url, 'Timeout', TIMEOUT_MESSAGE);
    return toTransportError(url, err);
  }
}
