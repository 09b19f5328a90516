/**
 * Runs async work with at most `limit` tasks at once; the rest wait in FIFO
 * order and a finishing task hands its slot straight to the next one.
 */
export class Limiter {
  private running = 0;
  private readonly waiting: (() => void)[] = [];
  private listeners: (() => void)[] = [];

  constructor(readonly limit: number) {}

  /** Tasks running now. */
  get active(): number {
    return this.running;
  }

  /** Runs fn once a slot is free. */
  async run<T>(fn: () => Promise<T>): Promise<T> {
    if (this.running >= this.limit) await new Promise<void>((r) => this.waiting.push(r));
    else this.running++;
    try {
      return await fn();
    } finally {
      const next = this.waiting.shift();
      if (next) next();
      else this.running--;
      this.notify();
    }
  }

  /** Resolves once a task started now would not have to wait. */
  async slot(): Promise<void> {
    while (this.running >= this.limit) await this.changed();
  }

  /** Resolves when no task runs. */
  async idle(): Promise<void> {
    while (this.running > 0) await this.changed();
  }

  private changed(): Promise<void> {
    return new Promise((r) => this.listeners.push(r));
  }

  private notify(): void {
    if (this.listeners.length === 0) return;
    const listeners = this.listeners;
    this.listeners = [];
    for (const l of listeners) l();
  }
}
