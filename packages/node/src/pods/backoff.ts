/**
 * client-go's flowcontrol.Backoff, which the kubelet uses for container
 * restarts (CrashLoopBackOff) and image pulls (ImagePullBackOff): per key, the
 * delay starts at `initialMs` and doubles up to `maxMs`; an entry not touched
 * for twice the maximum starts over (10 min at the defaults). No jitter, so
 * timelines are reproducible.
 */
import type { Clock } from '@mk/api';

interface Entry {
  backoffMs: number;
  /** Clock time (ms) of the last next(). */
  lastUpdate: number;
}

/** Per-key exponential back-off on the injected clock. */
export class Backoff {
  private readonly entries = new Map<string, Entry>();

  constructor(
    private readonly initialMs: number,
    private readonly maxMs: number,
    private readonly clock: Clock,
  ) {}

  private expired(eventTime: number, lastUpdate: number): boolean {
    return eventTime - lastUpdate > 2 * this.maxMs;
  }

  /** Records a failure at eventTime (ms): the delay starts or doubles. */
  next(key: string, eventTime: number): void {
    const entry = this.entries.get(key);
    const now = this.clock.now().getTime();
    if (!entry || this.expired(eventTime, entry.lastUpdate)) this.entries.set(key, { backoffMs: this.initialMs, lastUpdate: now });
    else this.entries.set(key, { backoffMs: Math.min(entry.backoffMs * 2, this.maxMs), lastUpdate: now });
  }

  /** The current delay of key (0 without one). */
  get(key: string): number {
    return this.entries.get(key)?.backoffMs ?? 0;
  }

  /** Still waiting since eventTime (a container's finishedAt)? Returns when the wait ends, or undefined. */
  inBackOffSince(key: string, eventTime: number): number | undefined {
    const entry = this.entries.get(key);
    const now = this.clock.now().getTime();
    if (!entry || this.expired(now, entry.lastUpdate)) return undefined;
    return now - eventTime < entry.backoffMs ? eventTime + entry.backoffMs : undefined;
  }

  /** Still waiting since the last next()? Returns when the wait ends, or undefined. */
  inBackOffSinceUpdate(key: string): number | undefined {
    const entry = this.entries.get(key);
    const now = this.clock.now().getTime();
    if (!entry || this.expired(now, entry.lastUpdate)) return undefined;
    return now - entry.lastUpdate < entry.backoffMs ? entry.lastUpdate + entry.backoffMs : undefined;
  }

  /** Forgets keys of a pod (its UID prefix) once the pod is gone. */
  forgetPrefix(prefix: string): void {
    for (const key of this.entries.keys()) if (key.startsWith(prefix)) this.entries.delete(key);
  }
}
