/**
 * Writes pod statuses as the kubelet's status manager: only when the status
 * changed, as a strategic merge patch of /status carrying the pod's UID, at
 * most one write in flight per pod, and requests made while one is in flight
 * coalesced into one more write of the newest status.
 */
import { createTwoWayStrategicMergePatch, patchMetaFor, type Clock, type KObject } from '@mk/api';
import { isConflict, isNotFound } from '@mk/client';
import type { PodStatus } from 'kubernetes-types/core/v1';
import { isSessionEnded } from '../session-ended';
import type { SessionApi } from './context';
import type { PodRecord } from './types';

const POD_META = patchMetaFor('', 'v1', 'Pod');

/** What the writer needs. */
export interface StatusWriterDeps {
  api: SessionApi;
  clock: Clock;
  /** The status to report for the pod now. */
  generate(rec: PodRecord): PodStatus;
  /** A write failed for another reason than the session ending: try again later. */
  onError(rec: PodRecord, err: unknown): void;
}

type Json = Parameters<typeof createTwoWayStrategicMergePatch>[0];

/**
 * Deep equality of JSON values, where a null field equals an absent one: a
 * patch's null removes the field the server stores (`lastProbeTime: null`).
 */
export function jsonEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  const present = (o: object) => Object.keys(o).filter((k) => (o as Record<string, unknown>)[k] !== undefined && (o as Record<string, unknown>)[k] !== null);
  const ka = present(a as object);
  const kb = present(b as object);
  if (ka.length !== kb.length) return false;
  return ka.every((k) => jsonEqual((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]));
}

/** Pod status writes of one session. */
export class PodStatusWriter {
  /** What this session last wrote per pod UID, and the resourceVersion that write produced. */
  private readonly written = new Map<string, { status: PodStatus; resourceVersion?: string }>();
  private readonly inFlight = new Map<string, Promise<void>>();
  private readonly dirty = new Map<string, PodRecord>();
  private scheduled = false;

  constructor(private readonly deps: StatusWriterDeps) {}

  /**
   * The newest status known for the pod: the one last written, unless the
   * pod from the watch is newer than that write (someone else changed it since).
   */
  baseline(rec: PodRecord): PodStatus | undefined {
    const w = this.written.get(rec.uid);
    if (!w) return rec.pod.status as PodStatus | undefined;
    const seen = Number(rec.pod.metadata?.resourceVersion);
    const wrote = Number(w.resourceVersion);
    return Number.isFinite(seen) && Number.isFinite(wrote) && seen > wrote ? (rec.pod.status as PodStatus) : w.status;
  }

  forget(uid: string): void {
    this.written.delete(uid);
    this.dirty.delete(uid);
  }

  /** Writes soon; the requests made until then make one write. */
  request(rec: PodRecord): void {
    this.dirty.set(rec.uid, rec);
    if (this.scheduled) return;
    this.scheduled = true;
    // A zero-delay timer on the injected clock: under a FakeClock it runs before any later timer, as it would in real time.
    this.deps.clock.setTimeout(() => {
      this.scheduled = false;
      const batch = [...this.dirty.values()];
      this.dirty.clear();
      for (const r of batch) void this.write(r).catch((err) => this.failed(r, err));
    }, 0);
  }

  /** Writes now (after any write in flight) and resolves when done. */
  async writeNow(rec: PodRecord): Promise<void> {
    this.dirty.delete(rec.uid);
    await this.write(rec);
  }

  private failed(rec: PodRecord, err: unknown): void {
    if (!isSessionEnded(err)) this.deps.onError(rec, err);
  }

  private async write(rec: PodRecord): Promise<void> {
    const before = this.inFlight.get(rec.uid);
    const run = (before ?? Promise.resolve()).catch(() => undefined).then(() => this.patch(rec));
    this.inFlight.set(rec.uid, run);
    try {
      await run;
    } finally {
      if (this.inFlight.get(rec.uid) === run) this.inFlight.delete(rec.uid);
    }
  }

  private async patch(rec: PodRecord): Promise<void> {
    if (rec.removed) return;
    const old = this.baseline(rec) ?? {};
    const status = this.deps.generate(rec);
    if (jsonEqual(old, status)) return;
    const diff = createTwoWayStrategicMergePatch({ status: old } as unknown as Json, { status } as unknown as Json, POD_META);
    const meta = rec.pod.metadata ?? {};
    // The UID makes the patch fail on a new pod that took the old one's name, as the kubelet's does.
    const body = { metadata: { uid: rec.uid }, ...diff };
    try {
      const saved = await this.deps.api.request<KObject>('PATCH', `/api/v1/namespaces/${meta.namespace}/pods/${meta.name}/status`, {
        body,
        contentType: 'application/strategic-merge-patch+json',
      });
      this.written.set(rec.uid, { status, resourceVersion: saved?.metadata?.resourceVersion });
    } catch (err) {
      if (isNotFound(err) || isConflict(err)) return;
      throw err;
    }
  }
}
