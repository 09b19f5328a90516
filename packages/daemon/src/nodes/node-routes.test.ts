import { afterEach, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { createApiServer } from '@mk/apiserver';
import { openSqliteStore } from '@mk/store';
import { defaultNodes } from '../cluster/cluster-spec';
import { createNodeManager, type ManagedAgent } from './node-manager';
import { registerNodeRoutes } from './node-routes';

let app: FastifyInstance | undefined;
afterEach(async () => {
  await app?.close();
  app = undefined;
});

async function serve(): Promise<FastifyInstance> {
  const store = openSqliteStore(':memory:');
  app = await createApiServer({ store, token: 'secret' });
  app.addHook('onClose', async () => store.close());
  const manager = createNodeManager(defaultNodes(2, 'sim'), {
    createAgent: (spec): ManagedAgent => {
      const agent = {
        name: spec.name,
        poweredOn: true,
        start: () => undefined,
        stop: () => void (agent.poweredOn = false),
        powerOff: () => void (agent.poweredOn = false),
        powerOn: () => void (agent.poweredOn = true),
      };
      return agent;
    },
    deleteNodeObjects: async () => undefined,
    apiNodeNames: async () => [],
    persist: () => undefined,
    defaultRuntime: 'sim',
    log: () => undefined,
  });
  registerNodeRoutes(app, manager);
  await app.ready();
  return app;
}

const auth = { authorization: 'Bearer secret' };

describe('/mk/v1/nodes', () => {
  it('needs the cluster token like every API path', async () => {
    const res = await (await serve()).inject({ method: 'GET', url: '/mk/v1/nodes' });
    expect(res.statusCode).toBe(401);
    expect(res.json()).toMatchObject({ kind: 'Status', reason: 'Unauthorized' });
  });

  it('lists, adds, powers off and on, and removes nodes', async () => {
    const server = await serve();
    const list = await server.inject({ method: 'GET', url: '/mk/v1/nodes', headers: auth });
    expect(list.json()).toMatchObject({ kind: 'NodeAgentList', apiVersion: 'mk/v1', items: [{ name: 'mk-control-plane', power: 'on' }, { name: 'mk-worker', power: 'on' }] });

    const added = await server.inject({ method: 'POST', url: '/mk/v1/nodes', headers: auth, payload: { labels: { disk: 'ssd' } } });
    expect(added.statusCode).toBe(201);
    expect(added.json()).toMatchObject({ name: 'mk-worker2', labels: { disk: 'ssd' }, power: 'on' });

    const stopped = await server.inject({ method: 'POST', url: '/mk/v1/nodes/mk-worker2/stop', headers: auth });
    expect(stopped.json()).toMatchObject({ node: { name: 'mk-worker2', power: 'off' }, changed: true });
    const started = await server.inject({ method: 'POST', url: '/mk/v1/nodes/mk-worker2/start', headers: auth });
    expect(started.json()).toMatchObject({ node: { power: 'on' }, changed: true });

    const removed = await server.inject({ method: 'DELETE', url: '/mk/v1/nodes/mk-worker2', headers: auth });
    expect(removed.statusCode).toBe(200);
    expect((await server.inject({ method: 'GET', url: '/mk/v1/nodes', headers: auth })).json().items).toHaveLength(2);
  });

  it('answers unknown nodes and bad bodies with Kubernetes Status objects', async () => {
    const server = await serve();
    const missing = await server.inject({ method: 'POST', url: '/mk/v1/nodes/ghost/stop', headers: auth });
    expect(missing.statusCode).toBe(404);
    expect(missing.json()).toEqual({
      kind: 'Status',
      apiVersion: 'v1',
      metadata: {},
      status: 'Failure',
      message: 'nodes "ghost" not found',
      reason: 'NotFound',
      details: { name: 'ghost', kind: 'nodes' },
      code: 404,
    });
    const bad = await server.inject({ method: 'POST', url: '/mk/v1/nodes', headers: auth, payload: [1] });
    expect(bad.json()).toMatchObject({ code: 400, reason: 'BadRequest', message: 'the request body must be a JSON object' });
    const invalid = await server.inject({ method: 'POST', url: '/mk/v1/nodes', headers: auth, payload: { name: 'x', pods: 'many' } });
    expect(invalid.json()).toMatchObject({ code: 422, reason: 'Invalid', details: { name: 'x', kind: 'Node', causes: [{ field: 'pods' }] } });
  });
});
