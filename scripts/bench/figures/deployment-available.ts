/**
 * Deployment to Available: a Deployment of 1,000 replicas on simulated nodes,
 * from its create until status says every replica is available — the
 * deployment and ReplicaSet controllers, the scheduler and the node agents
 * (the `fast` simulated runtime) all at work, as in the daemon. The anchor is
 * the same number of bare pods created by 16 clients in the same cluster until
 * all are seen Running, so the ratio says what the controllers add on top of
 * scheduling and starting the pods.
 */
import { performance } from 'node:perf_hooks';
import { defaultTimings } from '@mk/api';
import { createInformerFactory, type ApiClient } from '@mk/client';
import { createControllerManager } from '@mk/controllers';
import { createNodeAgent, createSimRuntime, type NodeAgent } from '@mk/node';
import { createScheduler } from '@mk/scheduler';
import { benchPod, createNamespace, inPool, startCluster } from '../cluster';
import type { Figure, FigureContext, FigureSample } from '../figure';

const CLIENTS = 16;
/** Pods per node, as a kubelet's default maxPods. */
const PODS_PER_NODE = 110;

function size(ctx: FigureContext): { replicas: number; nodes: number } {
  const replicas = ctx.quick ? 200 : 1_000;
  return { replicas, nodes: Math.ceil((replicas * 2) / PODS_PER_NODE) };
}

/** Resolves when `count` pods of the namespace are seen Running. */
async function watchRunning(client: ApiClient, namespace: string, count: number): Promise<{ done: Promise<void>; close(): void }> {
  const running = new Set<string>();
  let resolve!: () => void;
  const done = new Promise<void>((r) => (resolve = r));
  const handle = await client.watch(`/api/v1/namespaces/${namespace}/pods`, {
    query: { fieldSelector: 'status.phase=Running' },
    onEvent(e) {
      if (e.type !== 'ADDED' && e.type !== 'MODIFIED') return;
      running.add(e.object.metadata!.name!);
      if (running.size === count) resolve();
    },
  });
  return { done, close: () => handle.close() };
}

/** Resolves when the deployment reports `replicas` available for its current generation. */
async function watchAvailable(client: ApiClient, namespace: string, name: string, replicas: number): Promise<{ done: Promise<void>; close(): void }> {
  let resolve!: () => void;
  const done = new Promise<void>((r) => (resolve = r));
  const handle = await client.watch(`/apis/apps/v1/namespaces/${namespace}/deployments`, {
    query: { fieldSelector: `metadata.name=${name}` },
    onEvent(e) {
      const d = e.object as { metadata?: { generation?: number }; status?: { observedGeneration?: number; availableReplicas?: number; updatedReplicas?: number } };
      if (d.status?.observedGeneration === d.metadata?.generation && d.status?.availableReplicas === replicas && d.status?.updatedReplicas === replicas) resolve();
    },
  });
  return { done, close: () => handle.close() };
}

export const deploymentAvailable: Figure = {
  name: 'deployment to Available',
  workload: (ctx) => {
    const s = size(ctx);
    return `${s.replicas.toLocaleString('en-US')} replicas × ${s.nodes} simulated nodes`;
  },
  unit: 's',
  budget: { atMost: 5 },
  async run(ctx): Promise<FigureSample> {
    const s = size(ctx);
    const cluster = await startCluster();
    const { client } = cluster;
    const log = (m: string) => ctx.progress(m);
    const informerFactory = createInformerFactory(client, { log });
    const controllers = createControllerManager({ client, timings: defaultTimings, informerFactory, controllers: ['replicaset-controller', 'deployment-controller'], log });
    const scheduler = createScheduler({ client, timings: defaultTimings, informerFactory, log });
    const agents: NodeAgent[] = Array.from({ length: s.nodes }, (_, i) =>
      createNodeAgent({
        client,
        name: `node-${i}`,
        runtime: createSimRuntime({ preset: 'fast', podCIDR: `10.244.${i}.0/24` }),
        capacity: { cpu: '32', memory: '256Gi', pods: String(PODS_PER_NODE) },
        podCIDR: `10.244.${i}.0/24`,
        timings: defaultTimings,
        informerFactory,
        log,
      }),
    );
    try {
      await Promise.all(agents.map((a) => a.start()));
      await Promise.all([controllers.start(), scheduler.start()]);
      informerFactory.start();

      // Anchor: bare pods, created by 16 clients, until all run.
      await createNamespace(client, 'bench-pods');
      const pods = await watchRunning(client, 'bench-pods', s.replicas);
      let t = performance.now();
      const names = Array.from({ length: s.replicas }, (_, i) => `pod-${i}`);
      await inPool(names, CLIENTS, (name) => client.request('POST', '/api/v1/namespaces/bench-pods/pods', { body: benchPod(name, 'bench-pods') }));
      await pods.done;
      const bare = (performance.now() - t) / 1000;
      pods.close();
      ctx.progress(`${s.replicas} bare pods Running in ${bare.toFixed(2)} s`);

      await createNamespace(client, 'bench-deploy');
      const available = await watchAvailable(client, 'bench-deploy', 'web', s.replicas);
      const template = benchPod('x', 'bench-deploy');
      t = performance.now();
      await client.request('POST', '/apis/apps/v1/namespaces/bench-deploy/deployments', {
        body: {
          apiVersion: 'apps/v1',
          kind: 'Deployment',
          metadata: { name: 'web', namespace: 'bench-deploy' },
          spec: { replicas: s.replicas, selector: { matchLabels: { app: 'web' } }, template: { metadata: { labels: { app: 'web' } }, spec: template.spec } },
        },
      });
      await available.done;
      const deployment = (performance.now() - t) / 1000;
      available.close();
      ctx.progress(`deployment of ${s.replicas} Available in ${deployment.toFixed(2)} s`);
      return {
        value: deployment,
        anchors: [
          { label: `${s.replicas} bare pods created by ${CLIENTS} clients → Running`, unit: 's', value: bare },
          { label: 'ratio deployment/bare pods', unit: '', value: deployment / bare },
        ],
      };
    } finally {
      await Promise.all(agents.map((a) => a.stop()));
      await scheduler.stop();
      await controllers.stop();
      informerFactory.stop();
      await cluster.close();
    }
  },
};
