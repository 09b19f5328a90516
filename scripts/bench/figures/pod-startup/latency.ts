/**
 * Per-pod startup bookkeeping, after the pod startup SLO: a pod's startup
 * latency runs from just before its create request is sent (t0) to the first
 * time a watch shows it with phase Running (t1). Times are milliseconds on
 * one monotonic clock, passed in by the caller.
 */
import { percentile } from '../../stats';

/** What the ledger measured once every pod ran. */
export interface StartupSummary {
  count: number;
  startupP50Ms: number;
  startupP99Ms: number;
  startupMaxMs: number;
  /** Create request sent → response received, median. */
  createRoundTripP50Ms: number;
  /** Create request sent → first watch event with spec.nodeName, median: the scheduler's share of a startup. */
  boundP50Ms: number;
}

interface PodTimes {
  sentAt?: number;
  createdAt?: number;
  boundAt?: number;
  runningAt?: number;
  /** Whether a watch event showed the pod, and its phase in the last one: for saying why a pod is missing. */
  seen?: boolean;
  lastPhase?: string;
}

/** Startup times of a fixed set of pods, by name. */
export class StartupLedger {
  private readonly pods = new Map<string, PodTimes>();
  private running = 0;

  constructor(names: readonly string[]) {
    for (const name of names) this.pods.set(name, {});
  }

  /** t0: the create request of `name` is about to be sent. */
  sent(name: string, at: number): void {
    this.times(name).sentAt = at;
  }

  /** The create response of `name` arrived. */
  created(name: string, at: number): void {
    this.times(name).createdAt = at;
  }

  /**
   * A watch event showed `name` in `phase`, bound to a node or not; the first
   * Running after its create was sent is its t1. Pods outside the set are
   * ignored. Returns whether this event was that first Running.
   */
  observed(name: string, seen: { phase?: string; bound: boolean }, at: number): boolean {
    const pod = this.pods.get(name);
    if (!pod) return false;
    const { phase } = seen;
    pod.seen = true;
    pod.lastPhase = phase;
    if (seen.bound && pod.boundAt === undefined && pod.sentAt !== undefined) pod.boundAt = at;
    if (phase !== 'Running' || pod.runningAt !== undefined || pod.sentAt === undefined) return false;
    pod.runningAt = at;
    this.running++;
    return true;
  }

  /** Pods seen Running so far. */
  get runningCount(): number {
    return this.running;
  }

  /** Whether every pod has been seen Running. */
  get allRunning(): boolean {
    return this.running === this.pods.size;
  }

  /** Why the pods not seen Running are missing, e.g. `3 of 1000 pods not seen Running: 2 Pending, 1 never in the watch`. */
  describeMissing(): string {
    const byState = new Map<string, number>();
    for (const pod of this.pods.values()) {
      if (pod.runningAt !== undefined) continue;
      const state = pod.sentAt === undefined ? 'never created' : !pod.seen ? 'never in the watch' : pod.lastPhase || 'no phase';
      byState.set(state, (byState.get(state) ?? 0) + 1);
    }
    const parts = [...byState].sort((a, b) => b[1] - a[1]).map(([state, n]) => `${n} ${state}`);
    return `${this.pods.size - this.running} of ${this.pods.size} pods not seen Running${parts.length ? `: ${parts.join(', ')}` : ''}`;
  }

  /** Percentiles of startup latency and create round trip; throws while a pod is missing. */
  summary(): StartupSummary {
    if (!this.allRunning) throw new Error(this.describeMissing());
    const startup: number[] = [];
    const roundTrip: number[] = [];
    const bound: number[] = [];
    for (const [name, pod] of this.pods) {
      startup.push(pod.runningAt! - pod.sentAt!);
      // A Running pod is bound; a watch that first shows it Running saw both at once.
      bound.push((pod.boundAt ?? pod.runningAt!) - pod.sentAt!);
      if (pod.createdAt === undefined) throw new Error(`pod ${name} ran but its create response never arrived`);
      roundTrip.push(pod.createdAt - pod.sentAt!);
    }
    return {
      count: this.pods.size,
      startupP50Ms: percentile(startup, 50),
      startupP99Ms: percentile(startup, 99),
      startupMaxMs: Math.max(...startup),
      createRoundTripP50Ms: percentile(roundTrip, 50),
      boundP50Ms: percentile(bound, 50),
    };
  }

  private times(name: string): PodTimes {
    const pod = this.pods.get(name);
    if (!pod) throw new Error(`pod ${name} is not one of the ledger's pods`);
    return pod;
  }
}
