/**
 * What a pod's claims need, judged against the claims in the cache
 * (upstream StatefulPodControl's createPersistentVolumeClaims,
 * ClaimsMatchRetentionPolicy and UpdatePodClaimForRetentionPolicy, minus the
 * writes).
 */
import type { StatefulSet } from 'kubernetes-types/apps/v1';
import type { PersistentVolumeClaim, Pod } from 'kubernetes-types/core/v1';
import type { ClaimCreation, RetentionFix } from './actions';
import { claimsForPod } from './claims';
import { claimOwnerRefsFor, hasUnexpectedController, isClaimOwnerUpToDate, podClaimIsStale } from './retention';

/** Claims of the set's namespace by name. */
export type ClaimLookup = (name: string) => Readonly<PersistentVolumeClaim> | undefined;

/** The pod's claims that exist. */
function existingClaims(set: Readonly<StatefulSet>, pod: Readonly<Pod>, lookup: ClaimLookup): Readonly<PersistentVolumeClaim>[] {
  return claimsForPod(set, pod)
    .map((c) => lookup(c.metadata!.name!))
    .filter((c): c is Readonly<PersistentVolumeClaim> => c !== undefined);
}

/** Missing claims to create; claims being deleted are errors that hold the pod back. */
export function claimCreation(set: Readonly<StatefulSet>, pod: Readonly<Pod>, lookup: ClaimLookup): ClaimCreation {
  const out: ClaimCreation = { create: [], errors: [] };
  for (const claim of claimsForPod(set, pod)) {
    const existing = lookup(claim.metadata!.name!);
    if (!existing) out.create.push(claim);
    else if (existing.metadata?.deletionTimestamp) out.errors.push(`pvc ${claim.metadata!.name} is being deleted`);
  }
  return out;
}

/** ClaimsMatchRetentionPolicy: every existing claim's owner references already fit the policy. */
export function claimsMatchRetention(set: Readonly<StatefulSet>, pod: Readonly<Pod>, lookup: ClaimLookup): boolean {
  return existingClaims(set, pod, lookup).every((claim) => isClaimOwnerUpToDate(claim, set, pod));
}

/** The reference changes the policy asks of the pod's existing claims. */
export function retentionFix(set: Readonly<StatefulSet>, pod: Readonly<Pod>, lookup: ClaimLookup): RetentionFix {
  const out: RetentionFix = { update: [], conflicts: [] };
  for (const claim of existingClaims(set, pod, lookup)) {
    if (hasUnexpectedController(claim, set, pod)) out.conflicts.push(claim.metadata!.name!);
    if (isClaimOwnerUpToDate(claim, set, pod)) continue;
    const copy = structuredClone(claim) as PersistentVolumeClaim;
    copy.metadata!.ownerReferences = claimOwnerRefsFor(claim, set, pod);
    out.update.push(copy);
  }
  return out;
}

/** PodClaimIsStale, against the cache. */
export function claimIsStale(set: Readonly<StatefulSet>, pod: Readonly<Pod>, lookup: ClaimLookup): boolean {
  return podClaimIsStale(set, pod, existingClaims(set, pod, lookup));
}
