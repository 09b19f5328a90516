/** Contracts of the REST client shared by the CLI and (later) controllers, scheduler and node agents. */
import type { KObject } from '@mk/api';
import type { WireResponse } from './transport';

/** Where a client talks to and as whom: resolved from a kubeconfig context or flags. */
export interface ClientConfig {
  /** Base URL, e.g. https://127.0.0.1:6443 */
  server: string;
  /** Bearer token. */
  token?: string;
  /** PEM of the CA(s) that sign the server's certificate (kubeconfig certificate-authority[-data]); default: the system's. */
  caData?: string;
  /** Accept any server certificate (kubeconfig insecure-skip-tls-verify). */
  insecureSkipTLSVerify?: boolean;
  /** Default namespace from the context (or 'default'). */
  namespace: string;
  /** kubeconfig path and context name this came from, for messages. */
  source?: { kubeconfig?: string; context?: string };
  /** Per-request timeout (kubectl's --request-timeout); unset or 0 = none. Watches are exempt. */
  requestTimeoutMs?: number;
  /**
   * Where discovery is cached on disk between processes (kubectl's `<cache-dir>/discovery`);
   * unset = always fetched live, as in-process components (controllers, scheduler, agents) need.
   */
  discoveryCacheDir?: string;
}

/** A group/version/resource address, with optional namespace/name/subresource. */
export interface ResourcePath {
  group: string; // '' for core
  version: string;
  plural: string;
  namespace?: string;
  name?: string;
  subresource?: string;
}

export interface RequestOptions {
  query?: Record<string, string | number | boolean | string[] | undefined>;
  body?: unknown; // objects are sent as JSON unless contentType says otherwise; strings/Buffers as is
  contentType?: string;
  accept?: string;
  signal?: AbortSignal;
}

export interface WatchEventJSON {
  type: 'ADDED' | 'MODIFIED' | 'DELETED' | 'BOOKMARK' | 'ERROR';
  object: KObject;
}

/** Kubernetes meta/v1 Status. */
export interface StatusJSON {
  kind: 'Status';
  apiVersion: 'v1';
  metadata: Record<string, unknown>;
  status: 'Success' | 'Failure';
  message?: string;
  reason?: string;
  details?: { name?: string; group?: string; kind?: string; uid?: string; causes?: { reason?: string; message?: string; field?: string }[]; retryAfterSeconds?: number };
  code: number;
}

/** One resource type as served by discovery (flattened from aggregated discovery). */
export interface DiscoveredResource {
  group: string;
  version: string;
  plural: string;
  singular: string;
  kind: string;
  namespaced: boolean;
  shortNames: string[];
  categories: string[];
  verbs: string[];
  /** Subresource names, e.g. ['status', 'scale']. */
  subresources: string[];
}

/** A handle on a running watch stream. */
export interface WatchHandle {
  /** Resolves when the server ends the stream (or close() was called); rejects on transport errors. */
  done: Promise<void>;
  close(): void;
}

/** The REST client every component uses (implemented in ./rest-client). */
export interface ApiClient {
  readonly config: ClientConfig;
  /** Sends a request; parses a JSON response; throws ApiError (with the server's Status) on non-2xx. */
  request<T = any>(method: string, path: string, opts?: RequestOptions): Promise<T>;
  /** Sends a request and returns the raw response (streaming logs, text bodies); throws ApiError on non-2xx. */
  requestRaw(method: string, path: string, opts?: RequestOptions): Promise<WireResponse>;
  /** Opens a watch (adds watch=true to the query) and calls onEvent for each newline-delimited event. */
  watch(path: string, opts: RequestOptions & { onEvent(event: WatchEventJSON): void }): Promise<WatchHandle>;
  /** Builds the URL path of a resource, e.g. /apis/apps/v1/namespaces/default/deployments/web/scale. */
  path(p: ResourcePath): string;
  /**
   * Aggregated discovery (/api and /apis), flattened and kept for the client's lifetime; read from
   * the disk cache (config.discoveryCacheDir) while it is fresh, unless opts.fresh asks for a live list.
   */
  discover(opts?: DiscoverOptions): Promise<DiscoveredResource[]>;
}

/** Options of ApiClient.discover. */
export interface DiscoverOptions {
  /**
   * Skip the disk cache: return a list this client fetched live (fetching it now if it has not
   * yet) and rewrite the cache with it — kubectl's Invalidate, as its mapper does on a miss.
   */
  fresh?: boolean;
}
