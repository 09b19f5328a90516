/**
 * The node manager owns the daemon's node agents: it starts them, adds and
 * removes nodes at run time, powers them off and on, and persists the node
 * list so a restarted daemon brings back the same nodes. Changes are
 * serialized, so two concurrent `mk node add` never pick the same name.
 */
import type { Taint } from 'kubernetes-types/core/v1';
import { nextPodCIDR, nextWorkerName, type NodeCapacity, type NodeSpec, type RuntimeName } from '../cluster/cluster-spec';
import { InvalidNodeRequest, nodeSpecFromRequest, type AddNodeRequest } from './add-request';

/** What the manager needs of a node agent (@mk/node's NodeAgent). */
export interface ManagedAgent {
  readonly name: string;
  start(): unknown;
  stop(): unknown;
  powerOff(): unknown;
  powerOn(): unknown;
}

/** A node as `GET /mk/v1/nodes` shows it. */
export interface NodeInfo {
  name: string;
  power: 'on' | 'off';
  /** The agent has booted: registered its Node and heartbeats (a Ready condition from before a restart is stale until then). */
  booted: boolean;
  runtime: RuntimeName;
  controlPlane: boolean;
  labels: Record<string, string>;
  taints: Taint[];
  capacity: NodeCapacity;
}

/** A failure the control API reports as a Kubernetes Status. */
export class NodeManagerError extends Error {
  constructor(
    readonly code: number,
    readonly reason: string,
    message: string,
    readonly details: { name?: string; kind?: string; causes?: { field?: string; message: string; reason?: string }[] } = {},
  ) {
    super(message);
    this.name = 'NodeManagerError';
  }
}

/** The manager's collaborators: agent construction and API cleanup are injected, so the manager is tested without a cluster. */
export interface NodeManagerDeps {
  createAgent(spec: NodeSpec): ManagedAgent;
  /** Deletes the Node and its Lease; absent objects are fine. */
  deleteNodeObjects(name: string): Promise<void>;
  /** Names of the Node objects in the API (nodes joined from elsewhere included). */
  apiNodeNames(): Promise<string[]>;
  /** Saves the node list (config.json). */
  persist(specs: NodeSpec[]): void;
  defaultRuntime: RuntimeName;
  log(message: string): void;
}

/** The result of a power change: the node, and whether its power state changed. */
export interface PowerChange {
  node: NodeInfo;
  changed: boolean;
}

/** The daemon's nodes. */
export interface NodeManager {
  list(): NodeInfo[];
  add(request: AddNodeRequest): Promise<NodeInfo>;
  remove(name: string): Promise<NodeInfo>;
  powerOff(name: string): Promise<PowerChange>;
  powerOn(name: string): Promise<PowerChange>;
  /** Starts every agent (concurrently). */
  start(): Promise<void>;
  /** Stops every agent; the manager accepts no changes afterwards. */
  stop(): Promise<void>;
}

interface Entry {
  spec: NodeSpec;
  agent: ManagedAgent;
  /** The power switch: on from the start (also while the agent is still booting), off after powerOff. */
  switchedOn: boolean;
  booted: boolean;
}

const notFound = (name: string) => new NodeManagerError(404, 'NotFound', `nodes ${JSON.stringify(name)} not found`, { name, kind: 'nodes' });

function invalid(name: string, err: InvalidNodeRequest): NodeManagerError {
  const causes = err.messages.map((m) => {
    const i = m.indexOf(': ');
    return { reason: 'FieldValueInvalid', field: m.slice(0, i), message: m.slice(i + 2) };
  });
  const text = err.messages.length === 1 ? err.messages[0] : `[${err.messages.join(', ')}]`;
  return new NodeManagerError(422, 'Invalid', `Node ${JSON.stringify(name)} is invalid: ${text}`, { name, kind: 'Node', causes });
}

function info(e: Entry): NodeInfo {
  return {
    name: e.spec.name,
    power: e.switchedOn ? 'on' : 'off',
    booted: e.booted,
    runtime: e.spec.runtime,
    controlPlane: !!e.spec.controlPlane,
    labels: e.spec.labels ?? {},
    taints: e.spec.taints ?? [],
    capacity: e.spec.capacity ?? {},
  };
}

/** createNodeManager builds agents for `specs` (not started yet: call start()). */
export function createNodeManager(specs: NodeSpec[], deps: NodeManagerDeps): NodeManager {
  const entries = new Map<string, Entry>();
  for (const spec of specs) entries.set(spec.name, { spec, agent: deps.createAgent(spec), switchedOn: true, booted: false });
  let stopped = false;
  let queue: Promise<unknown> = Promise.resolve();

  /** Runs changes one at a time. */
  const serialized = <T>(fn: () => Promise<T>): Promise<T> => {
    const run = queue.then(() => {
      if (stopped) throw new NodeManagerError(503, 'ServiceUnavailable', 'the cluster is shutting down');
      return fn();
    });
    queue = run.catch(() => undefined);
    return run;
  };
  const entry = (name: string): Entry => {
    const e = entries.get(name);
    if (!e) throw notFound(name);
    return e;
  };
  const persist = (): void => deps.persist([...entries.values()].map((e) => e.spec));

  return {
    list: () => [...entries.values()].map(info),

    add: (request) =>
      serialized(async () => {
        const used = new Set([...entries.keys(), ...(await deps.apiNodeNames())]);
        const name = request.name ?? nextWorkerName(used);
        if (used.has(name)) throw new NodeManagerError(409, 'AlreadyExists', `nodes ${JSON.stringify(name)} already exists`, { name, kind: 'nodes' });
        let spec: NodeSpec;
        try {
          spec = { ...nodeSpecFromRequest(request, name, deps.defaultRuntime), podCIDR: nextPodCIDR([...entries.values()].map((x) => x.spec)) };
        } catch (err) {
          if (err instanceof InvalidNodeRequest) throw invalid(name, err);
          throw err;
        }
        const e: Entry = { spec, agent: deps.createAgent(spec), switchedOn: true, booted: false };
        entries.set(name, e);
        try {
          await e.agent.start();
          e.booted = true;
        } catch (err) {
          entries.delete(name);
          await Promise.resolve(e.agent.stop()).catch(() => undefined);
          throw err;
        }
        persist();
        deps.log(`node ${name} added`);
        return info(e);
      }),

    remove: (name) =>
      serialized(async () => {
        const e = entry(name);
        await e.agent.stop();
        entries.delete(name);
        persist();
        await deps.deleteNodeObjects(name);
        deps.log(`node ${name} removed`);
        e.switchedOn = false;
        e.booted = false;
        return info(e);
      }),

    powerOff: (name) =>
      serialized(async () => {
        const e = entry(name);
        if (!e.switchedOn) return { node: info(e), changed: false };
        e.switchedOn = false;
        e.booted = false;
        await e.agent.powerOff();
        deps.log(`node ${name} powered off`);
        return { node: info(e), changed: true };
      }),

    powerOn: (name) =>
      serialized(async () => {
        const e = entry(name);
        if (e.switchedOn) return { node: info(e), changed: false };
        e.switchedOn = true;
        await e.agent.powerOn();
        e.booted = true;
        deps.log(`node ${name} powered on`);
        return { node: info(e), changed: true };
      }),

    start: async () => {
      await Promise.all(
        [...entries.values()].map(async (e) => {
          await e.agent.start();
          e.booted = true;
        }),
      );
    },

    stop: async () => {
      stopped = true;
      await queue;
      await Promise.all([...entries.values()].map((e) => e.agent.stop()));
    },
  };
}
