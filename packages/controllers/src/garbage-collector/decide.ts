/**
 * The garbage collector's decisions (upstream attemptToDeleteItem,
 * processDeletingDependentsItem and attemptToOrphanWorker), as pure functions
 * of what the API server said about an object's owners and what the graph
 * knows about its dependents.
 */
import type { OwnerReference } from '@mk/api';
import { FINALIZER_FOREGROUND, FINALIZER_ORPHAN } from './identity';
import type { GraphNode } from './graph';

/**
 * An owner as its dependent sees it: `dangling` when absent (not found, or a
 * different uid under that name), `waiting` when being deleted in the
 * foreground, else `solid`.
 */
export type OwnerState = 'solid' | 'dangling' | 'waiting';

/** DeleteOptions.propagationPolicy. */
export type PropagationPolicy = 'Foreground' | 'Background' | 'Orphan';

/** What attemptToDeleteItem knows about one object. */
export interface DependentSituation {
  /** Every reference of the live object, with its owner's state. */
  owners: readonly { ref: Readonly<OwnerReference>; state: OwnerState }[];
  /** The live object's finalizers. */
  finalizers: readonly string[];
  /** Whether other objects name this one as owner (then a foreground owner deletes it in the foreground too). */
  hasDependents: boolean;
  /** Whether one of those is itself being deleted in the foreground (a possible cycle). */
  dependentDeletingDependents: boolean;
}

/** What to do with the object. */
export type DependentDecision =
  | { action: 'keep' }
  /** Some owner is solid: only drop the references to absent owners and to owners waiting in the foreground. */
  | { action: 'remove-owner-references'; uids: string[] }
  /** No solid owner is left: delete it (after making its references non-blocking, when a cycle is possible). */
  | { action: 'delete'; propagationPolicy: PropagationPolicy; unblockOwnerReferences: boolean };

/** What to do with an object whose owners were classified. */
export function decideForDependent(s: DependentSituation): DependentDecision {
  if (s.owners.length === 0) return { action: 'keep' };
  const uidsIn = (state: OwnerState) => s.owners.filter((o) => o.state === state).map((o) => o.ref.uid);
  const solid = uidsIn('solid');
  const dangling = uidsIn('dangling');
  const waiting = uidsIn('waiting');
  if (solid.length) {
    // The waiting owners' references must go too, or those owners would wait for this object forever.
    return dangling.length || waiting.length ? { action: 'remove-owner-references', uids: [...dangling, ...waiting] } : { action: 'keep' };
  }
  if (waiting.length && s.hasDependents) {
    // Its own dependents must go first: delete it in the foreground as well.
    return { action: 'delete', propagationPolicy: 'Foreground', unblockOwnerReferences: s.dependentDeletingDependents };
  }
  // Honour a policy its finalizers already ask for; otherwise background.
  const policy: PropagationPolicy = s.finalizers.includes(FINALIZER_ORPHAN) ? 'Orphan' : s.finalizers.includes(FINALIZER_FOREGROUND) ? 'Foreground' : 'Background';
  return { action: 'delete', propagationPolicy: policy, unblockOwnerReferences: false };
}

/** A foreground owner: done once no blocking dependent is left, else its blocking dependents are processed. */
export function planForegroundOwner(blocking: readonly GraphNode[]): { removeFinalizer: true } | { removeFinalizer: false; attemptToDelete: string[] } {
  if (blocking.length === 0) return { removeFinalizer: true };
  // A dependent already deleting its own dependents is on its way; processing it again changes nothing.
  return { removeFinalizer: false, attemptToDelete: blocking.filter((d) => !d.deletingDependents).map((d) => d.identity.uid) };
}

/** unblockOwnerReferencesStrategicMergePatch: every blocking reference of the object set to blockOwnerDeletion false. */
export function unblockOwnerReferencesPatch(uid: string, owners: readonly Readonly<OwnerReference>[]): object {
  const refs = owners.filter((r) => r.blockOwnerDeletion === true).map((r) => ({ uid: r.uid, blockOwnerDeletion: false }));
  return { metadata: { uid, ownerReferences: refs } };
}

/** GenerateDeleteOwnerRefStrategicMergeBytes: removes the references to ownerUids; metadata.uid makes it conditional on this very object. */
export function deleteOwnerReferencesPatch(uid: string, ownerUids: readonly string[]): object {
  return { metadata: { uid, ownerReferences: ownerUids.map((u) => ({ $patch: 'delete', uid: u })) } };
}
