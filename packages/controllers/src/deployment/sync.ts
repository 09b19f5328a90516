/**
 * One Deployment sync (deployment_controller.go syncDeployment, sync.go
 * sync/syncStatusOnly): claim ReplicaSets; a Deployment being deleted only
 * gets its status; pausing and resuming are recorded on Progressing; a
 * paused Deployment or a change of spec.replicas is only scaled
 * (proportionally); otherwise the strategy rolls out the template.
 */
import type { ReconcileResult } from '@mk/client';
import { selectsEverything } from './claim';
import { claimReplicaSets } from './adopt';
import { EventReason } from './constants';
import type { D } from './fenceposts';
import { getAllReplicaSetsAndSyncRevision } from './get-replica-sets';
import { pausedConditionUpdate } from './progress';
import { podMapFor } from './recreate';
import type { RS } from './replica-sets';
import { cleanupDeployment, rolloutRecreate, rolloutRolling } from './rollout';
import { isScalingEvent, planScale } from './scale';
import { scaleReplicaSet } from './scale-replica-set';
import { calculateStatus, sameStatus } from './status';
import { deploymentEvent, WorkingDeployment, type SyncDeps } from './sync-context';
import { findNewReplicaSet, findOldReplicaSets } from './template';

/** syncDeploymentStatus: the counters and Available, written when changed; Progressing is left alone. */
async function syncDeploymentStatus(deps: SyncDeps, w: WorkingDeployment, allRSs: readonly (RS | undefined)[], newRS: RS | undefined): Promise<void> {
  const status = calculateStatus(allRSs, newRS, w.d, deps.now);
  if (sameStatus(w.d.status, status)) return;
  w.d.status = status;
  await w.save();
}

/** syncStatusOnly: for a Deployment being deleted. */
async function syncStatusOnly(deps: SyncDeps, w: WorkingDeployment, rsList: readonly RS[]): Promise<void> {
  const { newRS, oldRSs } = await getAllReplicaSetsAndSyncRevision(deps, w, rsList, false);
  await syncDeploymentStatus(deps, w, [...oldRSs, newRS], newRS);
}

/** sync: scaling without rolling out (paused Deployments, replica changes). */
async function syncScaling(deps: SyncDeps, w: WorkingDeployment, rsList: readonly RS[]): Promise<void> {
  const { newRS, oldRSs } = await getAllReplicaSetsAndSyncRevision(deps, w, rsList, false);
  for (const step of planScale(w.d, newRS, oldRSs)) await scaleReplicaSet(deps, w.d, step.rs, step.replicas);
  // A paused Deployment is not rolling out, so its history can be trimmed now.
  if (w.d.spec?.paused) await cleanupDeployment(deps, w, oldRSs);
  await syncDeploymentStatus(deps, w, [...oldRSs, newRS], newRS);
}

/** Syncs the cached Deployment; throws to be retried. */
export async function syncDeployment(deps: SyncDeps, cached: D): Promise<ReconcileResult> {
  const w = new WorkingDeployment(deps.writes, cached);
  const d = w.d;
  if (selectsEverything(d)) {
    deploymentEvent(deps, d, 'Warning', EventReason.SelectingAll, 'This deployment is selecting all pods. A non-empty selector is required.');
    if ((d.status?.observedGeneration ?? 0) < (d.metadata?.generation ?? 0)) {
      w.status.observedGeneration = d.metadata!.generation;
      await w.save();
    }
    return undefined;
  }

  const rsList = await claimReplicaSets(deps, d);
  if (d.metadata?.deletionTimestamp) return syncStatusOnly(deps, w, rsList);

  const paused = pausedConditionUpdate(w.d, deps.now);
  if (paused) {
    w.d.status = paused;
    await w.save();
  }
  if (w.d.spec?.paused) return syncScaling(deps, w, rsList);

  if (isScalingEvent(w.d, findNewReplicaSet(w.d, rsList), findOldReplicaSets(w.d, rsList))) return syncScaling(deps, w, rsList);

  const strategy = w.d.spec?.strategy?.type ?? 'RollingUpdate';
  // Only Recreate looks at pods (whether old ones still run); upstream builds the map on every sync.
  if (strategy === 'Recreate') return rolloutRecreate(deps, w, rsList, podMapFor(d, rsList, deps.pods));
  if (strategy === 'RollingUpdate') return rolloutRolling(deps, w, rsList);
  throw new Error(`unexpected deployment strategy type: ${strategy}`);
}
