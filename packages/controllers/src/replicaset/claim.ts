/**
 * Carrying out a claim plan (upstream PodControllerRefManager.ClaimPods):
 * adopt matching orphans and release owned pods that stopped matching.
 * Before the first adoption the owner is re-read from the server, not the
 * cache (RecheckDeletionTimestamp), so an owner deleted a moment ago does not
 * grab pods its garbage collection would then have to orphan again.
 */
import type { Pod } from 'kubernetes-types/core/v1';
import { adoptObject, newControllerRef, releaseObject, type ClaimPlan } from '../framework/controller-ref';
import { ownerPath, type ApplyDeps } from './apply';
import type { ReplicaOwner } from './kinds';

const podPath = (pod: Readonly<Pod>) => ({ group: '', version: 'v1', plural: 'pods', namespace: pod.metadata?.namespace, name: pod.metadata?.name });

async function recheckOwner(deps: Pick<ApplyDeps, 'client' | 'kind'>, owner: Readonly<ReplicaOwner>): Promise<void> {
  const { namespace, name, uid } = owner.metadata ?? {};
  let fresh: ReplicaOwner;
  try {
    fresh = await deps.client.request<ReplicaOwner>('GET', ownerPath(deps, owner));
  } catch (err) {
    throw new Error(`can't recheck DeletionTimestamp: ${err instanceof Error ? err.message : String(err)}`);
  }
  if (fresh.metadata?.uid !== uid) throw new Error(`original ${deps.kind.kind} ${namespace}/${name} is gone: got uid ${fresh.metadata?.uid}, wanted ${uid}`);
  if (fresh.metadata?.deletionTimestamp) throw new Error(`${namespace}/${name} has just been deleted at ${fresh.metadata.deletionTimestamp}`);
}

/**
 * Adopts and releases as planned; resolves the claimed pods (owned plus
 * adopted). Pods that vanished meanwhile are skipped; any other failure is
 * thrown after every claim was tried, so the sync retries.
 */
export async function applyPodClaims<P extends Readonly<Pod>>(deps: Pick<ApplyDeps, 'client' | 'kind'>, owner: Readonly<ReplicaOwner>, plan: ClaimPlan<P>): Promise<P[]> {
  const claimed = [...plan.owned];
  const errors: string[] = [];
  if (plan.adopt.length) {
    let canAdopt = true;
    try {
      await recheckOwner(deps, owner);
    } catch (err) {
      canAdopt = false;
      errors.push((err as Error).message);
    }
    const ref = newControllerRef(owner, deps.kind.apiVersion, deps.kind.kind);
    for (const pod of canAdopt ? plan.adopt : []) {
      try {
        if (await adoptObject(deps.client, podPath(pod), pod, ref)) claimed.push(pod);
      } catch (err) {
        errors.push(err instanceof Error ? err.message : String(err));
      }
    }
  }
  for (const pod of plan.release) {
    try {
      await releaseObject(deps.client, podPath(pod), pod, owner.metadata!.uid!);
    } catch (err) {
      errors.push(err instanceof Error ? err.message : String(err));
    }
  }
  // utilerrors.NewAggregate prints one error bare and several as a list.
  if (errors.length === 1) throw new Error(errors[0]);
  if (errors.length > 1) throw new Error(`[${errors.join(', ')}]`);
  return claimed;
}
