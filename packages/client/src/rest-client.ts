/** The REST client: requests, errors as Status, watch streams, discovery. */
import type { Clock } from '@mk/api';
import { ApiError, isApiError } from './api-error';
import { AGGREGATED_DISCOVERY_ACCEPT, flattenDiscovery, isAggregatedDiscovery, type APIGroupDiscoveryList } from './discovery';
import { createDiscoveryCache, type DiscoveryCache } from './discovery-cache';
import { statusFromErrorResponse } from './error-status';
import { buildHeaders, buildUrl, encodeBody, isJsonMediaType } from './request-init';
import { resourcePath } from './resource-path';
import { TransportError, toTransportError } from './transport-error';
import { createTransport, type Transport, type WireResponse } from './transport';
import type { ApiClient, ClientConfig, DiscoveredResource, DiscoverOptions, RequestOptions, ResourcePath, WatchEventJSON, WatchHandle } from './types';
import { openWatch } from './watch';

/** What the client needs from its environment; tests may pass their own transport and clock. */
export interface ClientDeps {
  transport?: Transport;
  /** Tells the age of the discovery disk cache (default: the real clock). */
  clock?: Clock;
}

/** createClient returns an ApiClient for one server and identity (keep-alive connections, the config's TLS trust). */
export function createClient(config: ClientConfig, deps: ClientDeps = {}): ApiClient {
  const transport = deps.transport ?? createTransport({ caData: config.caData, insecureSkipTLSVerify: config.insecureSkipTLSVerify });
  const cache = config.discoveryCacheDir ? createDiscoveryCache({ dir: config.discoveryCacheDir, server: config.server, clock: deps.clock }) : undefined;
  return new RestClient(config, transport, cache);
}

/** The message Go's http.Client gives when its Timeout fires (kubectl prints it after "Unable to connect to the server: "). */
const TIMEOUT_MESSAGE = 'net/http: request canceled (Client.Timeout exceeded while awaiting headers)';

/** The discovery a client hands out, and whether it was fetched live rather than read from disk. */
interface HeldDiscovery {
  list: Promise<DiscoveredResource[]>;
  live: boolean;
}

class RestClient implements ApiClient {
  private discovery?: HeldDiscovery;

  constructor(
    readonly config: ClientConfig,
    private readonly transport: Transport,
    private readonly discoveryCache?: DiscoveryCache,
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

  requestRaw(method: string, path: string, opts: RequestOptions = {}): Promise<WireResponse> {
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

  discover(opts: DiscoverOptions = {}): Promise<DiscoveredResource[]> {
    const held = this.discovery;
    if (held && (held.live || !opts.fresh)) return held.list;
    const cached = opts.fresh ? undefined : this.discoveryCache?.read();
    if (cached) {
      this.discovery = { list: Promise.resolve(cached), live: false };
      return this.discovery.list;
    }
    const list: Promise<DiscoveredResource[]> = this.loadDiscovery().then(
      (resources) => {
        this.discoveryCache?.write(resources);
        return resources;
      },
      (err: unknown) => {
        // A failed discovery must not stick: the next call retries.
        if (this.discovery?.list === list) this.discovery = undefined;
        throw err;
      },
    );
    this.discovery = { list, live: true };
    return list;
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

  /** `timed`: subject to --request-timeout; the untimed requests are the streams (watches), which do not count against the transport's limit of requests in flight. */
  private async send(method: string, path: string, opts: RequestOptions, timed: boolean): Promise<WireResponse> {
    const url = buildUrl(this.config.server, path, opts.query);
    const body = encodeBody(opts.body);
    const timeoutMs = timed ? this.config.requestTimeoutMs ?? 0 : 0;
    const timeout = timeoutMs > 0 ? AbortSignal.timeout(timeoutMs) : undefined;
    const signals = [opts.signal, timeout].filter((s): s is AbortSignal => !!s);
    let res: WireResponse;
    try {
      res = await this.transport({
        method,
        url,
        headers: buildHeaders(this.config, opts, body !== undefined),
        body,
        signal: signals.length === 0 ? undefined : signals.length === 1 ? signals[0] : AbortSignal.any(signals),
        stream: !timed,
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
