/** Defaults of the smaller core/v1 kinds: Secret, Namespace, Node, Endpoints, Event. */
import type { KObject } from '../registry/types';
import { defaultPointer, defaultString, isObject, objectAt, objectsIn } from './set-default';

/** Secret: type Opaque; stringData merged into data (base64) and dropped, as v1 conversion does. */
export function applySecretDefaults(secret: KObject): void {
  defaultString(secret, 'type', 'Opaque');
  if (isObject(secret.stringData)) {
    const data = objectAt(secret, 'data');
    for (const [k, v] of Object.entries(secret.stringData)) data[k] = Buffer.from(String(v ?? ''), 'utf8').toString('base64');
  }
  delete secret.stringData;
}

/** Namespace: the kubernetes.io/metadata.name label and status.phase Active. */
export function applyNamespaceDefaults(ns: KObject): void {
  const name = ns.metadata?.name;
  if (name) {
    const meta = ns.metadata!;
    meta.labels = { ...(meta.labels ?? {}), 'kubernetes.io/metadata.name': name };
  }
  defaultString(objectAt(ns, 'status'), 'phase', 'Active');
}

/** Namespace create: phase Active and the `kubernetes` finalizer (kept for the namespace controller). */
export function prepareNamespaceForCreate(ns: KObject): void {
  ns.status = { phase: 'Active' };
  applyNamespaceDefaults(ns);
  const spec = objectAt(ns, 'spec');
  const finalizers = Array.isArray(spec.finalizers) ? (spec.finalizers as unknown[]) : [];
  if (!finalizers.includes('kubernetes')) spec.finalizers = [...finalizers, 'kubernetes'];
}

/** Namespace update: spec.finalizers change only through /finalize. */
export function prepareNamespaceForUpdate(ns: KObject, old: KObject): void {
  const oldSpec = isObject(old.spec) ? old.spec : {};
  const spec = objectAt(ns, 'spec');
  if (oldSpec.finalizers === undefined) delete spec.finalizers;
  else spec.finalizers = structuredClone(oldSpec.finalizers);
}

/** Node: allocatable defaults to capacity; the spec struct always serialises. */
export function applyNodeDefaults(node: KObject): void {
  objectAt(node, 'spec');
  const status = isObject(node.status) ? node.status : undefined;
  if (status && isObject(status.capacity) && !isObject(status.allocatable)) status.allocatable = { ...status.capacity };
}

/** Endpoints: ports default to TCP. */
export function applyEndpointsDefaults(ep: KObject): void {
  for (const subset of objectsIn(ep, 'subsets')) for (const p of objectsIn(subset, 'ports')) defaultString(p, 'protocol', 'TCP');
}

/** core/v1 Event: the struct and non-omitempty fields Go always serialises (null times, empty reporting fields). */
export function applyCoreEventDefaults(ev: KObject): void {
  objectAt(ev, 'involvedObject');
  objectAt(ev, 'source');
  for (const t of ['firstTimestamp', 'lastTimestamp', 'eventTime']) if (!(t in ev)) ev[t] = null;
  defaultPointer(ev, 'reportingComponent', '');
  defaultPointer(ev, 'reportingInstance', '');
}

/** events.k8s.io/v1 Event: likewise for its field names. */
export function applyEventsV1Defaults(ev: KObject): void {
  if (!('eventTime' in ev)) ev.eventTime = null;
  objectAt(ev, 'regarding');
  objectAt(ev, 'deprecatedSource');
  for (const t of ['deprecatedFirstTimestamp', 'deprecatedLastTimestamp']) if (!(t in ev)) ev[t] = null;
}
