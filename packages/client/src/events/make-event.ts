/** Building core/v1 Events from objects, as upstream's recorder (makeEvent, GetReference) does. Pure. */
import type { KObject } from '@mk/api';
import type { CoreEvent, EventSource, ObjectReference } from './types';

/** The reference an event's involvedObject holds; fieldPath narrows it to a part (e.g. a container). */
export function referenceTo(obj: KObject | ObjectReference, fieldPath?: string): ObjectReference {
  const src: ObjectReference = isObject(obj)
    ? { kind: obj.kind, namespace: obj.metadata?.namespace, name: obj.metadata?.name, uid: obj.metadata?.uid, apiVersion: obj.apiVersion, resourceVersion: obj.metadata?.resourceVersion }
    : obj;
  if (!src.kind) throw new Error(`cannot reference ${src.name ?? 'an object'}: it has no kind`);
  if (!src.name) throw new Error(`cannot reference a ${src.kind} without a name`);
  const ref: ObjectReference = {};
  // Field order and omitted empty fields as Go serialises ObjectReference.
  for (const k of ['kind', 'namespace', 'name', 'uid', 'apiVersion', 'resourceVersion'] as const) if (src[k]) ref[k] = src[k];
  const path = fieldPath ?? src.fieldPath;
  if (path) ref.fieldPath = path;
  return ref;
}

function isObject(o: KObject | ObjectReference): o is KObject {
  return typeof (o as KObject).metadata === 'object' && (o as KObject).metadata !== null;
}

/** A new Event (count 1) about ref; cluster-scoped objects' events live in `default`, as upstream's. */
export function makeEvent(ref: ObjectReference, type: string, reason: string, message: string, source: EventSource, now: Date, name: string): CoreEvent {
  const ts = formatTime(now);
  return {
    apiVersion: 'v1',
    kind: 'Event',
    metadata: { name, namespace: ref.namespace || 'default' },
    involvedObject: ref,
    reason,
    message,
    source: source.host ? { component: source.component, host: source.host } : { component: source.component },
    firstTimestamp: ts,
    lastTimestamp: ts,
    count: 1,
    type,
    reportingComponent: source.component,
    reportingInstance: source.host ?? '',
  };
}

/** metav1.Time's wire form: RFC 3339 in UTC with whole seconds. */
export function formatTime(d: Date): string {
  return d.toISOString().replace(/\.\d+Z$/, 'Z');
}

/**
 * Event names are `<object name>.<hex timestamp in ns>` (upstream uses the
 * wall clock's UnixNano). A clock gives milliseconds, so the sub-millisecond
 * part is random and names from one generator strictly increase: two
 * recorders naming events about one object in the same millisecond do not collide.
 */
export function createEventNamer(random: () => number = Math.random): (objectName: string, now: Date) => string {
  let last = 0n;
  return (objectName, now) => {
    let nanos = BigInt(now.getTime()) * 1_000_000n + BigInt(Math.floor(random() * 1_000_000));
    if (nanos <= last) nanos = last + 1n;
    last = nanos;
    return `${objectName}.${nanos.toString(16)}`;
  };
}
