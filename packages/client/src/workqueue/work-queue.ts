/**
 * createWorkQueue: client-go's rate-limiting work queue. Keys are
 * de-duplicated while waiting; a key handed to a worker is not handed to
 * another until done(), and if it was added meanwhile it is queued again
 * then — so one key is never reconciled twice at once and no change is lost.
 */
import { realClock, type Clock, type TimerHandle } from '@mk/api';
import type { WorkQueue } from '../informer/types';
import { ItemExponentialBackoff } from './rate-limiter';

/** Options of createWorkQueue. */
export interface WorkQueueOptions {
  clock?: Clock;
  /** First addRateLimited delay (default 5 ms, as client-go). */
  baseDelayMs?: number;
  /** Cap of the per-key backoff (default 1000 s, as client-go). */
  maxDelayMs?: number;
  /** For log messages. */
  name?: string;
}

/** A WorkQueue plus the accessors a worker loop and diagnostics need. */
export interface RateLimitingQueue extends WorkQueue {
  readonly name: string;
  /** True after shutDown(). */
  readonly shuttingDown: boolean;
}

/** Creates an empty queue. */
export function createWorkQueue(opts: WorkQueueOptions = {}): RateLimitingQueue {
  return new Queue(opts);
}

class Queue implements RateLimitingQueue {
  readonly name: string;
  private readonly clock: Clock;
  private readonly backoff: ItemExponentialBackoff;
  /** Keys ready for a worker, in order. */
  private queue: string[] = [];
  private head = 0;
  /** Keys that need processing (queued, or added again while being processed). */
  private readonly dirty = new Set<string>();
  private readonly processing = new Set<string>();
  /** Keys waiting for their addAfter delay, with when they become ready. */
  private readonly waiting = new Map<string, { readyAt: number; timer: TimerHandle }>();
  private getters: ((key: string | undefined) => void)[] = [];
  private isShuttingDown = false;

  constructor(opts: WorkQueueOptions) {
    this.name = opts.name ?? '';
    this.clock = opts.clock ?? realClock;
    this.backoff = new ItemExponentialBackoff(opts.baseDelayMs ?? 5, opts.maxDelayMs ?? 1_000_000);
  }

  get length(): number {
    return this.queue.length - this.head;
  }

  get shuttingDown(): boolean {
    return this.isShuttingDown;
  }

  add(key: string): void {
    if (this.isShuttingDown || this.dirty.has(key)) return;
    this.dirty.add(key);
    if (this.processing.has(key)) return;
    this.queue.push(key);
    this.handOut();
  }

  addAfter(key: string, delayMs: number): void {
    if (this.isShuttingDown) return;
    if (delayMs <= 0) return this.add(key);
    const readyAt = this.clock.now().getTime() + delayMs;
    const existing = this.waiting.get(key);
    // As client-go: a key already waiting keeps the earlier of the two ready times.
    if (existing && existing.readyAt <= readyAt) return;
    existing?.timer.cancel();
    const timer = this.clock.setTimeout(() => {
      this.waiting.delete(key);
      this.add(key);
    }, delayMs);
    this.waiting.set(key, { readyAt, timer });
  }

  addRateLimited(key: string): void {
    this.addAfter(key, this.backoff.when(key));
  }

  forget(key: string): void {
    this.backoff.forget(key);
  }

  retries(key: string): number {
    return this.backoff.numRequeues(key);
  }

  /** Keys still queued at shutDown() are handed out first (client-go drains them too); then undefined. */
  get(): Promise<string | undefined> {
    if (this.length > 0) return Promise.resolve(this.take());
    if (this.isShuttingDown) return Promise.resolve(undefined);
    return new Promise((resolve) => this.getters.push(resolve));
  }

  done(key: string): void {
    if (!this.processing.delete(key)) return;
    if (this.dirty.has(key)) {
      this.queue.push(key);
      this.handOut();
    }
  }

  shutDown(): void {
    if (this.isShuttingDown) return;
    this.isShuttingDown = true;
    for (const { timer } of this.waiting.values()) timer.cancel();
    this.waiting.clear();
    for (const resolve of this.getters.splice(0)) resolve(undefined);
  }

  /** Gives queued keys to waiting getters. */
  private handOut(): void {
    while (this.getters.length > 0 && this.length > 0) this.getters.shift()!(this.take());
  }

  private take(): string {
    const key = this.queue[this.head++]!;
    // Compact the array now and then instead of shift()ing, which is O(n) per call.
    if (this.head > 1024 && this.head * 2 > this.queue.length) {
      this.queue = this.queue.slice(this.head);
      this.head = 0;
    }
    this.dirty.delete(key);
    this.processing.add(key);
    return key;
  }
}
