import { describe, expect, it } from 'vitest';
import { defaultNodes, type NodeSpec } from '../cluster/cluster-spec';
import { createNodeManager, NodeManagerError, type ManagedAgent, type NodeManagerDeps } from './node-manager';

/** An agent that records what was done to it. */
class FakeAgent implements ManagedAgent {
  poweredOn = false;
  events: string[] = [];
  constructor(readonly name: string) {}
  async start() {
    this.poweredOn = true;
    this.events.push('start');
  }
  async stop() {
    this.poweredOn = false;
    this.events.push('stop');
  }
  async powerOff() {
    this.poweredOn = false;
    this.events.push('powerOff');
  }
  async powerOn() {
    this.poweredOn = true;
    this.events.push('powerOn');
  }
}

function setup(specs: NodeSpec[] = defaultNodes(3, 'sim'), apiNodes: string[] = []) {
  const agents = new Map<string, FakeAgent>();
  const persisted: string[][] = [];
  const deleted: string[] = [];
  const deps: NodeManagerDeps = {
    createAgent: (spec) => {
      const a = new FakeAgent(spec.name);
      agents.set(spec.name, a);
      return a;
    },
    deleteNodeObjects: async (name) => void deleted.push(name),
    apiNodeNames: async () => apiNodes,
    persist: (list) => void persisted.push(list.map((s) => s.name)),
    defaultRuntime: 'sim',
    log: () => undefined,
  };
  return { manager: createNodeManager(specs, deps), agents, persisted, deleted };
}

const failure = async (p: Promise<unknown>) => {
  try {
    await p;
  } catch (err) {
    if (err instanceof NodeManagerError) return { code: err.code, reason: err.reason, message: err.message };
    throw err;
  }
  throw new Error('expected a failure');
};

describe('node manager', () => {
  it('starts every agent and lists them with their power switch (on while booting)', async () => {
    const { manager, agents } = setup();
    expect(manager.list().map((n) => [n.power, n.booted])).toEqual([['on', false], ['on', false], ['on', false]]);
    await manager.start();
    expect([...agents.values()].map((a) => a.events)).toEqual([['start'], ['start'], ['start']]);
    expect(manager.list()[0]).toMatchObject({ name: 'mk-control-plane', power: 'on', booted: true, controlPlane: true, runtime: 'sim' });
  });

  it('adds nodes with the next worker name, persists them, and refuses names in use', async () => {
    const { manager, agents, persisted } = setup(defaultNodes(3, 'sim'), ['joined-elsewhere']);
    const added = await manager.add({ labels: { type: 'gpu' }, taints: [{ key: 'gpu', value: 'yes', effect: 'NoSchedule' }], cpu: '8', memory: '32Gi', pods: '50' });
    expect(added).toEqual({
      name: 'mk-worker3',
      power: 'on',
      booted: true,
      runtime: 'sim',
      controlPlane: false,
      labels: { type: 'gpu' },
      taints: [{ key: 'gpu', value: 'yes', effect: 'NoSchedule' }],
      capacity: { cpu: '8', memory: '32Gi', pods: '50' },
    });
    expect(agents.get('mk-worker3')!.events).toEqual(['start']);
    expect(persisted.at(-1)).toEqual(['mk-control-plane', 'mk-worker', 'mk-worker2', 'mk-worker3']);
    expect(await failure(manager.add({ name: 'mk-worker' }))).toEqual({ code: 409, reason: 'AlreadyExists', message: 'nodes "mk-worker" already exists' });
    expect(await failure(manager.add({ name: 'joined-elsewhere' }))).toMatchObject({ code: 409 });
  });

  it('gives concurrent adds distinct names', async () => {
    const { manager } = setup();
    const names = (await Promise.all([manager.add({}), manager.add({}), manager.add({})])).map((n) => n.name);
    expect(names).toEqual(['mk-worker3', 'mk-worker4', 'mk-worker5']);
  });

  it('validates added nodes as the API validates objects', async () => {
    const { manager } = setup();
    expect(await failure(manager.add({ name: 'Bad_Name' }))).toMatchObject({ code: 422, reason: 'Invalid', message: expect.stringMatching(/^Node "Bad_Name" is invalid: name: Invalid value: "Bad_Name": a lowercase RFC 1123 subdomain/) });
    expect(await failure(manager.add({ cpu: 'lots', runtime: 'process' }))).toEqual({
      code: 422,
      reason: 'Invalid',
      message: 'Node "mk-worker3" is invalid: [cpu: Invalid value: "lots": must be a quantity such as 4, 500m, 8Gi, runtime: runtime "process" is not available yet; use --runtime sim (simulated containers)]',
    });
    expect(await failure(manager.add({ taints: [{ key: 'a', effect: 'Sometimes' }] }))).toMatchObject({ message: expect.stringContaining('taints[0].effect: Unsupported value: "Sometimes"') });
  });

  it('removes a node: stops its agent, deletes its Node and Lease, persists', async () => {
    const { manager, agents, deleted, persisted } = setup();
    await manager.start();
    await manager.remove('mk-worker2');
    expect(agents.get('mk-worker2')!.events).toEqual(['start', 'stop']);
    expect(deleted).toEqual(['mk-worker2']);
    expect(persisted.at(-1)).toEqual(['mk-control-plane', 'mk-worker']);
    expect(await failure(manager.remove('mk-worker2'))).toEqual({ code: 404, reason: 'NotFound', message: 'nodes "mk-worker2" not found' });
  });

  it('powers nodes off and on, reporting whether anything changed', async () => {
    const { manager, agents } = setup();
    await manager.start();
    expect(await manager.powerOff('mk-worker')).toMatchObject({ node: { name: 'mk-worker', power: 'off', booted: false }, changed: true });
    expect(await manager.powerOff('mk-worker')).toMatchObject({ changed: false });
    expect(await manager.powerOn('mk-worker')).toMatchObject({ node: { power: 'on', booted: true }, changed: true });
    expect(agents.get('mk-worker')!.events).toEqual(['start', 'powerOff', 'powerOn']);
    expect(await failure(manager.powerOn('nope'))).toMatchObject({ code: 404 });
  });

  it('stops every agent and then refuses changes', async () => {
    const { manager, agents } = setup();
    await manager.start();
    await manager.stop();
    expect([...agents.values()].every((a) => a.events.at(-1) === 'stop')).toBe(true);
    expect(await failure(manager.add({}))).toMatchObject({ code: 503 });
  });
});
