import { afterEach, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { defaultTimings } from '@mk/api';
import { createApiServer } from '@mk/apiserver';
import { createClient } from '@mk/client';
import { openSqliteStore } from '@mk/store';
import { runSchedulerProcess } from './scheduler-process';

let app: FastifyInstance | undefined;
afterEach(async () => {
  await app?.close();
  app = undefined;
});

const node = {
  apiVersion: 'v1',
  kind: 'Node',
  metadata: { name: 'n1', labels: { 'kubernetes.io/hostname': 'n1' } },
  status: {
    capacity: { cpu: '4', memory: '8Gi', pods: '110' },
    allocatable: { cpu: '4', memory: '8Gi', pods: '110' },
    conditions: [{ type: 'Ready', status: 'True' }],
  },
};

describe('runSchedulerProcess', () => {
  it('binds pods through the API until its signal stops it', async () => {
    const store = openSqliteStore(':memory:');
    app = await createApiServer({ store });
    app.addHook('onClose', async () => store.close());
    await app.listen({ port: 0, host: '127.0.0.1' });
    const address = app.server.address();
    const server = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
    const client = createClient({ server, namespace: 'default' });
    await client.request('POST', '/api/v1/nodes', { body: node });
    await client.request('POST', '/api/v1/namespaces/default/pods', {
      body: { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p' }, spec: { containers: [{ name: 'c', image: 'nginx' }] } },
    });

    const stop = new AbortController();
    const logs: string[] = [];
    const running = runSchedulerProcess({ server, timings: defaultTimings, signal: stop.signal, log: (m) => logs.push(m) });
    let nodeName: string | undefined;
    for (let i = 0; i < 500 && !nodeName; i++) {
      nodeName = (await client.request<{ spec: { nodeName?: string } }>('GET', '/api/v1/namespaces/default/pods/p')).spec.nodeName;
      if (!nodeName) await new Promise((r) => setTimeout(r, 20));
    }
    expect(nodeName).toBe('n1');
    expect(logs).toEqual([`scheduler connected to ${server}`]);
    stop.abort();
    await expect(running).resolves.toBeUndefined();
  });
});
