/** Contracts of the REST client shared by the CLI and (later) controllers, scheduler and node agents. */
import type { KObject } from '@mk/api';

/** Where a client talks to and as whom: resolved from a kubeconfig context or flags. */
export interface ClientConfig {
  /** Base URL, e.g. http://127.0.0.1:6443 */
  server: string;
  /** Bearer token. */
  token?: string;
  /** Default namespace from the context (or 'default'). */
  namespace: string;
  /** kubeconfig path and context name this came from, for messages. */
  source?: { kubeconfig?: string; context?: string };
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
