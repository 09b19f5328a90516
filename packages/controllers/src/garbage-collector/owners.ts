/**
 * Classifying an object's owner references against the API server (upstream
 * isDangling and classifyReferences). A namespaced owner is looked up in the
 * dependent's namespace — a reference across namespaces is therefore absent
 * from the dependent's point of view — and a cluster-scoped object naming a
 * namespaced owner cannot be resolved at all.
 */
import type { KObject, OwnerReference } from '@mk/api';
import type { ApiClient } from '@mk/client';
import { AbsentOwnerCache, absentKey } from './absent-owners';
import { getObject } from './api';
import type { OwnerState } from './decide';
import { FINALIZER_FOREGROUND, kindForReference, type ObjectIdentity } from './identity';

/** Where to look an owner up, or why it cannot be. */
export type OwnerLookup =
  | { lookup: 'get'; owner: ObjectIdentity }
  /** A cluster-scoped dependent naming a namespaced kind (upstream namespacedOwnerOfClusterScopedObjectErr). */
  | { lookup: 'invalid' }
  /** A kind this server does not serve: it cannot be verified, so it counts as present. */
  | { lookup: 'unserved' };

/** Where the reference points, seen from the dependent. */
export function ownerLookup(ref: Readonly<OwnerReference>, dependent: ObjectIdentity): OwnerLookup {
  const info = kindForReference(ref.apiVersion, ref.kind);
  if (!info) return { lookup: 'unserved' };
  if (info.namespaced && !dependent.namespace) return { lookup: 'invalid' };
  return { lookup: 'get', owner: { apiVersion: ref.apiVersion, kind: ref.kind, ...(info.namespaced ? { namespace: dependent.namespace } : {}), name: ref.name, uid: ref.uid } };
}

/** The owner's state given what the API server returned under the reference's name. */
export function ownerState(ref: Readonly<OwnerReference>, live: Readonly<KObject> | undefined): OwnerState {
  if (!live || live.metadata?.uid !== ref.uid) return 'dangling';
  return live.metadata?.deletionTimestamp && (live.metadata.finalizers ?? []).includes(FINALIZER_FOREGROUND) ? 'waiting' : 'solid';
}

/** Every reference with its owner's state, or `invalid` when one cannot be resolved at all. */
export type ClassifiedReferences = { invalid: true } | { invalid: false; owners: { ref: Readonly<OwnerReference>; state: OwnerState }[] };

/** classifyReferences: each reference's owner state, asking the API server unless the owner is known absent. */
export async function classifyReferences(client: ApiClient, absent: AbsentOwnerCache, refs: readonly Readonly<OwnerReference>[], dependent: ObjectIdentity): Promise<ClassifiedReferences> {
  const owners: { ref: Readonly<OwnerReference>; state: OwnerState }[] = [];
  for (const ref of refs) {
    const where = ownerLookup(ref, dependent);
    if (where.lookup === 'invalid') return { invalid: true };
    if (where.lookup === 'unserved') {
      owners.push({ ref, state: 'solid' });
      continue;
    }
    const key = absentKey(ref, where.owner.namespace);
    if (absent.has(key)) {
      owners.push({ ref, state: 'dangling' });
      continue;
    }
    const state = ownerState(ref, await getObject(client, where.owner));
    if (state === 'dangling') absent.add(key);
    owners.push({ ref, state });
  }
  return { invalid: false, owners };
}
