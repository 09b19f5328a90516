/**
 * manageReplicas (upstream replica_set.go): carries out a replica action
 * under expectations. What is about to be created or deleted is recorded
 * before the first request — the informer may report a new pod before its
 * create call returns — and what is not going to happen after all (a failed
 * or skipped write) is taken back at once, so the next sync is not held up.
 */
import type { Pod } from 'kubernetes-types/core/v1';
import type { Expectations } from '../framework/expectations';
import { podKey } from './active-pods';
import { isNamespaceTerminating } from '@mk/client';
import { createReplicaPod, deleteReplicaPod, type ApplyDeps } from './apply';
import type { ReplicaOwner } from './kinds';
import type { ReplicaAction } from './plan';
import { slowStartBatch } from './slow-start';
import type { ManageError } from './status';

export interface ManageDeps extends ApplyDeps {
  expectations: Expectations;
}

const messageOf = (err: unknown) => (err instanceof Error ? err.message : String(err));

async function createPods(deps: ManageDeps, key: string, owner: Readonly<ReplicaOwner>, count: number): Promise<ManageError | undefined> {
  deps.expectations.expect(key, count);
  const { successes, error } = await slowStartBatch(count, async () => {
    try {
      await createReplicaPod(deps, owner);
    } catch (err) {
      // Every create in a terminating namespace fails alike: upstream counts it as done and moves on.
      if (!isNamespaceTerminating(err)) throw err;
    }
  });
  // The informer will never see the pods that were not created.
  for (let skipped = count - successes; skipped > 0; skipped--) deps.expectations.creationObserved(key);
  return error === undefined ? undefined : { message: messageOf(error) };
}

async function deletePods(deps: ManageDeps, key: string, owner: Readonly<ReplicaOwner>, pods: readonly Readonly<Pod>[]): Promise<ManageError | undefined> {
  deps.expectations.expect(key, 0, pods.map((p) => podKey(p)));
  const results = await Promise.allSettled(
    pods.map(async (pod) => {
      try {
        // Already gone: no deletion event is coming for it.
        if (!(await deleteReplicaPod(deps, owner, pod))) deps.expectations.deletionObserved(key, podKey(pod));
      } catch (err) {
        deps.expectations.deletionObserved(key, podKey(pod));
        throw err;
      }
    }),
  );
  const failed = results.find((r): r is PromiseRejectedResult => r.status === 'rejected');
  return failed ? { message: messageOf(failed.reason) } : undefined;
}

/** Carries out the action; resolves the failure that the status' ReplicaFailure condition reports, if any. */
export async function manageReplicas(deps: ManageDeps, key: string, owner: Readonly<ReplicaOwner>, action: ReplicaAction): Promise<ManageError | undefined> {
  if (action.kind === 'create') return createPods(deps, key, owner, action.count);
  if (action.kind === 'delete') return deletePods(deps, key, owner, action.pods);
  return undefined;
}
