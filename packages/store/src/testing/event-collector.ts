import type { WatchEvent, WatchOptions } from '../types';

/** Test support: records a watcher's events and close reason, and lets a test await conditions on them. */
export class EventCollector {
  readonly events: WatchEvent[] = [];
  closedWith: 'slow' | 'closed' | undefined;
  private waiters: { ready: () => boolean; resolve: () => void }[] = [];

  /** Watch options delivering into this collector (spread extra fields over it). */
  options(afterRevision: number): WatchOptions {
    return {
      afterRevision,
      onEvent: (event) => {
        this.events.push(event);
        this.wake();
      },
      onClose: (reason) => {
        this.closedWith = reason;
        this.wake();
      },
    };
  }

  /** Revisions received, in order. */
  get revisions(): number[] {
    return this.events.map((e) => e.revision);
  }

  /** Resolves once the condition holds (the test's timeout bounds the wait). */
  until(ready: () => boolean): Promise<void> {
    if (ready()) return Promise.resolve();
    return new Promise((resolve) => this.waiters.push({ ready, resolve }));
  }

  /** Resolves once an event at revision or later arrived. */
  untilRevision(revision: number): Promise<void> {
    return this.until(() => this.events.some((e) => e.revision >= revision));
  }

  /** Resolves with the close reason once the watcher is dropped. */
  async untilClosed(): Promise<'slow' | 'closed'> {
    await this.until(() => this.closedWith !== undefined);
    return this.closedWith!;
  }

  private wake(): void {
    const waiting = this.waiters;
    this.waiters = [];
    for (const waiter of waiting) {
      if (waiter.ready()) waiter.resolve();
      else this.waiters.push(waiter);
    }
  }
}
