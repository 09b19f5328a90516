/**
 * Delivers cache changes to every registered handler, in order. One handler's
 * exception is logged and does not stop the others or the informer (client-go
 * runs each listener on its own goroutine, so a panic there never reaches the reflector).
 */
import type { KObject } from '@mk/api';
import type { EventHandlers } from './types';

/** The handlers of one informer, called in registration order. */
export class HandlerSet<T extends KObject> {
  private handlers: EventHandlers<T>[] = [];

  constructor(private readonly log: (message: string) => void) {}

  add(h: EventHandlers<T>): void {
    // Copy on write: a handler that registers another one mid-delivery does not disturb the loop.
    this.handlers = [...this.handlers, h];
  }

  added(obj: Readonly<T>, only?: EventHandlers<T>): void {
    for (const h of only ? [only] : this.handlers) this.call('onAdd', () => h.onAdd?.(obj));
  }

  updated(oldObj: Readonly<T>, newObj: Readonly<T>): void {
    for (const h of this.handlers) this.call('onUpdate', () => h.onUpdate?.(oldObj, newObj));
  }

  deleted(obj: Readonly<T>): void {
    for (const h of this.handlers) this.call('onDelete', () => h.onDelete?.(obj));
  }

  private call(what: string, fn: () => void): void {
    try {
      fn();
    } catch (err) {
      this.log(`informer ${what} handler failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`);
    }
  }
}
