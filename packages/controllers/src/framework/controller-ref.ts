/**
 * Controller references (apimachinery metav1.GetControllerOf and
 * controller.ControllerRefManager): which objects a controller owns, which
 * orphans it adopts and which of its objects it releases. Planning is pure;
 * adopt/release are the two strategic-merge patches upstream sends, each with
 * the object's uid in the body so a same-named successor is never touched.
 */
import type { KObject } from '@mk/api';
import { isInvalid, isNotFound, type ApiClient, type ResourcePath } from '@mk/client';
import type { OwnerReference } from 'kubernetes-types/meta/v1';
import { STRATEGIC_MERGE_PATCH } from './writes';

type Meta = { readonly metadata?: { readonly ownerReferences?: readonly OwnerReference[]; readonly uid?: string; readonly deletionTimestamp?: string; readonly name?: string } };

/** The owner reference with controller: true, if any. */
export function getControllerOf(obj: Meta): OwnerReference | undefined {
  return obj.metadata?.ownerReferences?.find((r) => r.controller === true);
}

/** The controller reference a controller puts on what it creates or adopts. */
export function newControllerRef(owner: Meta, apiVersion: string, kind: string): OwnerReference {
  return { apiVersion, kind, name: owner.metadata!.name!, uid: owner.metadata!.uid!, controller: true, blockOwnerDeletion: true };
}

/** True when obj's controller is a `kind` of the given API group (e.g. a Pod controlled by an apps ReplicaSet). */
export function isControlledByKind(obj: Meta, group: string, kind: string): boolean {
  const ref = getControllerOf(obj);
  if (!ref || ref.kind !== kind) return false;
  const refGroup = ref.apiVersion.includes('/') ? ref.apiVersion.split('/')[0] : '';
  return refGroup === group;
}

/** `namespace/name` of obj's controller when it is a `kind` of `group` (for mapping a pod event to its owner's key). */
export function controllerKey(obj: Meta & { readonly metadata?: { readonly namespace?: string } }, group: string, kind: string): string | undefined {
  if (!isControlledByKind(obj, group, kind)) return undefined;
  const ref = getControllerOf(obj)!;
  const ns = obj.metadata?.namespace;
  return ns ? `${ns}/${ref.name}` : ref.name;
}

export interface ClaimPlan<T> {
  /** Controlled by the owner and still matching: the owner's objects. */
  owned: T[];
  /** Orphans that match: adopt, then count as owned. */
  adopt: T[];
  /** Controlled by the owner but no longer matching: release. */
  release: T[];
}

/**
 * ClaimObjects as upstream's ControllerRefManager: objects controlled by
 * someone else are ignored; a deleting owner adopts nothing and releases
 * nothing; objects being deleted are never adopted.
 */
export function planClaims<T extends Meta>(owner: Meta, candidates: readonly T[], matches: (obj: T) => boolean): ClaimPlan<T> {
  const plan: ClaimPlan<T> = { owned: [], adopt: [], release: [] };
  const ownerUid = owner.metadata?.uid;
  const ownerDeleting = !!owner.metadata?.deletionTimestamp;
  for (const obj of candidates) {
    const ref = getControllerOf(obj);
    if (ref) {
      if (ref.uid !== ownerUid) continue;
      if (matches(obj)) plan.owned.push(obj);
      else if (!ownerDeleting) plan.release.push(obj);
      continue;
    }
    if (ownerDeleting || !matches(obj) || obj.metadata?.deletionTimestamp) continue;
    plan.adopt.push(obj);
  }
  return plan;
}

/** Adds the controller reference to an orphan; resolves false when the object is gone or changed identity. */
export async function adoptObject(client: ApiClient, path: ResourcePath, obj: Meta, controllerRef: OwnerReference): Promise<boolean> {
  const body = { metadata: { ownerReferences: [controllerRef], uid: obj.metadata!.uid } };
  try {
    await client.request('PATCH', client.path(path), { contentType: STRATEGIC_MERGE_PATCH, body });
    return true;
  } catch (err) {
    if (isNotFound(err)) return false;
    throw err;
  }
}

/** Removes the owner's reference; an object that is gone or invalid is left alone, as upstream does. */
export async function releaseObject(client: ApiClient, path: ResourcePath, obj: Meta, ownerUid: string): Promise<void> {
  const body = { metadata: { ownerReferences: [{ $patch: 'delete', uid: ownerUid }], uid: obj.metadata!.uid } };
  try {
    await client.request('PATCH', client.path(path), { contentType: STRATEGIC_MERGE_PATCH, body });
  } catch (err) {
    if (isNotFound(err) || isInvalid(err)) return;
    throw err;
  }
}

export type { KObject };
