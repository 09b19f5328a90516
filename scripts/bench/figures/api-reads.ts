/**
 * API reads, on a real daemon (`mk up --nodes 0`) holding 10,000 pods in one
 * namespace, created beforehand by 32 concurrent clients.
 *
 * - The figure: p99 latency of getting one pod, 2,000 sequential GETs through
 *   the @mk/client ApiClient after 100 untimed warm-up GETs, each timed from
 *   the request to its body parsed.
 * - Second bound (anchor with its own budget): listing the namespace's pods,
 *   timed from the request until the whole body is received and parsed, which
 *   is what kubectl waits for; the median of 5 lists after 1 warm-up, each
 *   checked to hold exactly the pods created.
 * - Anchors from a bare etcd 3.4 in the same run, when installed: the same
 *   pod JSON bodies (as the API returned them from create) put under
 *   /registry/pods/<ns>/<name>, as Kubernetes keeps them; get-one p50/p99
 *   with the same sequential method and counts, and a prefix range of all the
 *   values (median of 5 after 1 warm-up), plus the ratios mk/etcd.
 *
 * The reads are measured on a settled server. The pods name a scheduler that
 * does not run (spec.schedulerName), so they stay Pending untouched: with the
 * default scheduler and no node, each pod would get a FailedScheduling event
 * and a PodScheduled=False status write, several seconds of daemon CPU per
 * 1,000 pods right after the creates, which would be measured instead of the
 * reads (and the stored pods would no longer be the bodies given to etcd).
 * Before measuring, the figure also waits for the daemon's CPU to fall quiet.
 *
 * Caveats: mk is reached over TLS with a bearer token (the cluster's own
 * kubeconfig), etcd over its plain-HTTP JSON gateway; mk's list includes
 * parsing every pod in the client, while etcd's range parses only the
 * gateway's envelope (values stay base64), so etcd is the floor of a store
 * read, not an API server. etcd is started first, so whether it is present
 * (and so which anchors exist) is settled for the whole run; it sits idle
 * while mk is measured, and mk's daemon is stopped before etcd is measured.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import { performance } from 'node:perf_hooks';
import type { ApiClient } from '@mk/client';
import type { Pod, PodList } from 'kubernetes-types/core/v1';
import { createNamespace, benchPod, inPool } from '../cluster';
import { startDaemon } from '../daemon';
import { startEtcd, type BenchEtcd } from '../etcd';
import { FigureSkipped, type Figure, type FigureContext, type FigureSample } from '../figure';
import { readAnchors, type ReadTimes } from './api-reads/anchors';
import { cpuPercentOfOneCore } from '../proc/cpu';
import { clockTicksPerSecond, readProcStat } from '../proc/read';
import { cpuTicks } from '../proc/stat';
import { expectCount, getLatency, medianOf, timeSequential, type SequentialCounts } from './api-reads/timing';

const CLIENTS = 32;
const NAMESPACE = 'bench-reads';
const LISTS: SequentialCounts = { warmup: 1, samples: 5 };
const now = () => performance.now();
/** A scheduler name nothing serves, so the pods stay Pending and are never written again. */
const NO_SCHEDULER = 'bench-no-scheduler';
/** Settled: the daemon used under this share of one core over one QUIET_WINDOW_MS. */
const QUIET_SHARE = 0.05;
const QUIET_WINDOW_MS = 500;
/** Measure anyway after this long, saying so: a daemon that never settles is a finding, not a reason to hang. */
const QUIET_TIMEOUT_MS = 30_000;

function size(ctx: FigureContext): { pods: number; gets: SequentialCounts } {
  return ctx.quick ? { pods: 1_000, gets: { warmup: 100, samples: 300 } } : { pods: 10_000, gets: { warmup: 100, samples: 2_000 } };
}

function pendingPod(name: string): Pod {
  const pod = benchPod(name, NAMESPACE);
  return { ...pod, spec: { ...pod.spec!, schedulerName: NO_SCHEDULER } };
}

/** Waits until the daemon uses almost no CPU (informers and the store done with the creates). */
async function settle(pid: number, ctx: FigureContext): Promise<void> {
  const ticks = () => cpuTicks(readProcStat(pid));
  const perSecond = clockTicksPerSecond();
  const start = now();
  for (;;) {
    const [t0, c0] = [now(), ticks()];
    await sleep(QUIET_WINDOW_MS);
    const share = cpuPercentOfOneCore(ticks() - c0, perSecond, (now() - t0) / 1000) / 100;
    if (share < QUIET_SHARE) return ctx.progress(`daemon quiet after ${((now() - start) / 1000).toFixed(1)} s`);
    if (now() - start > QUIET_TIMEOUT_MS) return ctx.progress(`daemon still busy (${(share * 100).toFixed(0)} % of a core) after ${QUIET_TIMEOUT_MS / 1000} s; measuring anyway`);
  }
}

/** Creates the namespace and its pods; returns each pod's JSON as the API answered the create. */
async function createPods(client: ApiClient, pods: number): Promise<Map<string, string>> {
  await createNamespace(client, NAMESPACE);
  const names = Array.from({ length: pods }, (_, i) => `pod-${i}`);
  const bodies = new Map<string, string>();
  await inPool(names, CLIENTS, async (name) => {
    const created = await client.request('POST', `/api/v1/namespaces/${NAMESPACE}/pods`, { body: pendingPod(name) });
    bodies.set(name, JSON.stringify(created));
  });
  return bodies;
}

async function measureMk(client: ApiClient, pods: number, gets: SequentialCounts, one: string): Promise<ReadTimes> {
  const get = getLatency(await timeSequential(() => client.request('GET', `/api/v1/namespaces/${NAMESPACE}/pods/${one}`), gets, now));
  const lists = await timeSequential(
    async () => {
      const list = await client.request<PodList>('GET', `/api/v1/namespaces/${NAMESPACE}/pods`);
      expectCount('mk list', list.items.length, pods);
    },
    LISTS,
    now,
  );
  return { get, listMs: medianOf(lists) };
}

const registryKey = (name: string) => `/registry/pods/${NAMESPACE}/${name}`;

async function measureEtcd(etcd: BenchEtcd, bodies: Map<string, string>, gets: SequentialCounts, one: string, ctx: FigureContext): Promise<ReadTimes> {
  const t = now();
  await inPool([...bodies], CLIENTS, ([name, body]) => etcd.put(registryKey(name), body));
  ctx.progress(`${bodies.size} pods put into etcd by ${CLIENTS} clients in ${((now() - t) / 1000).toFixed(2)} s`);
  const get = getLatency(await timeSequential(() => etcd.get(registryKey(one)), gets, now));
  const ranges = await timeSequential(async () => expectCount('etcd range', await etcd.rangeCount(`/registry/pods/${NAMESPACE}/`), bodies.size), LISTS, now);
  return { get, listMs: medianOf(ranges) };
}

/** A bare etcd when installed; undefined (so no etcd anchors) when it is not. */
async function etcdIfInstalled(ctx: FigureContext): Promise<BenchEtcd | undefined> {
  try {
    return await startEtcd(CLIENTS);
  } catch (err) {
    if (!(err instanceof FigureSkipped)) throw err;
    ctx.progress(`no etcd anchors: ${err.message}`);
    return undefined;
  }
}

const ms = (v: number) => `${v.toFixed(2)} ms`;

export const apiReads: Figure = {
  name: 'API reads',
  workload: (ctx) => {
    const s = size(ctx);
    return `get one pod p99 (${s.gets.samples.toLocaleString('en-US')} sequential GETs); list ${s.pods.toLocaleString('en-US')} pods`;
  },
  unit: 'ms',
  budget: { atMost: 5 },
  async run(ctx): Promise<FigureSample> {
    const { pods, gets } = size(ctx);
    const one = `pod-${Math.floor(pods / 2)}`;
    const etcd = await etcdIfInstalled(ctx);
    try {
      const daemon = await startDaemon({ nodes: 0, progress: ctx.progress });
      let bodies: Map<string, string>;
      let mk: ReadTimes;
      try {
        const t = now();
        bodies = await createPods(daemon.client, pods);
        ctx.progress(`${pods} pods created by ${CLIENTS} clients in ${((now() - t) / 1000).toFixed(2)} s`);
        await settle(daemon.pid, ctx);
        mk = await measureMk(daemon.client, pods, gets, one);
        ctx.progress(`mk: get p50 ${ms(mk.get.p50)}, p99 ${ms(mk.get.p99)}; list ${pods} pods ${ms(mk.listMs)}`);
      } finally {
        await daemon.down();
      }
      let bare: ReadTimes | undefined;
      if (etcd) {
        bare = await measureEtcd(etcd, bodies, gets, one, ctx);
        ctx.progress(`etcd: get p50 ${ms(bare.get.p50)}, p99 ${ms(bare.get.p99)}; range of ${pods} values ${ms(bare.listMs)}`);
      }
      return { value: mk.get.p99, anchors: readAnchors(pods, mk, bare) };
    } finally {
      await etcd?.close();
    }
  },
};
