/**
 * Timing of concurrent writes (pure but for the injected clock and write):
 * the wall time of the whole batch and each write's own latency, and the
 * figure's sample built from one such timing per side.
 */
import { inPool } from '../../cluster';
import type { FigureSample } from '../../figure';
import { percentile } from '../../stats';

/** What one batch of writes took. */
export interface WriteTiming {
  count: number;
  /** From the first write sent to the last one answered. */
  seconds: number;
  /** Each write's latency, request sent → answer received, in ms. */
  latenciesMs: number[];
}

/** Runs `write` over items with `concurrency` in flight; `now` is a millisecond clock (performance.now in the figure). */
export async function timeWrites<T>(items: readonly T[], concurrency: number, write: (item: T) => Promise<unknown>, now: () => number): Promise<WriteTiming> {
  const latenciesMs: number[] = [];
  const start = now();
  await inPool(items, concurrency, async (item) => {
    const t = now();
    await write(item);
    latenciesMs.push(now() - t);
  });
  return { count: items.length, seconds: (now() - start) / 1000, latenciesMs };
}

/** Writes per second of a timing. */
export function writesPerSecond(t: WriteTiming): number {
  if (t.count === 0 || t.seconds <= 0) throw new Error(`cannot rate ${t.count} writes in ${t.seconds} s`);
  return t.count / t.seconds;
}

/** The figure's sample: mk's rate over etcd's, both rates and both sides' p50/p99 latencies as anchors. */
export function writesSample(mk: WriteTiming, etcd: WriteTiming, clients: number): FigureSample {
  const mkRate = writesPerSecond(mk);
  const etcdRate = writesPerSecond(etcd);
  return {
    value: mkRate / etcdRate,
    anchors: [
      { label: `mk API writes/s (${clients} clients, ConfigMap creates over TLS)`, unit: 'writes/s', value: mkRate },
      { label: `bare etcd puts/s (${clients} clients, JSON gateway)`, unit: 'puts/s', value: etcdRate },
      { label: 'mk create latency p50', unit: 'ms', value: percentile(mk.latenciesMs, 50) },
      { label: 'mk create latency p99', unit: 'ms', value: percentile(mk.latenciesMs, 99) },
      { label: 'etcd put latency p50', unit: 'ms', value: percentile(etcd.latenciesMs, 50) },
      { label: 'etcd put latency p99', unit: 'ms', value: percentile(etcd.latenciesMs, 99) },
    ],
  };
}
