/**
 * syncReplicaSet (upstream replica_set.go) for one owner key: claim the
 * active pods, manage the replica count when the owner's earlier writes have
 * all been observed and it is not being deleted, then bring status up to date
 * — that last step always, so a deleting owner's status still follows its
 * pods.
 */
import type { Clock } from '@mk/api';
import { matchesLabels } from '@mk/api';
import type { Pod } from 'kubernetes-types/core/v1';
import type { Lister, ReconcileResult } from '@mk/client';
import { getControllerOf } from '../framework/controller-ref';
import type { Typed } from '../framework/types';
import { EXPECTATIONS_TTL_MS } from '../framework/expectations';
import { writeReplicaStatus } from './apply';
import { applyPodClaims } from './claim';
import { desiredReplicas, type ReplicaOwner } from './kinds';
import { manageReplicas, type ManageDeps } from './manage';
import { planPodClaims, planReplicaAction, type ReplicaAction } from './plan';
import { calculateStatus, nextAvailableInMs, statusUpToDate, type ManageError } from './status';

export interface SyncDeps extends ManageDeps {
  clock: Clock;
  owners: Lister<ReplicaOwner>;
  pods: Lister<Typed<Pod>>;
  log(message: string): void;
  burstReplicas?: number;
}

/**
 * getIndirectlyRelatedPods: the pods selected by every owner that shares this
 * one's controller (itself included); none when it has no controller.
 */
export function relatedPods(deps: Pick<SyncDeps, 'owners' | 'pods' | 'kind'>, owner: Readonly<ReplicaOwner>): Readonly<Pod>[] {
  const controller = getControllerOf(owner);
  if (!controller) return [];
  const namespace = owner.metadata?.namespace ?? '';
  const inNamespace = deps.pods.byNamespace(namespace);
  const seen = new Set<string>();
  const related: Readonly<Pod>[] = [];
  for (const sibling of deps.owners.byNamespace(namespace)) {
    if (getControllerOf(sibling)?.uid !== controller.uid) continue;
    let selector;
    try {
      selector = deps.kind.selector(sibling);
    } catch {
      continue; // an invalid selector matches no pods
    }
    for (const pod of inNamespace) {
      const uid = pod.metadata?.uid ?? '';
      if (seen.has(uid) || !matchesLabels(selector, pod.metadata?.labels)) continue;
      seen.add(uid);
      related.push(pod);
    }
  }
  return related;
}

/** Syncs one owner; throws (to be retried with backoff) when claiming, a create/delete or the status write failed. */
export async function syncReplicaOwner(deps: SyncDeps, key: string): Promise<ReconcileResult> {
  const owner = deps.owners.get(key);
  if (!owner) {
    deps.expectations.forget(key);
    return;
  }
  const needsSync = deps.expectations.satisfied(key);
  let selector;
  try {
    selector = deps.kind.selector(owner);
  } catch (err) {
    deps.log(`${deps.kind.controllerName}: error converting pod selector to selector for ${deps.kind.kind} ${key}: ${(err as Error).message}`);
    return;
  }

  const podsInNamespace = deps.pods.byNamespace(owner.metadata?.namespace ?? '');
  const claimed = await applyPodClaims(deps, owner, planPodClaims(owner, selector, podsInNamespace));

  let manageError: ManageError | undefined;
  if (needsSync && !owner.metadata?.deletionTimestamp) {
    // Related pods only rank deletions; listing them is skipped when nothing is to be deleted.
    const related = claimed.length > desiredReplicas(owner) ? relatedPods(deps, owner) : [];
    const action: ReplicaAction = planReplicaAction({ owner, claimed, related, now: deps.clock.now(), burstReplicas: deps.burstReplicas });
    manageError = await manageReplicas(deps, key, owner, action);
  }

  const now = deps.clock.now();
  const status = calculateStatus(owner, claimed, manageError, now);
  if (!statusUpToDate(owner, status)) await writeReplicaStatus(deps, owner, status);
  if (manageError) throw new Error(manageError.message);

  // Look again when a ready pod turns available, and once pending expectations would have expired (a lost watch event must not stall the owner).
  const waits = [nextAvailableInMs(claimed, owner.spec?.minReadySeconds ?? 0, now), deps.expectations.satisfied(key) ? undefined : EXPECTATIONS_TTL_MS + 1];
  const defined = waits.filter((w): w is number => w !== undefined);
  return defined.length ? { requeueAfterMs: Math.min(...defined) } : undefined;
}
