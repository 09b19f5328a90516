/**
 * The writes one StatefulSet sync makes, as data: the planner decides them
 * in upstream's order, the applier performs them in that order and stops at
 * the first failure (upstream returns on the first error too).
 */
import type { PersistentVolumeClaim, Pod } from 'kubernetes-types/core/v1';

/** createPersistentVolumeClaims for one pod: claims to create, and claims that block it (being deleted). */
export interface ClaimCreation {
  create: PersistentVolumeClaim[];
  /** Upstream's error texts, e.g. `pvc www-web-0 is being deleted`. */
  errors: string[];
}

/** UpdatePodClaimForRetentionPolicy for one pod: claims whose owner references change, and claims held by another controller. */
export interface RetentionFix {
  /** Copies of cached claims with their new ownerReferences. */
  update: PersistentVolumeClaim[];
  /** Names of claims with a conflicting controller (a Warning event each). */
  conflicts: string[];
}

export type StatefulSetAction =
  /** Delete a pod (failed, condemned by scale-down, or outdated); `tolerateNotFound` as upstream's rolling update. */
  | { type: 'deletePod'; pod: Readonly<Pod>; tolerateNotFound: boolean }
  /** CreateStatefulPod: claims first, then the pod, then the retention references. */
  | { type: 'createPod'; pod: Pod; claims: ClaimCreation; retention: RetentionFix }
  /** createMissingPersistentVolumeClaims for a Pending pod. */
  | { type: 'createMissingClaims'; pod: Readonly<Pod>; claims: ClaimCreation; retention: RetentionFix }
  /** UpdateStatefulPod: fix identity/storage (creating missing claims) and retention, then update the pod. */
  | { type: 'updatePod'; pod: Pod; claims?: ClaimCreation; retention?: RetentionFix }
  /** Fix the retention references of a condemned pod's claims. */
  | { type: 'fixClaims'; pod: Readonly<Pod>; retention: RetentionFix };

/** Whether a claim creation step has anything to do. */
export function hasClaimWork(c: ClaimCreation | undefined): boolean {
  return !!c && (c.create.length > 0 || c.errors.length > 0);
}

/** Whether a retention step has anything to do. */
export function hasRetentionWork(r: RetentionFix | undefined): boolean {
  return !!r && (r.update.length > 0 || r.conflicts.length > 0);
}
