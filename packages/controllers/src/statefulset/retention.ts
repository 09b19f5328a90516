/**
 * persistentVolumeClaimRetentionPolicy (upstream stateful_set_utils.go,
 * StatefulSetAutoDeletePVC, on by default since 1.27). The controller never
 * deletes claims itself: it sets owner references and leaves deletion to the
 * garbage collector —
 *   Retain/Retain   no reference from the set or the pod
 *   whenDeleted     Delete: the set owns the claim (gone with the set)
 *   whenScaled      Delete: a condemned pod owns its claim (gone with the pod)
 *   both Delete     the set owns claims of wanted pods, the pod those of condemned ones.
 * Claims carrying someone else's controller, or references to an older set or
 * pod of the same name, are left alone.
 */
import type { StatefulSet } from 'kubernetes-types/apps/v1';
import type { PersistentVolumeClaim, Pod } from 'kubernetes-types/core/v1';
import type { OwnerReference } from 'kubernetes-types/meta/v1';
import { newControllerRef } from '../framework/controller-ref';
import { podInOrdinalRange } from './identity';

type Obj = { readonly metadata?: { readonly name?: string; readonly uid?: string } };
interface Kind {
  apiVersion: string;
  kind: string;
}
const SET_KIND: Kind = { apiVersion: 'apps/v1', kind: 'StatefulSet' };
const POD_KIND: Kind = { apiVersion: 'v1', kind: 'Pod' };

/** The policy, Retain for whatever is unset. */
export function retentionPolicy(set: Readonly<StatefulSet>): { whenDeleted: string; whenScaled: string } {
  const p = set.spec?.persistentVolumeClaimRetentionPolicy;
  return { whenDeleted: p?.whenDeleted || 'Retain', whenScaled: p?.whenScaled || 'Retain' };
}

/** Both sides Retain, or a value this version does not know (upstream treats unknown policies as Retain). */
function retainsAll(set: Readonly<StatefulSet>): boolean {
  const { whenDeleted, whenScaled } = retentionPolicy(set);
  const known = (v: string) => v === 'Retain' || v === 'Delete';
  return !known(whenDeleted) || !known(whenScaled) || (whenDeleted === 'Retain' && whenScaled === 'Retain');
}

const uidOf = (obj: Obj) => obj.metadata?.uid ?? '';
const refs = (claim: Readonly<PersistentVolumeClaim>) => claim.metadata?.ownerReferences ?? [];

/** matchesRef: the reference names this object (by kind and name, whatever the uid). */
function matchesRef(ref: Readonly<OwnerReference>, obj: Obj, kind: Kind): boolean {
  return ref.apiVersion === kind.apiVersion && ref.kind === kind.kind && ref.name === obj.metadata?.name;
}

/** hasOwnerRef: target is owned (controller or not) by owner's uid. */
function hasOwnerRef(claim: Readonly<PersistentVolumeClaim>, owner: Obj): boolean {
  return refs(claim).some((r) => r.uid === uidOf(owner));
}

/** hasStaleOwnerRef: the claim refers to an object of this name and kind with another uid (a predecessor). */
export function hasStaleOwnerRef(claim: Readonly<PersistentVolumeClaim>, obj: Obj, kind: Kind): boolean {
  const ref = refs(claim).find((r) => matchesRef(r, obj, kind));
  return ref !== undefined && ref.uid !== uidOf(obj);
}

/** hasUnexpectedController: under a Delete policy, some controller other than this set or pod manages the claim. */
export function hasUnexpectedController(claim: Readonly<PersistentVolumeClaim>, set: Readonly<StatefulSet>, pod: Readonly<Pod>): boolean {
  if (retentionPolicy(set).whenDeleted === 'Retain' && retentionPolicy(set).whenScaled === 'Retain') return false;
  for (const ref of refs(claim)) {
    if (matchesRef(ref, set, SET_KIND)) {
      // A uid mismatch means an orphaned claim of an earlier set: not ours to touch.
      if (ref.uid !== uidOf(set)) return true;
      continue;
    }
    if (matchesRef(ref, pod, POD_KIND)) {
      if (ref.uid !== uidOf(pod)) return true;
      continue;
    }
    if (ref.controller === true) return true;
  }
  return false;
}

/** hasNonControllerOwner: the set or pod owns the claim without being its controller. */
function hasNonControllerOwner(claim: Readonly<PersistentVolumeClaim>, set: Readonly<StatefulSet>, pod: Readonly<Pod>): boolean {
  return refs(claim).some((r) => (r.uid === uidOf(set) || r.uid === uidOf(pod)) && r.controller !== true);
}

/** Which of set and pod should own the claim under the policy. */
function wantedOwners(set: Readonly<StatefulSet>, pod: Readonly<Pod>): { set: boolean; pod: boolean } {
  if (retainsAll(set)) return { set: false, pod: false };
  const { whenDeleted, whenScaled } = retentionPolicy(set);
  const scaledDown = !podInOrdinalRange(pod, set);
  if (whenScaled === 'Retain') return { set: whenDeleted === 'Delete', pod: false };
  if (whenDeleted === 'Retain') return { set: false, pod: scaledDown };
  return { set: !scaledDown, pod: scaledDown };
}

/** isClaimOwnerUpToDate: the claim's references already say what the policy wants (or must not be touched). */
export function isClaimOwnerUpToDate(claim: Readonly<PersistentVolumeClaim>, set: Readonly<StatefulSet>, pod: Readonly<Pod>): boolean {
  // Managed by a previous, presumably deleted, set or pod of the same name: leave it.
  if (hasStaleOwnerRef(claim, set, SET_KIND) || hasStaleOwnerRef(claim, pod, POD_KIND)) return true;
  if (hasUnexpectedController(claim, set, pod)) {
    // Our references must go; with none, nothing is added on top of the other controller.
    return !(hasOwnerRef(claim, set) || hasOwnerRef(claim, pod));
  }
  if (hasNonControllerOwner(claim, set, pod)) return false;
  const want = wantedOwners(set, pod);
  return hasOwnerRef(claim, set) === want.set && hasOwnerRef(claim, pod) === want.pod;
}

/** updateClaimOwnerRefForSetAndPod: the claim's references with ours rewritten for the policy. */
export function claimOwnerRefsFor(claim: Readonly<PersistentVolumeClaim>, set: Readonly<StatefulSet>, pod: Readonly<Pod>): OwnerReference[] {
  const unexpected = hasUnexpectedController(claim, set, pod);
  const kept = refs(claim)
    .filter((r) => !matchesRef(r, set, SET_KIND) && !matchesRef(r, pod, POD_KIND))
    .map((r) => ({ ...r }));
  if (unexpected) return kept;
  const want = wantedOwners(set, pod);
  const add = (owner: Obj, kind: Kind) => {
    if (!kept.some((r) => r.uid === uidOf(owner))) kept.push(newControllerRef(owner, kind.apiVersion, kind.kind));
  };
  if (want.pod) add(pod, POD_KIND);
  if (want.set) add(set, SET_KIND);
  return kept;
}

/**
 * PodClaimIsStale: under whenScaled=Delete, a claim still owned by an earlier
 * pod of this name is about to be garbage collected, and a new pod must not
 * be created on top of it.
 */
export function podClaimIsStale(set: Readonly<StatefulSet>, pod: Readonly<Pod>, existing: readonly Readonly<PersistentVolumeClaim>[]): boolean {
  if (retentionPolicy(set).whenScaled === 'Retain') return false;
  return existing.some((claim) => hasStaleOwnerRef(claim, pod, POD_KIND));
}
