/** Shapes of the event recorder: core/v1 Events as upstream's (legacy) recorder writes them. */
import type { KObject } from '@mk/api';

/** core/v1 event types; upstream drops events of any other type. */
export type EventType = 'Normal' | 'Warning';

/** core/v1 ObjectReference: what an event is about. */
export interface ObjectReference {
  kind?: string;
  namespace?: string;
  name?: string;
  uid?: string;
  apiVersion?: string;
  resourceVersion?: string;
  /** A part of the object, e.g. `spec.containers{nginx}` for a container's events. */
  fieldPath?: string;
}

/** core/v1 EventSource. */
export interface EventSource {
  component: string;
  host?: string;
}

/** A core/v1 Event as the recorder writes it. */
export interface CoreEvent {
  apiVersion: 'v1';
  kind: 'Event';
  metadata: { name: string; namespace: string; resourceVersion?: string };
  involvedObject: ObjectReference;
  reason: string;
  message: string;
  source: EventSource;
  /** RFC 3339, second precision (metav1.Time). */
  firstTimestamp: string;
  lastTimestamp: string;
  count: number;
  type: string;
  reportingComponent: string;
  reportingInstance: string;
}

/** Records events about objects; writes happen in the background and never throw into the caller. */
export interface EventRecorder {
  /** Records an event about obj (an object, or a reference for e.g. a container's fieldPath). */
  event(obj: KObject | ObjectReference, type: EventType, reason: string, message: string): void;
  /** Resolves when everything recorded so far has been written or given up on. */
  flush(): Promise<void>;
  /** Drops later events and gives up pending retries. */
  stop(): void;
}
