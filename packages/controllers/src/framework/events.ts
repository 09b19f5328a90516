/**
 * Events as plain data, so planners can return them next to the writes they
 * explain and tests can compare them; the applier hands them to the event
 * recorder.
 */
/** The object an event is about (core/v1 ObjectReference, as upstream recorders fill it). */
export interface ObjectRef {
  apiVersion: string;
  kind: string;
  namespace?: string;
  name: string;
  uid?: string;
}

export interface EventSpec {
  regarding: ObjectRef;
  type: 'Normal' | 'Warning';
  reason: string;
  message: string;
}

/** The reference to obj for an event (kind and apiVersion as given, since cached objects may lack them). */
export function refTo(obj: { readonly metadata?: { readonly name?: string; readonly namespace?: string; readonly uid?: string } }, apiVersion: string, kind: string): ObjectRef {
  const m = obj.metadata ?? {};
  return { apiVersion, kind, namespace: m.namespace, name: m.name ?? '', uid: m.uid };
}
