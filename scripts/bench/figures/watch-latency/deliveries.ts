/**
 * Bookkeeping of the watch-latency figure (pure: times are passed in): for
 * each write, the time just before its request was sent (t0), when its
 * response came back, and when each watcher received its event. A write's
 * round is complete once every watcher has received it.
 */
import { percentile } from '../../stats';

/** What one measurement yielded, in milliseconds. */
export interface DeliverySummary {
  /** Deliveries counted (writes × watchers). */
  deliveries: number;
  deliveryP50: number;
  deliveryP99: number;
  /**
   * p50 over writes of each write's earliest delivery: the gap to deliveryP50
   * is mostly the bench process parsing the other watchers' copies first.
   */
  firstDeliveryP50: number;
  roundTripP50: number;
}

interface Round {
  t0: number;
  answeredAt?: number;
  firstAt?: number;
  /** Watchers that have received the write's event. */
  seen: Set<number>;
  complete(): void;
}

/** Delivery times of writes to a fixed set of watchers, numbered 0 … watchers − 1. */
export class DeliveryLog {
  private readonly rounds = new Map<string, Round>();
  private readonly latencies: number[] = [];

  constructor(readonly watchers: number) {
    if (!(Number.isInteger(watchers) && watchers > 0)) throw new Error(`watchers must be a positive integer, got ${watchers}`);
  }

  /** Starts the round of the write of `key` sent at t0; resolves when every watcher has received it. */
  begin(key: string, t0: number): Promise<void> {
    if (this.rounds.has(key)) throw new Error(`write ${key} was already begun`);
    return new Promise((resolve) => this.rounds.set(key, { t0, seen: new Set(), complete: resolve }));
  }

  /** Records the write's response at time t. */
  answered(key: string, t: number): void {
    this.round(key).answeredAt = t;
  }

  /**
   * Records that `watcher` received the event of `key` at time t. Events of
   * keys not begun here (objects written before the measurement) and a
   * watcher's repeated delivery of the same key are not deliveries.
   */
  received(watcher: number, key: string, t: number): void {
    const round = this.rounds.get(key);
    if (!round || round.seen.has(watcher)) return;
    if (!(Number.isInteger(watcher) && watcher >= 0 && watcher < this.watchers)) throw new Error(`no watcher ${watcher}`);
    round.seen.add(watcher);
    round.firstAt ??= t;
    this.latencies.push(t - round.t0);
    if (round.seen.size === this.watchers) round.complete();
  }

  /** How many watchers have not yet received `key` (for the message when a round stalls). */
  missing(key: string): number {
    return this.watchers - this.round(key).seen.size;
  }

  /** Percentiles over every delivery and every answered write; throws before any round completed. */
  summary(): DeliverySummary {
    const rounds = [...this.rounds.values()];
    const roundTrips = rounds.filter((r) => r.answeredAt !== undefined).map((r) => r.answeredAt! - r.t0);
    const firsts = rounds.filter((r) => r.firstAt !== undefined).map((r) => r.firstAt! - r.t0);
    return {
      deliveries: this.latencies.length,
      deliveryP50: percentile(this.latencies, 50),
      deliveryP99: percentile(this.latencies, 99),
      firstDeliveryP50: percentile(firsts, 50),
      roundTripP50: percentile(roundTrips, 50),
    };
  }

  private round(key: string): Round {
    const round = this.rounds.get(key);
    if (!round) throw new Error(`write ${key} was not begun`);
    return round;
  }
}
