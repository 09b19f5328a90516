/**
 * The replica controller's decisions as pure functions (upstream
 * syncReplicaSet, claimPods and manageReplicas): which pods it owns, adopts
 * and releases, and whether it creates or deletes pods to reach
 * spec.replicas. The caller does the writes between the stages, because what
 * a sync manages depends on which adoptions succeeded.
 */
import { matchesLabels, type LabelSelector } from '@mk/api';
import type { Pod } from 'kubernetes-types/core/v1';
import { planClaims, type ClaimPlan } from '../framework/controller-ref';
import { isPodActive } from './active-pods';
import { desiredReplicas, type ReplicaOwner } from './kinds';
import { podsToDelete } from './rank-pods';

/** Upstream BurstReplicas: at most this many creates or deletes per sync. */
export const BURST_REPLICAS = 500;
/** controller.SlowStartInitialBatchSize: the first batch of creates. */
export const SLOW_START_INITIAL_BATCH_SIZE = 1;

/**
 * Which of the namespace's pods the owner claims: only active pods count (a
 * finished or terminating pod is neither adopted nor released), matched by
 * the owner's selector. A deleting owner adopts and releases nothing.
 */
export function planPodClaims<P extends Readonly<Pod>>(owner: Readonly<ReplicaOwner>, selector: LabelSelector, podsInNamespace: readonly P[]): ClaimPlan<P> {
  const active = podsInNamespace.filter(isPodActive);
  return planClaims(owner, active, (pod) => matchesLabels(selector, pod.metadata?.labels));
}

/** What a sync does about the replica count. */
export type ReplicaAction<P extends Readonly<Pod> = Readonly<Pod>> = { kind: 'none' } | { kind: 'create'; count: number } | { kind: 'delete'; pods: P[] };

export interface ReplicaActionInput<P extends Readonly<Pod>> {
  owner: Readonly<ReplicaOwner>;
  /** The owner's active pods after claiming (owned plus adopted). */
  claimed: readonly P[];
  /** Pods of every ReplicaSet that shares the owner's controller (for spreading deletions across nodes). */
  related: readonly Readonly<Pod>[];
  now: Date;
  burstReplicas?: number;
}

/** manageReplicas' decision: create the shortfall or delete the surplus, at most burstReplicas at a time. */
export function planReplicaAction<P extends Readonly<Pod>>(input: ReplicaActionInput<P>): ReplicaAction<P> {
  const burst = input.burstReplicas ?? BURST_REPLICAS;
  const diff = input.claimed.length - desiredReplicas(input.owner);
  if (diff < 0) return { kind: 'create', count: Math.min(-diff, burst) };
  if (diff > 0) return { kind: 'delete', pods: podsToDelete(input.claimed, input.related, Math.min(diff, burst), input.now) };
  return { kind: 'none' };
}

/** The batch sizes slowStartBatch tries for `count` calls: 1, 2, 4, … until count is reached. */
export function slowStartBatches(count: number, initial = SLOW_START_INITIAL_BATCH_SIZE): number[] {
  const batches: number[] = [];
  let remaining = count;
  for (let size = Math.min(remaining, initial); size > 0; size = Math.min(2 * size, remaining)) {
    batches.push(size);
    remaining -= size;
  }
  return batches;
}
