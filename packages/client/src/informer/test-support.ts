/**
 * Test helpers (tests only): a real API server on an in-memory store listening
 * on 127.0.0.1, a client wrapper that records and can hold back requests, and
 * a recorder of handler calls that tests can wait on.
 */
import type { AddressInfo } from 'node:net';
import type { FastifyInstance } from 'fastify';
import { createApiServer } from '@mk/apiserver';
import { openSqliteStore, type Store } from '@mk/store';
import type { KObject } from '@mk/api';
import { createClient } from '../rest-client';
import type { ApiClient, RequestOptions, WatchHandle } from '../types';
import type { WireResponse } from '../transport';
import type { EventHandlers } from './types';

/** A listening API server for tests. */
export interface LiveServer {
  store: Store;
  client: ApiClient;
  /** Closes the server (cutting open watch streams) and listens again on the same port, same store. */
  restart(): Promise<void>;
  close(): Promise<void>;
}

/** Starts an API server on a fresh in-memory store, on a free port. */
export async function startLiveServer(): Promise<LiveServer> {
  const store = openSqliteStore(':memory:');
  let app: FastifyInstance = await createApiServer({ store });
  await app.listen({ host: '127.0.0.1', port: 0 });
  const port = (app.server.address() as AddressInfo).port;
  return {
    store,
    client: createClient({ server: `http://127.0.0.1:${port}`, namespace: 'default' }),
    async restart() {
      await app.close();
      app = await createApiServer({ store });
      await app.listen({ host: '127.0.0.1', port });
    },
    async close() {
      await app.close();
      await store.close();
    },
  };
}

/** An ApiClient that records LIST/WATCH calls, can hold new watches back, and can close the open ones. */
export class RecordingClient implements ApiClient {
  readonly lists: Record<string, unknown>[] = [];
  readonly watches: Record<string, unknown>[] = [];
  private readonly open = new Set<WatchHandle>();
  private gate?: Promise<void>;
  private openWaiters: (() => void)[] = [];
  private releaseGate?: () => void;

  constructor(private readonly inner: ApiClient) {}

  get config() {
    return this.inner.config;
  }

  request<T = any>(method: string, path: string, opts: RequestOptions = {}): Promise<T> {
    if (method === 'GET' && opts.query && 'limit' in opts.query) this.lists.push({ path, ...opts.query });
    return this.inner.request<T>(method, path, opts);
  }

  requestRaw(method: string, path: string, opts?: RequestOptions): Promise<WireResponse> {
    return this.inner.requestRaw(method, path, opts);
  }

  async watch(path: string, opts: RequestOptions & { onEvent(event: any): void }): Promise<WatchHandle> {
    this.watches.push({ path, ...opts.query });
    await this.gate;
    const handle = await this.inner.watch(path, opts);
    this.open.add(handle);
    for (const w of this.openWaiters.splice(0)) w();
    void handle.done.catch(() => {}).finally(() => this.open.delete(handle));
    return handle;
  }

  path = (p: Parameters<ApiClient['path']>[0]) => this.inner.path(p);
  discover = () => this.inner.discover();

  /** Resolves once a watch stream is open. */
  watchOpen(): Promise<void> {
    if (this.open.size > 0) return Promise.resolve();
    return new Promise((r) => this.openWaiters.push(r));
  }

  /** New watch requests wait until release(). */
  hold(): void {
    this.gate = new Promise((r) => (this.releaseGate = r));
  }

  release(): void {
    this.releaseGate?.();
    this.gate = undefined;
  }

  /** Ends every open watch stream, as a server ending the response would. */
  closeWatches(): void {
    for (const h of this.open) h.close();
  }
}

/** Records handler calls as strings like `add default/a` and lets a test wait for a condition on them. */
export class HandlerLog<T extends KObject = KObject> implements EventHandlers<T> {
  readonly entries: string[] = [];
  private waiters: { pred: (entries: string[]) => boolean; resolve: () => void }[] = [];

  onAdd(obj: Readonly<T>): void {
    this.push(`add ${name(obj)}`);
  }

  onUpdate(oldObj: Readonly<T>, newObj: Readonly<T>): void {
    this.push(`update ${name(newObj)}${oldObj === newObj ? ' (resync)' : ''}`);
  }

  onDelete(obj: Readonly<T>): void {
    this.push(`delete ${name(obj)}`);
  }

  /** Resolves once pred holds for the entries so far. */
  until(pred: (entries: string[]) => boolean): Promise<void> {
    if (pred(this.entries)) return Promise.resolve();
    return new Promise((resolve) => this.waiters.push({ pred, resolve }));
  }

  /** Resolves once an entry equal to entry has been recorded. */
  seen(entry: string): Promise<void> {
    return this.until((e) => e.includes(entry));
  }

  private push(entry: string): void {
    this.entries.push(entry);
    const ready = this.waiters.filter((w) => w.pred(this.entries));
    this.waiters = this.waiters.filter((w) => !ready.includes(w));
    for (const w of ready) w.resolve();
  }
}

function name(obj: KObject): string {
  const m = obj.metadata ?? {};
  return m.namespace ? `${m.namespace}/${m.name}` : String(m.name);
}

/** A minimal Pod. */
export function podManifest(name: string, labels: Record<string, string> = { app: 'web' }, namespace = 'default'): KObject {
  return { apiVersion: 'v1', kind: 'Pod', metadata: { name, namespace, labels }, spec: { containers: [{ name: 'c', image: 'nginx:1.27' }] } };
}
