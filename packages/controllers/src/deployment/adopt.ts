/**
 * Carrying out a claim plan (ControllerRefManager.ClaimReplicaSets): before
 * the first adoption the Deployment is re-read uncached, so one that is being
 * deleted never adopts; failures are collected and fail the sync after the
 * other claims are made.
 */
import type { ReplicaSet } from 'kubernetes-types/apps/v1';
import { newControllerRef } from '../framework/controller-ref';
import { planReplicaSetClaims } from './claim';
import type { D } from './fenceposts';
import type { RS } from './replica-sets';
import type { SyncDeps } from './sync-context';

/** RecheckDeletionTimestamp: throws when the Deployment is gone, replaced or being deleted. */
async function recheckCanAdopt(deps: SyncDeps, d: D): Promise<void> {
  const { namespace, name, uid } = d.metadata!;
  const fresh = await deps.writes.getDeployment(namespace!, name!);
  if (!fresh || fresh.metadata?.uid !== uid) throw new Error(`original Deployment ${namespace}/${name} is gone: got uid ${fresh?.metadata?.uid ?? ''}, wanted ${uid}`);
  if (fresh.metadata?.deletionTimestamp) throw new Error(`${namespace}/${name} has just been deleted at ${fresh.metadata.deletionTimestamp}`);
}

/** The ReplicaSets the Deployment owns after adopting and releasing. */
export async function claimReplicaSets(deps: SyncDeps, d: D): Promise<RS[]> {
  const plan = planReplicaSetClaims(d, deps.replicaSets);
  const owned: RS[] = [...plan.owned];
  const errors: string[] = [];
  let canAdopt: Promise<void> | undefined;
  for (const rs of plan.adopt) {
    try {
      await (canAdopt ??= recheckCanAdopt(deps, d));
      if (await deps.writes.adoptReplicaSet(d, rs)) {
        const adopted = structuredClone(rs) as ReplicaSet;
        adopted.metadata!.ownerReferences = [...(adopted.metadata!.ownerReferences ?? []), newControllerRef(d, 'apps/v1', 'Deployment')];
        owned.push(adopted);
      }
    } catch (err) {
      errors.push((err as Error).message);
    }
  }
  for (const rs of plan.release) {
    try {
      await deps.writes.releaseReplicaSet(d, rs);
    } catch (err) {
      errors.push((err as Error).message);
    }
  }
  if (errors.length) throw new Error(errors.length === 1 ? errors[0] : `[${errors.join(', ')}]`);
  return owned;
}
