/**
 * The pod side of one agent session: keeps a record per pod bound to the
 * node (from the informer), runs a worker per pod, turns runtime events into
 * syncs, and writes statuses. Records outlive the session (they are the
 * runtime's view); reasons, back-offs and written statuses do not.
 */
import type { Clock, ClusterTimings, KObject } from '@mk/api';
import type { EventHandlers, EventRecorder } from '@mk/client';
import type { RuntimeEvent, Runtime } from '../runtime/types';
import { isSessionEnded } from '../session-ended';
import { Backoff } from './backoff';
import { errorResyncMs, type PodContext, type SessionApi } from './context';
import type { KubeletEvent } from './kubelet-events';
import { generatePodStatus } from './pod-status';
import { syncPod } from './pod-sync';
import { PodWorkers } from './pod-workers';
import { jsonEqual, PodStatusWriter } from './status-writer';
import { newPodRecord, type PodRecord, type WaitingReason } from './types';

/** What a pod manager is given. */
export interface PodManagerOptions {
  /** The node's InternalIP: every pod's hostIP. */
  hostIP: string;
  runtime: Runtime;
  clock: Clock;
  timings: ClusterTimings;
  api: SessionApi;
  recorder: EventRecorder;
  /** The node's pod records, kept across sessions. */
  records: Map<string, PodRecord>;
  checkAlive(): void;
  log(message: string): void;
}

/** What makes a pod update worth a sync: spec, labels, annotations, or its deletion (not its status). */
function differsSemantically(a: Readonly<KObject>, b: Readonly<KObject>): boolean {
  const ma = a.metadata ?? {};
  const mb = b.metadata ?? {};
  return (
    !jsonEqual(a.spec, b.spec) ||
    !jsonEqual(ma.labels, mb.labels) ||
    !jsonEqual(ma.annotations, mb.annotations) ||
    ma.deletionTimestamp !== mb.deletionTimestamp ||
    ma.deletionGracePeriodSeconds !== mb.deletionGracePeriodSeconds
  );
}

/** Every container is ready and started once running: the simulated runtime has no probes to run. */
const NO_PROBES = () => ({ ready: true, started: true });

/** The pods of the node during one session. */
export class PodManager {
  private readonly records: Map<string, PodRecord>;
  private readonly waitingByUid = new Map<string, Map<string, WaitingReason>>();
  private readonly writer: PodStatusWriter;
  readonly workers: PodWorkers;
  readonly ctx: PodContext;

  constructor(private readonly opts: PodManagerOptions) {
    this.records = opts.records;
    const { clock, timings } = opts;
    this.writer = new PodStatusWriter({
      api: opts.api,
      clock,
      generate: (rec) => this.status(rec),
      onError: (rec, err) => {
        opts.log(`writing the status of pod ${rec.key} failed: ${(err as Error).message}`);
        this.workers.enqueueAt(rec.uid, clock.now().getTime() + errorResyncMs(timings));
      },
    });
    this.workers = new PodWorkers((uid) => this.sync(uid), clock, (uid, err) => this.syncFailed(uid, err));
    const waiting = (uid: string) => {
      let m = this.waitingByUid.get(uid);
      if (!m) this.waitingByUid.set(uid, (m = new Map()));
      return m;
    };
    this.ctx = {
      runtime: opts.runtime,
      clock,
      timings,
      api: opts.api,
      crashBackoff: new Backoff(timings.containerBackoffInitialMs, timings.containerBackoffMaxMs, clock),
      imageBackoff: new Backoff(timings.containerBackoffInitialMs, timings.containerBackoffMaxMs, clock),
      checkAlive: opts.checkAlive,
      event: (pod, fieldPath, e) => this.event(pod, fieldPath, e),
      waiting,
      requestStatus: (rec) => this.writer.request(rec),
      writeStatusNow: (rec) => this.writer.writeNow(rec),
      currentStatus: (rec) => this.status(rec),
      resyncAt: (uid, at) => this.workers.enqueueAt(uid, at),
    };
  }

  private status(rec: PodRecord) {
    return generatePodStatus({
      pod: rec.pod,
      record: rec,
      waiting: this.waitingByUid.get(rec.uid) ?? new Map(),
      lastWritten: this.writer.baseline(rec),
      hostIP: this.opts.hostIP,
      runtimeName: this.opts.runtime.name,
      now: this.opts.clock.now(),
      probes: NO_PROBES,
    });
  }

  private event(pod: Readonly<KObject>, fieldPath: string | undefined, e: KubeletEvent): void {
    const m = pod.metadata ?? {};
    const ref = { kind: 'Pod', namespace: m.namespace, name: m.name, uid: m.uid, apiVersion: 'v1', resourceVersion: m.resourceVersion, fieldPath };
    this.opts.recorder.event(ref, e.type as 'Normal' | 'Warning', e.reason, e.message);
  }

  private async sync(uid: string): Promise<void> {
    const rec = this.records.get(uid);
    if (!rec) return;
    this.opts.checkAlive();
    await syncPod(this.ctx, rec);
    if (rec.removed && !rec.sandbox) this.forget(rec);
  }

  private syncFailed(uid: string, err: unknown): void {
    if (isSessionEnded(err)) return;
    const rec = this.records.get(uid);
    this.opts.log(`syncing pod ${rec?.key ?? uid} failed: ${(err as Error).message}`);
    this.workers.enqueueAt(uid, this.opts.clock.now().getTime() + errorResyncMs(this.opts.timings));
  }

  private forget(rec: PodRecord): void {
    this.records.delete(rec.uid);
    this.waitingByUid.delete(rec.uid);
    this.writer.forget(rec.uid);
    this.workers.forget(rec.uid);
    this.ctx.crashBackoff.forgetPrefix(`${rec.uid}_`);
    this.ctx.imageBackoff.forgetPrefix(`${rec.uid}_`);
  }

  private upsert(pod: Readonly<KObject>): void {
    const uid = pod.metadata?.uid ?? '';
    const rec = this.records.get(uid);
    if (!rec) {
      this.records.set(uid, newPodRecord(pod));
      return this.workers.enqueue(uid);
    }
    const old = rec.pod;
    rec.pod = pod;
    // As the kubelet's pod config: a status-only change (its own writes, mostly) needs no sync.
    if (differsSemantically(old, pod)) this.workers.enqueue(uid);
  }

  private removed(pod: Readonly<KObject>): void {
    const rec = this.records.get(pod.metadata?.uid ?? '');
    if (!rec) return;
    rec.removed = true;
    this.workers.enqueue(rec.uid);
  }

  /** Handlers for the informer of the node's pods. */
  handlers(): EventHandlers {
    return {
      onAdd: (pod) => this.upsert(pod),
      onUpdate: (old, pod) => {
        if (old.metadata?.uid !== pod.metadata?.uid) this.removed(old);
        this.upsert(pod);
      },
      onDelete: (pod) => this.removed(pod),
    };
  }

  /** A container started or exited on its own: sync its pod. */
  onRuntimeEvent(event: RuntimeEvent): void {
    for (const rec of this.records.values()) {
      if (rec.sandbox?.id === event.sandboxId) return this.workers.enqueue(rec.uid);
    }
  }

  /**
   * After a (re)boot: syncs every pod listed as bound to the node, and
   * finishes the records of pods that were deleted meanwhile.
   */
  syncAll(listed: readonly Readonly<KObject>[]): void {
    const present = new Set<string>();
    for (const pod of listed) {
      const uid = pod.metadata?.uid ?? '';
      present.add(uid);
      const rec = this.records.get(uid);
      if (rec) rec.pod = pod;
      else this.records.set(uid, newPodRecord(pod));
    }
    for (const rec of this.records.values()) {
      if (!present.has(rec.uid)) rec.removed = true;
      this.workers.enqueue(rec.uid);
    }
  }

  stop(): void {
    this.workers.stop();
  }
}
