/**
 * How the garbage collector names objects and resolves owner references to
 * served kinds (upstream's objectReference and its RESTMapper use).
 */
import { allKinds, type KindInfo, type KObject, type OwnerReference } from '@mk/api';

/** The standard finalizers the API server adds for propagationPolicy Orphan and Foreground. */
export const FINALIZER_ORPHAN = 'orphan';
/** See FINALIZER_ORPHAN. */
export const FINALIZER_FOREGROUND = 'foregroundDeletion';

/** An object's coordinates: enough to GET, DELETE and PATCH it with a uid precondition. */
export interface ObjectIdentity {
  apiVersion: string;
  kind: string;
  /** Undefined for cluster-scoped objects. */
  namespace?: string;
  name: string;
  uid: string;
}

/** The kinds the collector watches: every served kind but events (upstream DefaultIgnoredResources). */
export function collectedKinds(): KindInfo[] {
  return allKinds().filter((k) => !(k.plural === 'events' && (k.group === '' || k.group === 'events.k8s.io')));
}

import { apiVersionOf } from '@mk/api';

export { apiVersionOf };

/** The identity of an object an informer of `info` delivered (cached objects may lack apiVersion and kind). */
export function identityOf(info: KindInfo, obj: Readonly<KObject>): ObjectIdentity {
  const m = obj.metadata ?? {};
  return { apiVersion: apiVersionOf(info), kind: info.kind, ...(m.namespace ? { namespace: m.namespace } : {}), name: m.name ?? '', uid: m.uid ?? '' };
}

function groupOf(apiVersion: string): string {
  const i = apiVersion.indexOf('/');
  return i < 0 ? '' : apiVersion.slice(0, i);
}

/**
 * The served kind an owner reference names: same group and kind, the
 * referenced version if served, else another served version of it (the
 * RESTMapper maps a group and kind, not a version). Undefined if not served.
 */
export function kindForReference(apiVersion: string, kind: string): KindInfo | undefined {
  const group = groupOf(apiVersion);
  const candidates = allKinds().filter((k) => k.group === group && k.kind === kind);
  return candidates.find((k) => apiVersionOf(k) === apiVersion) ?? candidates[0];
}

/** objectReference.String(), as upstream's messages print it. */
export function identityString(id: { apiVersion: string; kind: string; namespace?: string; name: string; uid: string }): string {
  return `[${id.apiVersion}/${id.kind}, namespace: ${id.namespace ?? ''}, name: ${id.name}, uid: ${id.uid}]`;
}

/** ownerReferenceMatchesCoordinates: the reference names the owner exactly as it was observed. */
export function referenceMatches(ref: Readonly<OwnerReference>, owner: ObjectIdentity): boolean {
  return ref.uid === owner.uid && ref.name === owner.name && ref.kind === owner.kind && ref.apiVersion === owner.apiVersion;
}
