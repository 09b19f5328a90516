/**
 * backoffQ: pods waiting out their backoff, ordered by when it ends. A timer
 * on the injected Clock fires at the earliest expiry (instead of upstream's
 * 1 s poll) and hands expired pods to `onExpired`.
 */
import type { Clock, TimerHandle } from '@mk/api';
import { KeyedHeap } from './heap';

export class BackoffQueue<T> {
  private readonly heap: KeyedHeap<T>;
  private timer?: { handle: TimerHandle; at: number };
  private closed = false;

  constructor(
    private readonly clock: Clock,
    keyOf: (item: T) => string,
    /** When the item's backoff ends (ms since epoch). */
    private readonly expiry: (item: T) => number,
    private readonly onExpired: (item: T) => void,
  ) {
    this.heap = new KeyedHeap(keyOf, (a, b) => expiry(a) < expiry(b));
  }

  get size(): number {
    return this.heap.size;
  }

  has(key: string): boolean {
    return this.heap.has(key);
  }

  get(key: string): T | undefined {
    return this.heap.get(key);
  }

  /** Adds or replaces an item. */
  add(item: T): void {
    this.heap.addOrUpdate(item);
    this.arm();
  }

  delete(key: string): void {
    this.heap.delete(key);
  }

  close(): void {
    this.closed = true;
    this.timer?.handle.cancel();
    this.timer = undefined;
  }

  /** flushBackoffQCompleted. */
  private flush(): void {
    const now = this.clock.now().getTime();
    for (let item = this.heap.peek(); item !== undefined && this.expiry(item) <= now; item = this.heap.peek()) {
      this.heap.pop();
      this.onExpired(item);
    }
    this.arm();
  }

  private arm(): void {
    if (this.closed) return;
    const next = this.heap.peek();
    if (next === undefined) return;
    const at = this.expiry(next);
    if (this.timer && this.timer.at <= at) return;
    this.timer?.handle.cancel();
    const handle = this.clock.setTimeout(() => {
      this.timer = undefined;
      this.flush();
    }, Math.max(0, at - this.clock.now().getTime()));
    this.timer = { handle, at };
  }
}
