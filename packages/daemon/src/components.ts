/**
 * The cluster's components — controller manager, scheduler and one node agent
 * per node — run in the daemon as API clients of its own server with the
 * cluster token, exactly as they would from another process (over the
 * server's private Unix socket when it has one, else loopback TLS); they
 * share one informer factory so each resource is listed and watched once.
 */
import { hostname } from 'node:os';
import type { Clock, ClusterTimings } from '@mk/api';
import { createClient, createInformerFactory, createTransport, isNotFound, type ApiClient } from '@mk/client';
import { createLeaderElectedManager } from '@mk/controllers';
import { createNodeAgent, createSimRuntime } from '@mk/node';
import { createScheduler } from '@mk/scheduler';
import type { NodeSpec, RuntimeName } from './cluster/cluster-spec';
import { createNodeManager, type NodeManager } from './nodes/node-manager';

/** Where the components connect and how they behave. */
export interface ComponentsOptions {
  /** The API server URL (https://127.0.0.1:PORT). */
  server: string;
  /** The API server's Unix socket for components (plain HTTP); preferred over `server` when set. */
  socketPath?: string;
  token: string;
  caPem: string;
  nodes: NodeSpec[];
  runtime: RuntimeName;
  timings: ClusterTimings;
  clock: Clock;
  persistNodes(specs: NodeSpec[]): void;
  log(message: string): void;
}

/** The running components. */
export interface ClusterComponents {
  nodes: NodeManager;
  /** Starts every node agent, then the controllers and the scheduler; `onNodesBooted` hears when the nodes are up. */
  start(onNodesBooted?: () => void): Promise<void>;
  /** Stops them in reverse order. */
  stop(): Promise<void>;
}

async function ignoreNotFound(p: Promise<unknown>): Promise<void> {
  try {
    await p;
  } catch (err) {
    if (!isNotFound(err)) throw err;
  }
}

/** deleteNodeObjects removes a node's Node and its heartbeat Lease. */
async function deleteNodeObjects(client: ApiClient, name: string): Promise<void> {
  const n = encodeURIComponent(name);
  await ignoreNotFound(client.request('DELETE', `/api/v1/nodes/${n}`));
  await ignoreNotFound(client.request('DELETE', `/apis/coordination.k8s.io/v1/namespaces/kube-node-lease/leases/${n}`));
}

/** createClusterComponents builds everything without contacting the server; start() does. */
export function createClusterComponents(opts: ComponentsOptions): ClusterComponents {
  const client = opts.socketPath
    ? createClient({ server: 'http://localhost', token: opts.token, namespace: 'default' }, { transport: createTransport({ socketPath: opts.socketPath }) })
    : createClient({ server: opts.server, token: opts.token, caData: opts.caPem, namespace: 'default' });
  const informerFactory = createInformerFactory(client);
  const { timings, clock } = opts;
  // Leader election lets an `mk controller-manager` started against this cluster stand by instead of
  // acting twice. The identity is stable across daemon restarts, so a daemon that crashed while holding the
  // lease takes it straight back instead of waiting for it to expire.
  const controllers = createLeaderElectedManager({
    client,
    timings,
    clock,
    informerFactory,
    leaderElection: { identity: `${hostname()}_mk-daemon` },
    log: (m) => opts.log(`controller-manager: ${m}`),
  });
  const scheduler = createScheduler({ client, timings, clock, informerFactory });
  const nodes = createNodeManager(opts.nodes, {
    createAgent: (spec) =>
      createNodeAgent({
        client,
        name: spec.name,
        // Each node has its own runtime: powering one off kills only its containers.
        runtime: createSimRuntime({ preset: 'fast', clock, podCIDR: spec.podCIDR }),
        capacity: spec.capacity,
        labels: spec.labels,
        taints: spec.taints,
        controlPlane: spec.controlPlane,
        podCIDR: spec.podCIDR,
        timings,
        clock,
        informerFactory,
        log: (m) => opts.log(`node ${spec.name}: ${m}`),
      }),
    deleteNodeObjects: (name) => deleteNodeObjects(client, name),
    apiNodeNames: async () => (await client.request<{ items?: { metadata?: { name?: string } }[] }>('GET', '/api/v1/nodes')).items?.map((n) => n.metadata?.name ?? '') ?? [],
    persist: opts.persistNodes,
    defaultRuntime: opts.runtime,
    log: opts.log,
  });

  return {
    nodes,
    async start(onNodesBooted) {
      // Nodes first: `mk up` waits for them, and on one event loop the controllers' initial
      // lists would otherwise delay their registration. Nothing is lost by the order: the
      // controllers and the scheduler list everything when they start.
      await nodes.start();
      onNodesBooted?.();
      await Promise.all([controllers.start(), scheduler.start()]);
      informerFactory.start();
    },
    async stop() {
      await nodes.stop();
      await scheduler.stop();
      await controllers.stop();
      informerFactory.stop();
    },
  };
}
