/**
 * The scheduling queue (PriorityQueue): activeQ holds pods ready to be tried,
 * highest priority first and then in arrival order; backoffQ holds pods
 * waiting out their per-pod backoff; the unschedulable pool holds pods that
 * failed until a cluster event that may help them arrives, or until they have
 * waited podMaxInUnschedulablePodsDuration. Timers come from the injected Clock.
 */
import type { Clock, TimerHandle } from '@mk/api';
import type { Pod } from 'kubernetes-types/core/v1';
import type { PodInfo } from '../cache/pod-info';
import type { ClusterEvent, EventRegistration } from '../framework/types';
import { backoffDuration } from './backoff';
import { isPodUpdated } from './cluster-events';
import { BackoffQueue } from './backoff-queue';
import { KeyedHeap } from './heap';

/** A pod in the queue with its scheduling history (framework.QueuedPodInfo). */
export interface QueuedPodInfo {
  podInfo: PodInfo;
  /** When it was added, or last failed (ms since epoch); orders equal priorities and starts the backoff. */
  timestamp: number;
  /** Scheduling attempts so far; each pop counts one. */
  attempts: number;
  /** Plugins that rejected it in its last attempt. */
  unschedulablePlugins: Set<string>;
  /** Waiting for spec.schedulingGates to be removed (SchedulingGates PreEnqueue). */
  gated: boolean;
  /** Arrival order, the last tie-breaker. */
  seq: number;
}

export interface SchedulingQueueOptions {
  clock: Clock;
  podInitialBackoffMs: number;
  podMaxBackoffMs: number;
  /** podMaxInUnschedulablePodsDuration (upstream 5 min). */
  podMaxInUnschedulablePodsDurationMs?: number;
  /** How often the unschedulable pool is checked for pods that waited too long (upstream 30 s). */
  unschedulableFlushIntervalMs?: number;
  /** EventsToRegister of every filter plugin, by plugin name. */
  registrations: ReadonlyMap<string, readonly EventRegistration[]>;
}

const DEFAULT_MAX_IN_UNSCHEDULABLE_MS = 5 * 60_000;
const DEFAULT_FLUSH_INTERVAL_MS = 30_000;

function isGated(pod: Pod): boolean {
  return (pod.spec?.schedulingGates ?? []).length > 0;
}

export class SchedulingQueue {
  private readonly active = new KeyedHeap<QueuedPodInfo>(
    (q) => q.podInfo.key,
    (a, b) => a.podInfo.priority > b.podInfo.priority || (a.podInfo.priority === b.podInfo.priority && (a.timestamp < b.timestamp || (a.timestamp === b.timestamp && a.seq < b.seq))),
  );
  private readonly backoff: BackoffQueue<QueuedPodInfo>;
  private readonly unschedulable = new Map<string, QueuedPodInfo>();
  /** Popped and not yet requeued or done; the latest pod object if it changed meanwhile. */
  private readonly inFlight = new Map<string, { uid: string; updated?: PodInfo; deleted?: boolean; moveSeqAtPop: number }>();
  private moveSeq = 0;
  private seq = 0;
  private waiters: (() => void)[] = [];
  private flushTimer?: TimerHandle;
  private closed = false;
  private readonly maxInUnschedulableMs: number;
  private readonly flushIntervalMs: number;

  constructor(private readonly opts: SchedulingQueueOptions) {
    this.maxInUnschedulableMs = opts.podMaxInUnschedulablePodsDurationMs ?? DEFAULT_MAX_IN_UNSCHEDULABLE_MS;
    this.flushIntervalMs = opts.unschedulableFlushIntervalMs ?? DEFAULT_FLUSH_INTERVAL_MS;
    this.backoff = new BackoffQueue(opts.clock, (q) => q.podInfo.key, (q) => this.backoffExpiry(q), (q) => this.pushActive(q));
  }

  /** Starts the periodic flush of the unschedulable pool. */
  run(): void {
    this.armFlush();
  }

  close(): void {
    this.closed = true;
    this.flushTimer?.cancel();
    this.backoff.close();
    this.wake();
  }

  private now(): number {
    return this.opts.clock.now().getTime();
  }

  /** A new pending pod. */
  add(podInfo: PodInfo): void {
    const key = podInfo.key;
    if (this.has(key) || this.inFlight.get(key)?.uid === podInfo.uid) return this.update(podInfo.pod, podInfo);
    const q: QueuedPodInfo = { podInfo, timestamp: this.now(), attempts: 0, unschedulablePlugins: new Set(), gated: isGated(podInfo.pod), seq: this.seq++ };
    if (q.gated) this.unschedulable.set(key, q);
    else this.pushActive(q);
  }

  /** A pending pod changed. */
  update(oldPod: Pod, podInfo: PodInfo): void {
    const key = podInfo.key;
    const flight = this.inFlight.get(key);
    if (flight && flight.uid === podInfo.uid) {
      flight.updated = podInfo;
      return;
    }
    const inActive = this.active.get(key);
    if (inActive) return this.active.addOrUpdate({ ...inActive, podInfo });
    const inBackoff = this.backoff.get(key);
    if (inBackoff) return this.backoff.add({ ...inBackoff, podInfo });
    const q = this.unschedulable.get(key);
    if (!q) return this.add(podInfo);
    const updated: QueuedPodInfo = { ...q, podInfo };
    if (q.gated) {
      if (isGated(podInfo.pod)) return void this.unschedulable.set(key, updated);
      this.unschedulable.delete(key);
      return this.pushActive({ ...updated, gated: false });
    }
    if (!isPodUpdated(oldPod, podInfo.pod)) return void this.unschedulable.set(key, updated);
    // Its own spec changed: that may be exactly what it needed.
    this.unschedulable.delete(key);
    this.requeue(updated);
  }

  /** A pending pod was deleted, bound or became terminal. */
  delete(key: string): void {
    this.active.delete(key);
    this.backoff.delete(key);
    this.unschedulable.delete(key);
    const flight = this.inFlight.get(key);
    if (flight) flight.deleted = true;
  }

  /** True while the pod is queued (in any sub-queue). */
  has(key: string): boolean {
    return this.active.has(key) || this.backoff.has(key) || this.unschedulable.has(key);
  }

  /** The next pod to schedule, if any is ready; it counts as in flight until requeued or done(). */
  pop(): QueuedPodInfo | undefined {
    const q = this.active.pop();
    if (!q) return undefined;
    q.attempts++;
    this.inFlight.set(q.podInfo.key, { uid: q.podInfo.uid, moveSeqAtPop: this.moveSeq });
    return q;
  }

  /** Resolves when a pod is ready in activeQ, or the queue is closed. */
  waitForPod(): Promise<void> {
    if (this.active.size > 0 || this.closed) return Promise.resolve();
    return new Promise((resolve) => this.waiters.push(resolve));
  }

  /** The pod left the cycle without being requeued (bound, or assumed and being bound). */
  done(key: string, uid?: string): void {
    // A cycle of a pod that was replaced (same name, new UID) must not end the new one's.
    if (uid === undefined || this.inFlight.get(key)?.uid === uid) this.inFlight.delete(key);
  }

  /**
   * AddUnschedulableIfNotPresent: after a failed attempt. Rejected by plugins
   * and nothing changed meanwhile → the unschedulable pool; an error, or an
   * event or update while it was in flight → backoff.
   */
  addUnschedulable(q: QueuedPodInfo, unschedulablePlugins: ReadonlySet<string>): void {
    const key = q.podInfo.key;
    const flight = this.inFlight.get(key);
    if (flight && flight.uid !== q.podInfo.uid) return;
    this.inFlight.delete(key);
    if (flight?.deleted || this.has(key)) return;
    const updated = flight?.updated && isPodUpdated(q.podInfo.pod, flight.updated.pod);
    const requeued: QueuedPodInfo = { ...q, podInfo: flight?.updated ?? q.podInfo, timestamp: this.now(), unschedulablePlugins: new Set(unschedulablePlugins) };
    const eventsMeanwhile = !!flight && this.moveSeq > flight.moveSeqAtPop;
    if (unschedulablePlugins.size === 0 || updated || eventsMeanwhile) return this.requeue(requeued);
    this.unschedulable.set(key, requeued);
  }

  /**
   * MoveAllToActiveOrBackoffQueue: pods rejected by a plugin interested in this
   * event (and whose QueueingHint agrees) go back to activeQ, or to backoffQ
   * while their backoff lasts. `except` keeps a pod out (the one whose forget caused the event).
   */
  moveAllToActiveOrBackoff(event: ClusterEvent, except?: string): void {
    this.moveSeq++;
    for (const [key, q] of this.unschedulable) {
      if (q.gated || key === except || !this.worthRequeuing(q, event)) continue;
      this.unschedulable.delete(key);
      this.requeue(q);
    }
  }

  /** isPodWorthRequeuing. */
  private worthRequeuing(q: QueuedPodInfo, event: ClusterEvent): boolean {
    if (q.unschedulablePlugins.size === 0) return true;
    for (const plugin of q.unschedulablePlugins) {
      const regs = this.opts.registrations.get(plugin);
      // A plugin that registered nothing may be helped by anything.
      if (!regs) return true;
      for (const r of regs) {
        if (r.resource !== event.resource || (r.actions & event.action) === 0) continue;
        if (!r.hint) return true;
        try {
          if (r.hint(q.podInfo, event)) return true;
        } catch {
          return true;
        }
      }
    }
    return false;
  }

  /** flushUnschedulablePodsLeftover: pods that waited longer than the maximum get another try. */
  flushUnschedulableLeftover(): void {
    const now = this.now();
    for (const [key, q] of this.unschedulable) {
      if (q.gated || now - q.timestamp <= this.maxInUnschedulableMs) continue;
      this.unschedulable.delete(key);
      this.requeue(q);
    }
  }

  /** Pod counts per sub-queue. */
  stats(): { active: number; backoff: number; unschedulable: number; inFlight: number } {
    return { active: this.active.size, backoff: this.backoff.size, unschedulable: this.unschedulable.size, inFlight: this.inFlight.size };
  }

  /** Where a pod is queued, for tests and diagnostics. */
  whereIs(key: string): 'active' | 'backoff' | 'unschedulable' | 'inFlight' | undefined {
    if (this.active.has(key)) return 'active';
    if (this.backoff.has(key)) return 'backoff';
    if (this.unschedulable.has(key)) return 'unschedulable';
    return this.inFlight.has(key) ? 'inFlight' : undefined;
  }

  private backoffExpiry(q: QueuedPodInfo): number {
    return q.timestamp + backoffDuration(q.attempts, this.opts.podInitialBackoffMs, this.opts.podMaxBackoffMs);
  }

  private requeue(q: QueuedPodInfo): void {
    if (this.backoffExpiry(q) > this.now()) {
      this.backoff.add(q);
    } else {
      this.pushActive(q);
    }
  }

  private pushActive(q: QueuedPodInfo): void {
    this.active.addOrUpdate(q);
    this.wake();
  }

  private wake(): void {
    const waiters = this.waiters;
    this.waiters = [];
    for (const w of waiters) w();
  }

  private armFlush(): void {
    if (this.closed) return;
    this.flushTimer = this.opts.clock.setTimeout(() => {
      this.flushUnschedulableLeftover();
      this.armFlush();
    }, this.flushIntervalMs);
  }
}
