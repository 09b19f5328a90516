/**
 * Watch latency: a real daemon (`mk up --nodes 0`), 100 watchers of the
 * ConfigMaps of one namespace, each on its own watch connection, and 200
 * ConfigMap creates sent one after another, each only once every watcher has
 * received the previous one's event (so this is the latency of one event, not
 * queueing behind a backlog). A delivery's latency runs from just before the
 * create request is sent until a watcher has parsed the event: an upper bound
 * of commit → event, since it includes the request's own way to the commit.
 * The figure is the p99 over all deliveries (writes × watchers); anchors are
 * the p50 and the create's round trip (t0 → response).
 *
 * The anchor is a bare etcd (when installed) measured the same way in the
 * same run: as many watchers of a key prefix through its JSON gateway's
 * streaming `POST /v3/watch`, puts of values as large as the ConfigMap mk
 * stores, the same pacing; the ratio mk p99 / etcd p99 says what mk's watch
 * path costs beyond a store's own. All watchers live in this one bench
 * process, one Node thread parsing every stream (read the same way on both
 * sides), so the last watcher of a round waits for the others' parsing; that
 * adds to both sides equally and is part of both numbers.
 */
import { performance } from 'node:perf_hooks';
import type { ApiClient } from '@mk/client';
import type { ConfigMap } from 'kubernetes-types/core/v1';
import { startDaemon } from '../daemon';
import { startEtcd } from '../etcd';
import { FigureSkipped, type Anchor, type Figure, type FigureContext, type FigureSample } from '../figure';
import { DeliveryLog, type DeliverySummary } from './watch-latency/deliveries';
import { openEtcdWatch } from './watch-latency/etcd-watch';
import { writePaced } from './watch-latency/pacing';
import { createStreamSet, type StreamSet } from './watch-latency/streams';
import { createNamespace } from '../cluster';

const NAMESPACE = 'bench-watch';
const ETCD_PREFIX = '/bench/watch/';
const MARKER = 'watch-latency-marker';
/** A round that takes longer than this has lost an event: the figure fails rather than waits. */
const ROUND_DEADLINE_MS = 10_000;
/** The data of every ConfigMap: a small configuration file's worth. */
const PAYLOAD = 'x'.repeat(256);

interface Size {
  watchers: number;
  writes: number;
}

function size(ctx: FigureContext): Size {
  return ctx.quick ? { watchers: 20, writes: 50 } : { watchers: 100, writes: 200 };
}

const now = (): number => performance.now();
const writeKeys = (writes: number): string[] => Array.from({ length: writes }, (_, i) => `cm-${i}`);

/** Makes a round fail when a stream of `streams` fails or its deliveries take longer than the deadline. */
function guardRounds(side: string, streams: StreamSet, log: () => DeliveryLog) {
  return <T>(round: Promise<T>, key: string): Promise<T> => {
    let timer: NodeJS.Timeout | undefined;
    const late = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`${side}: ${key} reached only ${log().watchers - log().missing(key)} of ${log().watchers} watchers in ${ROUND_DEADLINE_MS / 1000} s`)), ROUND_DEADLINE_MS);
    });
    return Promise.race([round, late, streams.failed]).finally(() => clearTimeout(timer));
  };
}

/**
 * Opens the watchers and proves them established: a marker is written and
 * every watcher must receive it. Then the measured writes, on a fresh log.
 */
async function measure(side: string, watchers: number, keys: string[], open: (onDelivery: (watcher: number, key: string, t: number) => void) => Promise<StreamSet>, write: (key: string) => Promise<void>, marker: string): Promise<DeliverySummary> {
  let log = new DeliveryLog(watchers);
  const streams = await open((watcher, key, t) => log.received(watcher, key, t));
  try {
    const guard = guardRounds(side, streams, () => log);
    await writePaced({ keys: [marker], log, now, write, guard });
    log = new DeliveryLog(watchers);
    await writePaced({ keys, log, now, write, guard });
    return log.summary();
  } finally {
    streams.close();
  }
}

/** `count` watches of the namespace's ConfigMaps, one connection each; a delivery is an ADDED event. */
async function openMkWatchers(client: ApiClient, count: number, onDelivery: (watcher: number, key: string, t: number) => void): Promise<StreamSet> {
  const streams = createStreamSet();
  const opened = await Promise.allSettled(
    Array.from({ length: count }, (_, i) =>
      client.watch(`/api/v1/namespaces/${NAMESPACE}/configmaps`, {
        onEvent(e) {
          const t = now();
          if (e.type === 'ADDED') onDelivery(i, e.object.metadata?.name ?? '', t);
          else if (e.type === 'ERROR') streams.fail(new Error(`mk watch ${i}: ${JSON.stringify(e.object)}`));
        },
      }).then((handle) => (streams.add(handle, `mk watch ${i}`), handle)),
    ),
  );
  const refused = opened.find((r) => r.status === 'rejected');
  if (refused) {
    streams.close();
    throw refused.reason;
  }
  return streams;
}

/** `count` etcd watches of ETCD_PREFIX, one connection each; a delivery is a put's event. */
async function openEtcdWatchers(url: string, count: number, onDelivery: (watcher: number, key: string, t: number) => void): Promise<StreamSet> {
  const streams = createStreamSet();
  const opened = await Promise.allSettled(
    Array.from({ length: count }, (_, i) =>
      openEtcdWatch(url, ETCD_PREFIX, (keys, t) => keys.forEach((k) => onDelivery(i, k, t))).then((s) => streams.add(s, `etcd watch ${i}`)),
    ),
  );
  const refused = opened.find((r) => r.status === 'rejected');
  if (refused) {
    streams.close();
    throw refused.reason;
  }
  return streams;
}

/** The mk side; also returns the size of the ConfigMap as mk stores it, for etcd's values. */
async function measureMk(s: Size, ctx: FigureContext): Promise<{ summary: DeliverySummary; storedBytes: number }> {
  const daemon = await startDaemon({ nodes: 0, progress: (m) => ctx.progress(m) });
  try {
    const { client } = daemon;
    await createNamespace(client, NAMESPACE);
    let storedBytes = 0;
    const write = async (name: string): Promise<void> => {
      const stored = await client.request<ConfigMap>('POST', `/api/v1/namespaces/${NAMESPACE}/configmaps`, {
        body: { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name, namespace: NAMESPACE }, data: { payload: PAYLOAD } },
      });
      storedBytes = Buffer.byteLength(JSON.stringify(stored));
    };
    const summary = await measure('mk', s.watchers, writeKeys(s.writes), (onDelivery) => openMkWatchers(client, s.watchers, onDelivery), write, MARKER);
    return { summary, storedBytes };
  } finally {
    await daemon.down();
  }
}

/** The etcd side, or undefined when etcd is not installed. */
async function measureEtcd(s: Size, valueBytes: number, ctx: FigureContext): Promise<DeliverySummary | undefined> {
  let etcd;
  try {
    // One writer at a time: one keep-alive socket for the puts.
    etcd = await startEtcd(1);
  } catch (err) {
    if (!(err instanceof FigureSkipped)) throw err;
    ctx.progress(`no etcd anchor: ${err.message}`);
    return undefined;
  }
  try {
    const value = 'x'.repeat(valueBytes);
    const keys = writeKeys(s.writes).map((k) => ETCD_PREFIX + k);
    return await measure('etcd', s.watchers, keys, (onDelivery) => openEtcdWatchers(etcd.url, s.watchers, onDelivery), (key) => etcd.put(key, value), ETCD_PREFIX + MARKER);
  } finally {
    await etcd.close();
  }
}

const ms = (v: number): string => `${v.toFixed(2)} ms`;

export const watchLatency: Figure = {
  name: 'watch latency',
  workload: (ctx) => {
    const s = size(ctx);
    return `${s.writes} ConfigMap creates × ${s.watchers} watchers, paced, p99`;
  },
  unit: 'ms',
  budget: { atMost: 5 },
  async run(ctx): Promise<FigureSample> {
    const s = size(ctx);
    const { summary: mk, storedBytes } = await measureMk(s, ctx);
    ctx.progress(`mk: ${mk.deliveries} deliveries, p50 ${ms(mk.deliveryP50)}, p99 ${ms(mk.deliveryP99)}, first watcher p50 ${ms(mk.firstDeliveryP50)}, create round trip p50 ${ms(mk.roundTripP50)}`);
    const anchors: Anchor[] = [
      { label: 'delivery p50', unit: 'ms', value: mk.deliveryP50 },
      { label: 'create round trip p50', unit: 'ms', value: mk.roundTripP50 },
    ];
    const etcd = await measureEtcd(s, storedBytes, ctx);
    if (etcd) {
      ctx.progress(`etcd (${storedBytes}-byte values): ${etcd.deliveries} deliveries, p50 ${ms(etcd.deliveryP50)}, p99 ${ms(etcd.deliveryP99)}, first watcher p50 ${ms(etcd.firstDeliveryP50)}, put round trip p50 ${ms(etcd.roundTripP50)}`);
      anchors.push(
        { label: 'bare etcd delivery p99 (same watchers, writes, pacing)', unit: 'ms', value: etcd.deliveryP99 },
        { label: 'bare etcd delivery p50', unit: 'ms', value: etcd.deliveryP50 },
        { label: 'ratio mk p99/etcd p99', unit: '', value: mk.deliveryP99 / etcd.deliveryP99 },
      );
    }
    return { value: mk.deliveryP99, anchors };
  },
};
