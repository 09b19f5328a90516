/**
 * Pod startup, simulated: a real `mk up` daemon (scheduler and node agents on
 * the `fast` simulated runtime) takes 1,000 pod creates at a steady 100 per
 * second, and each pod is timed from just before its create request is sent
 * to the first watch event that shows it Running — upstream's pod startup SLO
 * (scheduled, started, observed via watch; p99 ≤ 5 s there, ≤ 1 s here). The
 * value is the p99 of those latencies. The creates follow an absolute
 * schedule and are not awaited one by one (an open loop), so a slow server
 * shows up as latency, not as a slower rate.
 *
 * Anchors: the p50 and max startup latency (the shape beside the tail); the
 * create round trip p50 (the API write's share of a startup); create → bound
 * p50 (the scheduler's share; the rest is the node agent and its status
 * write); the daemon's CPU over the run in cores (near the core count, the
 * daemon was starved of CPU rather than waiting on itself); and the create
 * rate the bench achieved with its worst lag behind the schedule (proof that
 * the load was the one asked for).
 */
import { performance } from 'node:perf_hooks';
import type { ApiClient, WatchEventJSON } from '@mk/client';
import type { Pod } from 'kubernetes-types/core/v1';
import { createNamespace, benchPod } from '../cluster';
import { startDaemon } from '../daemon';
import type { Figure, FigureContext, FigureSample } from '../figure';
import { clockTicksPerSecond, readProcStat } from '../proc/read';
import { cpuTicks } from '../proc/stat';
import { StartupLedger } from './pod-startup/latency';
import { runPaced, type PacingClock, type PacingReport } from './pod-startup/pacing';

const NAMESPACE = 'bench-startup';
/** 100 creates per second. */
const INTERVAL_MS = 10;
/** How long to wait, after the last create was sent, for every pod to run. */
const DEADLINE_MS = 60_000;

/** Workers × 110 pods each must hold every pod (mk up's count includes the tainted control plane). */
function size(ctx: FigureContext): { pods: number; nodes: number } {
  return ctx.quick ? { pods: 200, nodes: 3 } : { pods: 1_000, nodes: 11 };
}

const monotonic: PacingClock = {
  now: () => performance.now(),
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
};

/**
 * Watches the namespace's pods into the ledger. `allRunning` resolves when the
 * ledger is complete and rejects if the watch ends or reports an error first.
 */
async function watchStartup(client: ApiClient, ledger: StartupLedger): Promise<{ allRunning: Promise<void>; close(): void }> {
  let resolve!: () => void;
  let reject!: (err: Error) => void;
  const allRunning = new Promise<void>((res, rej) => ((resolve = res), (reject = rej)));
  // Marked handled: it is awaited only after the creates, and may settle before (or never be awaited, if a create fails).
  allRunning.catch(() => {});
  let closed = false;
  const handle = await client.watch(`/api/v1/namespaces/${NAMESPACE}/pods`, {
    onEvent(e: WatchEventJSON) {
      const at = performance.now();
      if (e.type === 'ERROR') return reject(new Error(`the pod watch reported an error: ${JSON.stringify(e.object)}`));
      if (e.type !== 'ADDED' && e.type !== 'MODIFIED') return;
      const pod = e.object as Pod;
      if (ledger.observed(pod.metadata!.name!, { phase: pod.status?.phase, bound: Boolean(pod.spec?.nodeName) }, at) && ledger.allRunning) resolve();
    },
  });
  handle.done.then(
    () => closed || reject(new Error(`the pod watch ended early: ${ledger.describeMissing()}`)),
    (err: unknown) => reject(new Error(`the pod watch failed: ${String(err)}`)),
  );
  return {
    allRunning,
    close() {
      closed = true;
      handle.close();
    },
  };
}

/** Rejects after ms with what is still missing; the timer is cleared by the returned cancel. */
function deadline(ms: number, ledger: StartupLedger): { expired: Promise<never>; cancel(): void } {
  let timer: NodeJS.Timeout | undefined;
  const expired = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${ledger.describeMissing()} within ${ms / 1000} s of the last create`)), ms);
  });
  return { expired, cancel: () => clearTimeout(timer) };
}

/**
 * Creates the pods on the pacing schedule, each create's t0 and response time
 * into the ledger; resolves once every create has answered.
 */
async function createPaced(client: ApiClient, names: string[], ledger: StartupLedger): Promise<{ pacing: PacingReport; peakInFlight: number; failures: string[] }> {
  const path = `/api/v1/namespaces/${NAMESPACE}/pods`;
  const failures: string[] = [];
  const creates: Promise<void>[] = [];
  // Over HTTP/1.1 every create in flight holds its own connection: a peak far above 1 means the server fell behind.
  let inFlight = 0;
  let peakInFlight = 0;
  const pacing = await runPaced(names.length, INTERVAL_MS, monotonic, (i) => {
    const name = names[i];
    const body = benchPod(name, NAMESPACE);
    peakInFlight = Math.max(peakInFlight, ++inFlight);
    ledger.sent(name, performance.now());
    creates.push(
      client
        .request('POST', path, { body })
        .then(
          () => ledger.created(name, performance.now()),
          (err: unknown) => void failures.push(`${name}: ${err instanceof Error ? err.message : String(err)}`),
        )
        .finally(() => inFlight--),
    );
  });
  await Promise.all(creates);
  return { pacing, peakInFlight, failures };
}

export const podStartup: Figure = {
  name: 'pod startup, simulated',
  workload: (ctx) => {
    const s = size(ctx);
    return `${s.pods.toLocaleString('en-US')} pods at ${1000 / INTERVAL_MS}/s, create → Running seen by watch, ${s.nodes - 1} workers`;
  },
  unit: 's',
  budget: { atMost: 1 },
  async run(ctx): Promise<FigureSample> {
    const s = size(ctx);
    const daemon = await startDaemon({ nodes: s.nodes, progress: ctx.progress });
    const { client } = daemon;
    let watch: { allRunning: Promise<void>; close(): void } | undefined;
    try {
      await createNamespace(client, NAMESPACE);
      const names = Array.from({ length: s.pods }, (_, i) => `pod-${i}`);
      const ledger = new StartupLedger(names);
      watch = await watchStartup(client, ledger);

      const ticksPerSecond = clockTicksPerSecond();
      const cpuAtStart = cpuTicks(readProcStat(daemon.pid));
      const wallAtStart = performance.now();
      const { pacing, peakInFlight, failures } = await createPaced(client, names, ledger);
      ctx.progress(
        `${s.pods} creates sent at ${pacing.ratePerSecond.toFixed(1)}/s; worst lag behind schedule ${pacing.maxLagMs.toFixed(1)} ms, at most ${peakInFlight} in flight` +
          (pacing.lateCount ? `, ${pacing.lateCount} creates more than ${INTERVAL_MS} ms late (the bench fell behind)` : ''),
      );
      if (failures.length) throw new Error(`${failures.length} of ${s.pods} pod creates failed, first: ${failures[0]}`);

      const limit = deadline(DEADLINE_MS, ledger);
      try {
        await Promise.race([watch.allRunning, limit.expired]);
      } finally {
        limit.cancel();
      }
      const daemonCores = (cpuTicks(readProcStat(daemon.pid)) - cpuAtStart) / ticksPerSecond / ((performance.now() - wallAtStart) / 1000);
      const m = ledger.summary();
      ctx.progress(
        `startup p50 ${(m.startupP50Ms / 1000).toFixed(3)} s, p99 ${(m.startupP99Ms / 1000).toFixed(3)} s, max ${(m.startupMaxMs / 1000).toFixed(3)} s; ` +
          `create round trip p50 ${m.createRoundTripP50Ms.toFixed(1)} ms, create → bound p50 ${(m.boundP50Ms / 1000).toFixed(3)} s; daemon CPU ${daemonCores.toFixed(2)} cores`,
      );
      return {
        value: m.startupP99Ms / 1000,
        anchors: [
          { label: 'startup p50', unit: 's', value: m.startupP50Ms / 1000 },
          { label: 'startup max', unit: 's', value: m.startupMaxMs / 1000 },
          { label: 'create round trip p50', unit: 'ms', value: m.createRoundTripP50Ms },
          { label: 'create → bound p50 (scheduler share)', unit: 's', value: m.boundP50Ms / 1000 },
          { label: 'daemon CPU, first create → last Running', unit: 'cores', value: daemonCores },
          { label: 'creates sent per second (target 100)', unit: 'pods/s', value: pacing.ratePerSecond },
          { label: 'worst create lag behind schedule', unit: 'ms', value: pacing.maxLagMs },
        ],
      };
    } finally {
      watch?.close();
      await daemon.down();
    }
  },
};
