/**
 * One worker per pod, as the kubelet's podWorkers: syncs of one pod never
 * overlap; a request that arrives during a sync makes one more sync after it;
 * a pod can ask to be synced again at a clock time (a back-off ending).
 */
import type { Clock, TimerHandle } from '@mk/api';

/** Per-pod serial syncs with clock-timed resyncs. */
export class PodWorkers {
  private readonly busy = new Set<string>();
  private readonly again = new Set<string>();
  private readonly timers = new Map<string, { at: number; handle: TimerHandle }>();
  private readonly idle = new Set<() => void>();
  private stopped = false;

  constructor(
    private readonly sync: (uid: string) => Promise<void>,
    private readonly clock: Clock,
    private readonly onError: (uid: string, err: unknown) => void,
  ) {}

  /** Syncs the pod now, or right after the sync under way. */
  enqueue(uid: string): void {
    if (this.stopped) return;
    if (this.busy.has(uid)) {
      this.again.add(uid);
      return;
    }
    this.busy.add(uid);
    void this.run(uid);
  }

  /** Syncs the pod at atMs (clock time) unless an earlier resync is already due. */
  enqueueAt(uid: string, atMs: number): void {
    if (this.stopped) return;
    const existing = this.timers.get(uid);
    const now = this.clock.now().getTime();
    if (existing && existing.at <= atMs && existing.at >= now) return;
    existing?.handle.cancel();
    const handle = this.clock.setTimeout(() => {
      this.timers.delete(uid);
      this.enqueue(uid);
    }, Math.max(0, atMs - now));
    this.timers.set(uid, { at: atMs, handle });
  }

  /** Drops the pod's pending resync (it is gone). */
  forget(uid: string): void {
    this.timers.get(uid)?.handle.cancel();
    this.timers.delete(uid);
  }

  private async run(uid: string): Promise<void> {
    try {
      do {
        this.again.delete(uid);
        try {
          await this.sync(uid);
        } catch (err) {
          if (!this.stopped) this.onError(uid, err);
        }
      } while (this.again.has(uid) && !this.stopped);
    } finally {
      this.busy.delete(uid);
      if (this.busy.size === 0) {
        for (const resolve of this.idle) resolve();
        this.idle.clear();
      }
    }
  }

  /** Resolves when no sync is running (tests and shutdown). */
  whenIdle(): Promise<void> {
    if (this.busy.size === 0) return Promise.resolve();
    return new Promise((resolve) => this.idle.add(resolve));
  }

  /** Stops every worker: no new syncs, pending resyncs dropped. */
  stop(): void {
    this.stopped = true;
    for (const t of this.timers.values()) t.handle.cancel();
    this.timers.clear();
    this.again.clear();
  }
}
