/**
 * API writes/s: ConfigMap creates per second through a real `mk up` daemon
 * (`--nodes 0`: the API server and its controllers, no nodes, so nothing
 * else churns), from 32 concurrent clients, from the first create sent to the
 * last one answered. The anchor, measured in the same run, is a bare etcd
 * (Debian's etcd-server) taking the same number of puts from 32 concurrent
 * clients, each value the exact JSON the mk client sent for the matching
 * ConfigMap, under kube-apiserver's key `/registry/configmaps/<ns>/<name>`.
 * The figure is the ratio mk/etcd, so it says whether mk's API writes as fast
 * as the store Kubernetes itself sits on, whatever the machine's speed that day.
 * Before timing, each side takes a warm-up of 200 writes so connection (and
 * TLS) setup is not measured. Per-write latencies (p50/p99) of both sides are
 * anchors too.
 *
 * Fairness: an mk write does more than an etcd put. It goes over TLS with a
 * bearer token, through authentication, admission, defaulting and validation,
 * gets metadata (uid, resourceVersion, creationTimestamp), and commits to
 * SQLite with synchronous=NORMAL (WAL mode: durable against a process crash,
 * not against power loss until the WAL is checkpointed). etcd, plain HTTP with
 * no auth, fsyncs its WAL on every batch (raft), and its JSON gateway adds a
 * base64 and JSON↔gRPC translation per put. Both are driven by this one bench
 * process with the same concurrency and each side runs alone while measured.
 * Without etcd on PATH the figure is skipped.
 */
import { performance } from 'node:perf_hooks';
import type { ConfigMapList } from 'kubernetes-types/core/v1';
import { startDaemon, type BenchDaemon } from '../daemon';
import { startEtcd } from '../etcd';
import type { Figure, FigureContext, FigureSample } from '../figure';
import { timeWrites, writesPerSecond, writesSample } from './api-writes/timing';
import { configMapWrites, type WriteItem } from './api-writes/workload';
import { createNamespace } from '../cluster';

/** Concurrent clients on each side (the issue says 16–64). */
const CLIENTS = 32;
const WARM_UP = 200;
const NAMESPACE = 'bench-writes';

const writes = (ctx: FigureContext): number => (ctx.quick ? 500 : 5_000);
const now = () => performance.now();

export const apiWrites: Figure = {
  name: 'API writes/s',
  workload: (ctx) => `${writes(ctx).toLocaleString('en-US')} ConfigMap creates by ${CLIENTS} clients vs etcd puts`,
  unit: '×',
  budget: { atLeast: 1 },
  async run(ctx): Promise<FigureSample> {
    const warm = configMapWrites(NAMESPACE, 'warm', WARM_UP);
    const timed = configMapWrites(NAMESPACE, 'cm', writes(ctx));
    // etcd first: when it is missing, FigureSkipped leaves no daemon behind.
    const etcd = await startEtcd(CLIENTS);
    let daemon: BenchDaemon | undefined;
    try {
      daemon = await startDaemon({ nodes: 0, progress: ctx.progress });
      const { client } = daemon;
      await createNamespace(client, NAMESPACE);
      const create = (w: WriteItem) => client.request('POST', `/api/v1/namespaces/${w.namespace}/configmaps`, { body: w.json });
      await timeWrites(warm, CLIENTS, create, now);
      const mk = await timeWrites(timed, CLIENTS, create, now);
      ctx.progress(`mk: ${timed.length} ConfigMap creates in ${mk.seconds.toFixed(2)} s (${writesPerSecond(mk).toFixed(0)}/s)`);

      const put = (w: WriteItem) => etcd.put(w.key, w.json);
      await timeWrites(warm, CLIENTS, put, now);
      const bare = await timeWrites(timed, CLIENTS, put, now);
      ctx.progress(`etcd: ${timed.length} puts in ${bare.seconds.toFixed(2)} s (${writesPerSecond(bare).toFixed(0)}/s)`);

      // Both sides must hold every object written, or the rates mean nothing.
      const expected = warm.length + timed.length;
      const listed = await client.request<ConfigMapList>('GET', `/api/v1/namespaces/${NAMESPACE}/configmaps`, { query: { labelSelector: 'app=bench-writes' } });
      const stored = await etcd.rangeCount(`/registry/configmaps/${NAMESPACE}/`);
      if (listed.items.length !== expected || stored !== expected) throw new Error(`expected ${expected} ConfigMaps on each side, mk lists ${listed.items.length} and etcd holds ${stored}`);
      return writesSample(mk, bare, CLIENTS);
    } finally {
      await daemon?.down();
      await etcd.close();
    }
  },
};
