/**
 * One run of the agent between power-on and power-off (a kubelet process's
 * lifetime): its timers, and an API handle that refuses every call once the
 * session is over, so a powered-off node tells the API nothing.
 */
import type { Clock, TimerHandle } from '@mk/api';
import type { ApiClient } from '@mk/client';
import type { SessionApi } from '../pods/context';
import { isSessionEnded, SessionEndedError } from '../session-ended';

/** A session: alive from power-on to power-off or stop. */
export class Session {
  private isAlive = true;
  private readonly timers = new Set<TimerHandle>();
  private readonly endHooks: (() => void)[] = [];
  readonly api: SessionApi;

  constructor(
    client: ApiClient,
    private readonly clock: Clock,
  ) {
    this.api = {
      request: (method, path, opts) => {
        this.checkAlive();
        return client.request(method, path, opts);
      },
    };
  }

  get alive(): boolean {
    return this.isAlive;
  }

  checkAlive(): void {
    if (!this.isAlive) throw new SessionEndedError();
  }

  /** Waits on the clock; the timer dies with the session (the promise then never resolves). */
  sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const handle = this.clock.setTimeout(() => {
        this.timers.delete(handle);
        resolve();
      }, ms);
      this.timers.add(handle);
    });
  }

  /** Runs fn every ms (first run after ms), one run at a time, while the session lasts. */
  every(ms: number, fn: () => Promise<unknown>, onError: (err: unknown) => void): void {
    const arm = () => {
      if (!this.isAlive) return;
      const handle = this.clock.setTimeout(async () => {
        this.timers.delete(handle);
        try {
          await fn();
        } catch (err) {
          if (!isSessionEnded(err) && this.isAlive) onError(err);
        }
        arm();
      }, ms);
      this.timers.add(handle);
    };
    arm();
  }

  onEnd(hook: () => void): void {
    this.endHooks.push(hook);
  }

  /** Power off or stop: nothing of this session runs any more. */
  end(): void {
    if (!this.isAlive) return;
    this.isAlive = false;
    for (const t of this.timers) t.cancel();
    this.timers.clear();
    for (const hook of this.endHooks) hook();
  }
}
