/**
 * The rollouts (rolling.go rolloutRolling, recreate.go rolloutRecreate) and
 * the steps they share: status with progress estimation, and history
 * cleanup once a rollout is complete. Each rollout makes one move per sync
 * and lets the resulting ReplicaSet events bring it back.
 */
import type { ReconcileResult } from '@mk/client';
import { planCleanup } from './cleanup';
import { desiredReplicas } from './fenceposts';
import { getAllReplicaSetsAndSyncRevision } from './get-replica-sets';
import { rolloutStatus } from './progress';
import { oldPodsRunning, planRecreateScaleDown, type PodMap } from './recreate';
import { filterActive, type RS } from './replica-sets';
import { planNewReplicaSetScale, planOldReplicaSets } from './rolling';
import { scaleReplicaSetAndRecordEvent } from './scale-replica-set';
import { deploymentComplete } from './status';
import type { SyncDeps, WorkingDeployment } from './sync-context';

/** syncRolloutStatus: writes the status when it changed, else asks to be requeued at the progress deadline. */
export async function syncRolloutStatus(deps: SyncDeps, w: WorkingDeployment, allRSs: readonly (RS | undefined)[], newRS: RS | undefined): Promise<ReconcileResult> {
  const result = rolloutStatus(allRSs, newRS, w.d, deps.now);
  if (result.status) {
    w.d.status = result.status;
    await w.save();
    return undefined;
  }
  return result.requeueAfterMs === undefined ? undefined : { requeueAfterMs: result.requeueAfterMs };
}

/** cleanupDeployment: deletes the old ReplicaSets beyond revisionHistoryLimit; stops at the first failure. */
export async function cleanupDeployment(deps: SyncDeps, w: WorkingDeployment, oldRSs: readonly RS[]): Promise<void> {
  for (const rs of planCleanup(w.d, oldRSs)) await deps.writes.deleteReplicaSet(rs);
}

/** reconcileOldReplicaSets: true when old ReplicaSets were scaled down; failures only stop the scaling, as upstream. */
async function reconcileOldReplicaSets(deps: SyncDeps, w: WorkingDeployment, allRSs: readonly RS[], oldRSs: readonly RS[], newRS: RS): Promise<boolean> {
  const plan = planOldReplicaSets(w.d, allRSs, filterActive(oldRSs), newRS);
  const latest = new Map<string, RS>();
  try {
    for (const step of [...plan.cleanup, ...plan.scaleDown]) {
      const uid = step.rs.metadata!.uid!;
      const result = await scaleReplicaSetAndRecordEvent(deps, w.d, latest.get(uid) ?? step.rs, step.replicas);
      latest.set(uid, result.rs);
    }
  } catch (err) {
    deps.log(`deployment ${w.d.metadata?.namespace}/${w.d.metadata?.name}: scaling down old replica sets: ${(err as Error).message}`);
    return false;
  }
  if (plan.error) {
    deps.log(`deployment ${w.d.metadata?.namespace}/${w.d.metadata?.name}: ${plan.error}`);
    return false;
  }
  return plan.cleanup.length + plan.scaleDown.length > 0;
}

/** rolloutRolling: create or grow the new ReplicaSet, else shrink old ones, else clean up. */
export async function rolloutRolling(deps: SyncDeps, w: WorkingDeployment, rsList: readonly RS[]): Promise<ReconcileResult> {
  const { newRS, oldRSs } = await getAllReplicaSetsAndSyncRevision(deps, w, rsList, true);
  const allRSs = [...oldRSs, newRS!];

  const target = planNewReplicaSetScale(w.d, allRSs, newRS!);
  if (target !== undefined && (await scaleReplicaSetAndRecordEvent(deps, w.d, newRS!, target)).scaled) {
    return syncRolloutStatus(deps, w, allRSs, newRS);
  }
  if (await reconcileOldReplicaSets(deps, w, allRSs, oldRSs, newRS!)) return syncRolloutStatus(deps, w, allRSs, newRS);

  if (deploymentComplete(w.d, w.d.status)) await cleanupDeployment(deps, w, oldRSs);
  return syncRolloutStatus(deps, w, allRSs, newRS);
}

/** rolloutRecreate: old ReplicaSets to 0, wait for their pods to stop, then the new one at full size. */
export async function rolloutRecreate(deps: SyncDeps, w: WorkingDeployment, rsList: readonly RS[], podMap: PodMap): Promise<ReconcileResult> {
  // The new ReplicaSet is not created yet, so nothing scales up before the old pods are gone.
  let { newRS, oldRSs } = await getAllReplicaSetsAndSyncRevision(deps, w, rsList, false);
  let allRSs: (RS | undefined)[] = [...oldRSs, newRS];

  let scaledDown = false;
  for (const step of planRecreateScaleDown(oldRSs)) {
    if ((await scaleReplicaSetAndRecordEvent(deps, w.d, step.rs, step.replicas)).scaled) scaledDown = true;
  }
  if (scaledDown) return syncRolloutStatus(deps, w, allRSs, newRS);
  if (oldPodsRunning(newRS, oldRSs, podMap)) return syncRolloutStatus(deps, w, allRSs, newRS);

  if (!newRS) {
    ({ newRS, oldRSs } = await getAllReplicaSetsAndSyncRevision(deps, w, rsList, true));
    allRSs = [...oldRSs, newRS];
  }
  await scaleReplicaSetAndRecordEvent(deps, w.d, newRS!, desiredReplicas(w.d));
  if (deploymentComplete(w.d, w.d.status)) await cleanupDeployment(deps, w, oldRSs);
  return syncRolloutStatus(deps, w, allRSs, newRS);
}
