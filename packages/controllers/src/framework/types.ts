/**
 * The controller contract every mk controller implements (the shape of
 * kubernetes/sample-controller and controller-runtime's Reconciler):
 *
 *   informers --(handlers map objects to keys)--> work queue --> reconcile(key)
 *
 * Handlers only enqueue keys; reconcile(key) is level-triggered: it reads the
 * desired and actual state from the informers' caches (read-only — cached
 * objects are frozen, NEVER modify them; copy first), plans, and applies.
 * A missing object is success. Throwing retries the key with per-key
 * exponential backoff; returning { requeueAfterMs } looks at it again later.
 */
import type { Clock, ClusterTimings, KObject } from '@mk/api';
import type { ApiClient, Informer, InformerFactory, ReconcileResult } from '@mk/client';
import type { EventSpec } from './events';

/**
 * A kubernetes-types object as informers hold it: informers want KObject
 * (whose metadata allows any field), typed views want Node, Pod, …; the
 * intersection is both.
 */
export type Typed<T> = T & KObject;

/** Records events with a fixed source component (e.g. `node-controller`). */
export type EventSink = (event: EventSpec) => void;

/** What a controller gets to build itself: everything shared in the controller manager. */
export interface ControllerContext {
  client: ApiClient;
  clock: Clock;
  timings: ClusterTimings;
  /** Shared informers: ask for the resources you read; the manager starts them and waits for their sync. */
  informers: InformerFactory;
  /** An event sink whose events carry `source.component = component`. */
  events(component: string): EventSink;
  log(message: string): void;
}

/** One informer feeding a reconciler's queue. */
export interface Watch<T extends KObject = KObject> {
  informer: Informer<T>;
  /** Keys to reconcile when obj was added, changed or deleted (on update it is asked for the old and the new object). */
  keys(obj: Readonly<T>): string[];
  /** Optional predicate on updates: false ignores the update (e.g. only taint changes matter). */
  changed?(oldObj: Readonly<T>, newObj: Readonly<T>): boolean;
}

/** A work queue with its workers: the unit the manager runs. */
export interface Reconciler {
  /** Queue name, for logs (usually the controller name). */
  name: string;
  watches: Watch<any>[];
  /** Level-triggered sync of one key; see the file comment for the contract. */
  reconcile(key: string): Promise<ReconcileResult>;
  /** Concurrent workers (default 1; one key is never reconciled twice at once regardless). */
  workers?: number;
  /** Periodic re-examination, for state that changes with time alone (node heartbeats going stale). */
  resync?: { periodMs: number; keys(): string[] };
}

/** A controller as the manager knows it: a name (as in kube-controller-manager's --controllers) and a factory. */
export interface ControllerDefinition {
  name: string;
  /** Whether `*` in the controller list enables it. */
  enabledByDefault?: boolean;
  /** Builds the controller's reconcilers; informers must be requested here, before the manager starts them. */
  create(ctx: ControllerContext): Reconciler | Reconciler[];
}
