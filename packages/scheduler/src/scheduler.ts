/**
 * createScheduler: the kube-scheduler of mk. Watches nodes, pods and
 * namespaces through (possibly shared) informers, keeps the scheduling queue
 * and the node-info cache, and binds pending pods of its schedulerName to
 * nodes through the API, as upstream's default profile would.
 */
import { realClock, type ClusterTimings, type Clock } from '@mk/api';
import { createEventRecorder, createInformerFactory, type ApiClient, type EventRecorder, type Informer, type InformerFactory } from '@mk/client';
import type { Pod } from 'kubernetes-types/core/v1';
import { Limiter } from '@mk/client';
import { SchedulerCache } from './cache/scheduler-cache';
import { SchedulingAlgorithm } from './core/schedule-pod';
import { nodeEventHandlers, podEventHandlers } from './event-handlers';
import { DEFAULT_SCHEDULER_NAME, defaultProfile, eventRegistrations } from './plugins/registry';
import { Nominator } from './queue/nominator';
import { SchedulingQueue } from './queue/scheduling-queue';
import { PodScheduler } from './schedule-one';

export interface SchedulerOptions {
  client: ApiClient;
  /** podInitialBackoffMs / podMaxBackoffMs drive the per-pod backoff. */
  timings: Pick<ClusterTimings, 'podInitialBackoffMs' | 'podMaxBackoffMs'>;
  clock?: Clock;
  /** spec.schedulerName this scheduler serves, and the events' source (default `default-scheduler`). */
  name?: string;
  /** Bindings in flight at most (default 16). */
  parallelBinds?: number;
  /** Share informers with the rest of the daemon; the caller owns (and stops) it. */
  informerFactory?: InformerFactory;
  /** Defaults to a recorder with component = name. */
  recorder?: EventRecorder;
  /** podMaxInUnschedulablePodsDuration (default 5 min). */
  podMaxInUnschedulablePodsDurationMs?: number;
  /** How often that is checked (default 30 s). */
  unschedulableFlushIntervalMs?: number;
  /** percentageOfNodesToScore (default 0: adaptive). */
  percentageOfNodesToScore?: number;
  /** Tie-breaking among equally scored nodes (default Math.random). */
  random?: () => number;
  log?: (message: string) => void;
}

export interface Scheduler {
  /** Starts the informers, waits for them to sync, then starts scheduling. */
  start(): Promise<void>;
  /** Stops scheduling and waits for bindings and writes in flight. */
  stop(): Promise<void>;
}

/** Pods scheduled between yields to the event loop, so informer events and binding replies keep flowing. */
const PODS_PER_TURN = 32;

const CORE = { group: '', version: 'v1' };

/** Creates a scheduler; nothing runs until start(). */
export function createScheduler(opts: SchedulerOptions): Scheduler {
  const clock = opts.clock ?? realClock;
  const name = opts.name ?? DEFAULT_SCHEDULER_NAME;
  const log = opts.log ?? ((m: string) => console.warn(`scheduler: ${m}`));
  const random = opts.random ?? Math.random;
  const ownFactory = !opts.informerFactory;
  const factory = opts.informerFactory ?? createInformerFactory(opts.client, { clock });
  const ownRecorder = !opts.recorder;
  const recorder = opts.recorder ?? createEventRecorder(opts.client, { component: name, clock });

  const profile = { ...defaultProfile(name), percentageOfNodesToScore: opts.percentageOfNodesToScore };
  const queue = new SchedulingQueue({
    clock,
    podInitialBackoffMs: opts.timings.podInitialBackoffMs,
    podMaxBackoffMs: opts.timings.podMaxBackoffMs,
    podMaxInUnschedulablePodsDurationMs: opts.podMaxInUnschedulablePodsDurationMs,
    unschedulableFlushIntervalMs: opts.unschedulableFlushIntervalMs,
    registrations: eventRegistrations(profile),
  });
  const nominator = new Nominator();
  const binds = new Limiter(opts.parallelBinds ?? 16);
  const writes = new Limiter(opts.parallelBinds ?? 16);

  let started = false;
  let stopped = false;
  let loopDone: Promise<void> | undefined;

  async function loop(podScheduler: PodScheduler): Promise<void> {
    let turn = 0;
    while (!stopped) {
      // Backpressure: no new pod is placed while every binding slot is busy.
      await binds.slot();
      if (stopped) break;
      const q = queue.pop();
      if (!q) {
        await queue.waitForPod();
        continue;
      }
      try {
        await podScheduler.scheduleOne(q);
      } catch (e) {
        log(`scheduling ${q.podInfo.key}: ${(e as Error).stack ?? e}`);
        queue.addUnschedulable(q, new Set());
      }
      if (++turn >= PODS_PER_TURN) {
        turn = 0;
        await new Promise((resolve) => setImmediate(resolve));
      }
    }
  }

  return {
    async start() {
      if (started) throw new Error('scheduler already started');
      started = true;
      const nodes = factory.informerFor({ ...CORE, plural: 'nodes' });
      const pods = factory.informerFor({ ...CORE, plural: 'pods' });
      const namespaces = factory.informerFor({ ...CORE, plural: 'namespaces' });
      const informers: Informer[] = [nodes, pods, namespaces];
      const cache = new SchedulerCache((ns) => namespaces.lister.get(ns)?.metadata?.labels);
      nodes.addHandlers(nodeEventHandlers({ cache, queue }));
      pods.addHandlers(podEventHandlers({ cache, queue, nominator, schedulerName: name }));
      if (ownFactory) factory.start();
      else for (const i of informers) i.start();
      await Promise.all(informers.map((i) => i.synced()));
      if (stopped) return;

      const podScheduler = new PodScheduler({
        client: opts.client,
        algorithm: new SchedulingAlgorithm(profile, nominator, random),
        cache,
        queue,
        nominator,
        binds,
        writes,
        recorder,
        clock,
        currentPod: (key) => pods.lister.get(key) as unknown as Pod | undefined,
        schedulerName: name,
        random,
        log,
      });
      queue.run();
      loopDone = loop(podScheduler);
    },

    async stop() {
      stopped = true;
      queue.close();
      await loopDone;
      await binds.idle();
      await writes.idle();
      if (ownFactory) factory.stop();
      if (ownRecorder) {
        await recorder.flush();
        recorder.stop();
      }
    },
  };
}
