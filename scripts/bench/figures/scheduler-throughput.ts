/**
 * Scheduler throughput: pods bound per second by the scheduler over 1,000
 * simulated nodes (Node objects only, no agents), from scheduler start until
 * every pending pod has spec.nodeName. The anchor is the API server's raw bind
 * rate, the same number of bindings POSTed directly by 16 clients in the same
 * run, so the ratio scheduler/raw says how much of the server's speed the
 * scheduler uses, whatever the machine's speed that day.
 */
import { performance } from 'node:perf_hooks';
import { defaultTimings } from '@mk/api';
import { createEventRecorder, type ApiClient } from '@mk/client';
import { createScheduler } from '@mk/scheduler';
import { createNodes, createPods, inPool, startCluster } from '../cluster';
import type { Figure, FigureContext, FigureSample } from '../figure';

const CLIENTS = 16;

function size(ctx: FigureContext): { nodes: number; pods: number } {
  return ctx.quick ? { nodes: 100, pods: 1_000 } : { nodes: 1_000, pods: 10_000 };
}

/** Bindings per second when `pods` are bound round-robin to `nodes` by CLIENTS concurrent clients. */
async function rawBindRate(client: ApiClient, namespace: string, pods: string[], nodes: string[]): Promise<number> {
  const work = pods.map((pod, i) => ({ pod, node: nodes[i % nodes.length] }));
  const start = performance.now();
  await inPool(work, CLIENTS, ({ pod, node }) =>
    client.request('POST', `/api/v1/namespaces/${namespace}/pods/${pod}/binding`, {
      body: { apiVersion: 'v1', kind: 'Binding', metadata: { name: pod, namespace }, target: { apiVersion: 'v1', kind: 'Node', name: node } },
    }),
  );
  return pods.length / ((performance.now() - start) / 1000);
}

/** Resolves when `count` pods of namespace have been seen bound (a watch filtered to bound pods). */
async function watchBound(client: ApiClient, namespace: string, count: number): Promise<{ allBound: Promise<void>; close(): void }> {
  const bound = new Set<string>();
  let resolve!: () => void;
  const allBound = new Promise<void>((r) => (resolve = r));
  const handle = await client.watch(`/api/v1/namespaces/${namespace}/pods`, {
    query: { fieldSelector: 'spec.nodeName!=' },
    onEvent(e) {
      if (e.type !== 'ADDED' && e.type !== 'MODIFIED') return;
      bound.add(e.object.metadata!.name!);
      if (bound.size === count) resolve();
    },
  });
  return { allBound, close: () => handle.close() };
}

/** Pods per second from scheduler start until all `pods` pending pods are bound. */
async function schedulerRate(client: ApiClient, namespace: string, pods: number, ctx: FigureContext): Promise<number> {
  const watch = await watchBound(client, namespace, pods);
  // One Scheduled event per pod outruns the recorder's queue by design; count the drop notices instead of printing them.
  let recorderNotices = 0;
  const recorder = createEventRecorder(client, { component: 'default-scheduler', log: () => recorderNotices++ });
  const scheduler = createScheduler({ client, timings: defaultTimings, recorder, log: (m) => ctx.progress(`scheduler: ${m}`) });
  const start = performance.now();
  await scheduler.start();
  await watch.allBound;
  const seconds = (performance.now() - start) / 1000;
  watch.close();
  recorder.stop();
  await scheduler.stop();
  if (recorderNotices) ctx.progress(`event recorder reported ${recorderNotices} outage(s) (dropped or failed events)`);
  return pods / seconds;
}

export const schedulerThroughput: Figure = {
  name: 'scheduler throughput',
  workload: (ctx) => {
    const s = size(ctx);
    return `${s.pods.toLocaleString('en-US')} pending pods × ${s.nodes.toLocaleString('en-US')} simulated nodes`;
  },
  unit: 'pods/s',
  budget: { atLeast: 1_000 },
  async run(ctx): Promise<FigureSample> {
    const s = size(ctx);
    const cluster = await startCluster();
    try {
      const { client } = cluster;
      let t = performance.now();
      const nodes = await createNodes(client, s.nodes, CLIENTS);
      const rawPods = await createPods(client, 'bench-raw', s.pods, CLIENTS);
      ctx.progress(`${s.nodes} nodes and ${s.pods} pods created in ${((performance.now() - t) / 1000).toFixed(1)} s`);
      const raw = await rawBindRate(client, 'bench-raw', rawPods, nodes);
      t = performance.now();
      await createPods(client, 'bench-sched', s.pods, CLIENTS);
      ctx.progress(`raw binds ${Math.round(raw)}/s; ${s.pods} more pods created in ${((performance.now() - t) / 1000).toFixed(1)} s`);
      const scheduled = await schedulerRate(client, 'bench-sched', s.pods, ctx);
      ctx.progress(`scheduler ${Math.round(scheduled)} pods/s`);
      return {
        value: scheduled,
        anchors: [
          { label: 'raw bind rate (16 clients, no scheduler)', unit: 'binds/s', value: raw },
          { label: 'ratio scheduler/raw', unit: '', value: scheduled / raw },
        ],
      };
    } finally {
      await cluster.close();
    }
  },
};
