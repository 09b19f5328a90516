/**
 * The controller manager: builds the selected controllers on one shared
 * informer factory, attaches their handlers, starts the informers, waits for
 * the caches to sync, then runs every controller's workers. stop() shuts the
 * queues down, waits for in-flight reconciles, flushes events and stops the
 * informers it owns.
 */
import { realClock, type Clock, type ClusterTimings } from '@mk/api';
import { createEventRecorder, createInformerFactory, type ApiClient, type EventRecorder, type InformerFactory } from '@mk/client';
import { wireReconciler, type WiredReconciler } from './framework/run-reconciler';
import { selectControllers } from './framework/select';
import type { ControllerContext, ControllerDefinition, EventSink } from './framework/types';
import { builtinControllers } from './registry';

export interface ControllerManagerOptions {
  client: ApiClient;
  timings: ClusterTimings;
  clock?: Clock;
  /** kube-controller-manager's --controllers: `*` (default), `name`, `-name`. */
  controllers?: string[];
  /** Share informers with other components of the process; the manager then leaves stopping it to its owner. */
  informerFactory?: InformerFactory;
  /** Where controllers report failures (default console.warn). */
  log?: (message: string) => void;
  /** The controllers to choose from (default: every built-in one). */
  available?: readonly ControllerDefinition[];
}

export interface ControllerManager {
  /** Names of the controllers this manager runs. */
  readonly controllers: readonly string[];
  /** Resolves once caches are synced and workers run. */
  start(): Promise<void>;
  /** Resolves once workers have finished and events are flushed. */
  stop(): Promise<void>;
}

/** How long stop() waits for queued events to be written. */
const EVENT_FLUSH_GRACE_MS = 5_000;

/** Creates a manager for the selected controllers; throws for unknown controller names. */
export function createControllerManager(opts: ControllerManagerOptions): ControllerManager {
  const clock = opts.clock ?? realClock;
  const log = opts.log ?? ((m: string) => console.warn(`controller-manager: ${m}`));
  const selected = selectControllers(opts.available ?? builtinControllers, opts.controllers ?? ['*']);
  const ownsFactory = !opts.informerFactory;
  const informers = opts.informerFactory ?? createInformerFactory(opts.client, { clock, log });
  const recorders = new Map<string, EventRecorder>();
  let wired: WiredReconciler[] = [];
  let running: Promise<void>[] = [];
  let state: 'new' | 'started' | 'stopped' = 'new';

  const events = (component: string): EventSink => {
    let recorder = recorders.get(component);
    if (!recorder) recorders.set(component, (recorder = createEventRecorder(opts.client, { component, clock, log })));
    const r = recorder;
    return (e) => r.event(e.regarding, e.type, e.reason, e.message);
  };
  const ctx: ControllerContext = { client: opts.client, clock, timings: opts.timings, informers, events, log };

  return {
    controllers: selected.map((d) => d.name),
    async start() {
      if (state !== 'new') throw new Error('controller manager already started');
      state = 'started';
      // Every informer is requested and every handler attached before anything starts, so no event is missed.
      wired = selected.flatMap((def) => [def.create(ctx)].flat()).map((rec) => wireReconciler(rec, clock, log));
      informers.start();
      try {
        await informers.synced();
      } catch (err) {
        // stop() during the initial sync stops the informers; that is not a failure to start.
        if (state !== 'started') return;
        throw err;
      }
      if (state !== 'started') return;
      running = wired.map((w) => w.run());
    },
    async stop() {
      if (state === 'stopped') return;
      state = 'stopped';
      for (const w of wired) w.shutDown();
      await Promise.all(running);
      if (ownsFactory) informers.stop();
      // Queued events get a moment to be written; retries against an unreachable server are then given up.
      const flushed = Promise.all([...recorders.values()].map((r) => r.flush()));
      await Promise.race([flushed, clock.sleep(EVENT_FLUSH_GRACE_MS)]);
      for (const r of recorders.values()) r.stop();
    },
  };
}
