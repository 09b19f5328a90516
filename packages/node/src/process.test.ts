import { afterEach, describe, expect, it } from 'vitest';
import type { AddressInfo } from 'node:net';
import type { FastifyInstance } from 'fastify';
import { createApiServer } from '@mk/apiserver';
import { openSqliteStore } from '@mk/store';
import type { KObject } from '@mk/api';
import { createClient } from '@mk/client';
import type { NodeAgent } from './agent/options';
import { runAgentProcess } from './process';

let app: FastifyInstance | undefined;
let agent: NodeAgent | undefined;
afterEach(async () => {
  await agent?.stop();
  await app?.close();
});

describe('runAgentProcess', () => {
  it('joins a cluster over the network with a bearer token, as `mk agent` does', async () => {
    const store = openSqliteStore(':memory:');
    app = await createApiServer({ store, token: 'secret' });
    app.addHook('onClose', async () => store.close());
    await app.listen({ host: '127.0.0.1', port: 0 });
    const server = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
    agent = await runAgentProcess({ server, token: 'secret', name: 'remote-1', podCIDR: '10.244.7.0/24', labels: { zone: 'b' } });
    expect(agent.poweredOn).toBe(true);
    const client = createClient({ server, token: 'secret', namespace: 'default' });
    const node = await client.request<KObject & { status: { nodeInfo: { containerRuntimeVersion: string } } }>('GET', '/api/v1/nodes/remote-1');
    expect(node.metadata!.labels).toMatchObject({ zone: 'b', 'kubernetes.io/hostname': 'remote-1' });
    expect(node.spec).toMatchObject({ podCIDR: '10.244.7.0/24', podCIDRs: ['10.244.7.0/24'] });
    expect(node.status.nodeInfo.containerRuntimeVersion).toBe('sim://0.1.0');
    const lease = await client.request<KObject>('GET', '/apis/coordination.k8s.io/v1/namespaces/kube-node-lease/leases/remote-1');
    expect(lease.spec).toMatchObject({ holderIdentity: 'remote-1', leaseDurationSeconds: 40 });
  });
});
