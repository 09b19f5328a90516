/** An API server on an in-memory store with a fixed clock, for tests through Fastify inject. */
import type { FastifyInstance } from 'fastify';
import { openSqliteStore, type Store } from '@mk/store';
import { createApiServer } from '../server';

export interface TestServer {
  app: FastifyInstance;
  store: Store;
  /** JSON request; returns status code, parsed body and headers. */
  call(method: string, url: string, body?: unknown, headers?: Record<string, string>): Promise<{ code: number; body: any; headers: Record<string, unknown> }>;
  close(): Promise<void>;
}

export async function startTestServer(opts: { token?: string; now?: () => Date } = {}): Promise<TestServer> {
  const store = openSqliteStore(':memory:');
  const app = await createApiServer({ store, token: opts.token, now: opts.now ?? (() => new Date('2026-01-01T00:00:00Z')) });
  return {
    app,
    store,
    async call(method, url, body, headers = {}) {
      const payload = body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body);
      const res = await app.inject({
        method: method as 'GET',
        url,
        payload,
        headers: { ...(payload !== undefined ? { 'content-type': 'application/json' } : {}), ...headers },
      });
      let parsed: unknown = res.body;
      try {
        parsed = JSON.parse(res.body);
      } catch {
        // text bodies (health) stay strings
      }
      return { code: res.statusCode, body: parsed, headers: res.headers };
    },
    async close() {
      await app.close();
      await store.close();
    },
  };
}

export const pod = (name: string, extra: Record<string, unknown> = {}) => ({
  apiVersion: 'v1',
  kind: 'Pod',
  metadata: { name, labels: { app: 'web' } },
  spec: { containers: [{ name: 'c', image: 'nginx:1.27' }] },
  ...extra,
});

export const deployment = (name: string, replicas = 2) => ({
  apiVersion: 'apps/v1',
  kind: 'Deployment',
  metadata: { name },
  spec: {
    replicas,
    selector: { matchLabels: { app: name } },
    template: { metadata: { labels: { app: name } }, spec: { containers: [{ name: 'nginx', image: 'nginx:1.27' }] } },
  },
});
