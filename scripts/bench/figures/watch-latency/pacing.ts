/**
 * The pacing of the watch-latency figure: writes one after another, each
 * starting only once every watcher has received the previous one, so the
 * figure measures the latency of one event rather than the queueing behind a
 * backlog of them. I/O and the clock are passed in.
 */
import type { DeliveryLog } from './deliveries';

/** What writePaced needs. */
export interface PacedWrites {
  /** Keys of the writes, in order (a ConfigMap's name, an etcd key). */
  keys: readonly string[];
  log: DeliveryLog;
  /** Milliseconds on a monotonic clock (performance.now in the figure). */
  now(): number;
  /** Sends the write of `key`; resolves with its response. */
  write(key: string): Promise<void>;
  /**
   * Wraps the wait for a round so that it can fail (a deadline, a watch that
   * ended early) instead of waiting forever; identity when omitted.
   */
  guard?<T>(round: Promise<T>, key: string): Promise<T>;
}

/** Sends the writes one at a time; each round ends when its response is back and every watcher has its event. */
export async function writePaced(p: PacedWrites): Promise<void> {
  const guard = p.guard ?? (<T>(round: Promise<T>) => round);
  for (const key of p.keys) {
    const t0 = p.now();
    const delivered = p.log.begin(key, t0);
    await guard(
      Promise.all([
        p.write(key).then(() => p.log.answered(key, p.now())),
        delivered,
      ]),
      key,
    );
  }
}
