/**
 * Finding — and if asked, creating — the new ReplicaSet, and keeping the
 * revision annotations in step (sync.go getAllReplicaSetsAndSyncRevision,
 * getNewReplicaSet). An existing new ReplicaSet gets the Deployment's
 * annotations, the next revision if an old one is higher, and its
 * minReadySeconds; the Deployment gets the new ReplicaSet's revision.
 */
import type { ReplicaSet } from 'kubernetes-types/apps/v1';
import { isAlreadyExists, isNamespaceTerminating } from '@mk/client';
import { getControllerOf } from '../framework/controller-ref';
import { EventReason, REVISION_ANNOTATION, Reason } from './constants';
import { getCondition, newCondition, setCondition } from './conditions';
import { buildNewReplicaSet } from './new-replica-set';
import { hasProgressDeadline } from './progress';
import { rsName, type RS } from './replica-sets';
import { maxRevision, newReplicaSetAnnotations } from './revision';
import { deploymentEvent, type SyncDeps, type WorkingDeployment } from './sync-context';
import { equalIgnoreHash, findNewReplicaSet, findOldReplicaSets } from './template';

/** A Deployment's ReplicaSets split into the new one (if any) and the rest. */
export interface DeploymentReplicaSets {
  newRS?: RS;
  /** Every other owned ReplicaSet, oldest first. */
  oldRSs: RS[];
}

/** getNewReplicaSet for an existing new ReplicaSet: sync its annotations first; once they are right, the Deployment's revision. */
async function syncExisting(deps: SyncDeps, w: WorkingDeployment, existing: RS, newRevision: number): Promise<RS> {
  const d = w.d;
  const { annotations, changed } = newReplicaSetAnnotations(d, existing, newRevision, true);
  const minReady = d.spec?.minReadySeconds ?? 0;
  if (changed || (existing.spec?.minReadySeconds ?? 0) !== minReady) {
    const copy = structuredClone(existing) as ReplicaSet;
    copy.metadata!.annotations = annotations;
    if (minReady) copy.spec!.minReadySeconds = minReady;
    else delete copy.spec!.minReadySeconds;
    // As upstream, the Deployment's revision follows on the sync this update triggers.
    return deps.writes.updateReplicaSet(copy);
  }
  let needsUpdate = w.setRevision(existing.metadata?.annotations?.[REVISION_ANNOTATION] ?? '');
  // A Deployment that never had a Progressing condition starts its clock at the first sight of its new ReplicaSet.
  if (hasProgressDeadline(d) && !getCondition(d.status, 'Progressing')) {
    setCondition(w.status, newCondition('Progressing', 'True', Reason.FoundNewReplicaSet, `Found new replica set "${rsName(existing)}"`, deps.now));
    needsUpdate = true;
  }
  if (needsUpdate) await w.save();
  return existing;
}

/** Creates the new ReplicaSet; a same-named one with a different template bumps collisionCount so the next try hashes differently. */
async function createNew(deps: SyncDeps, w: WorkingDeployment, oldRSs: readonly RS[], newRevision: number): Promise<RS> {
  const d = w.d;
  const wanted = buildNewReplicaSet(d, oldRSs, newRevision);
  const name = wanted.metadata!.name!;
  let created: RS;
  let alreadyExists = false;
  try {
    created = await deps.writes.createReplicaSet(wanted);
  } catch (err) {
    if (isAlreadyExists(err)) {
      const found = deps.replicaSet(name);
      if (!found) throw new Error(`replicaset.apps "${name}" not found`);
      const ref = getControllerOf(found);
      if (!ref || ref.uid !== d.metadata?.uid || !equalIgnoreHash(d.spec?.template, found.spec?.template)) {
        const before = w.status.collisionCount ?? 0;
        w.status.collisionCount = before + 1;
        try {
          await w.save();
          deps.log(`found a hash collision for deployment ${d.metadata?.namespace}/${d.metadata?.name} - bumping collisionCount (${before}->${before + 1}) to resolve it`);
        } catch {
          // The original error is what gets the sync retried.
        }
        throw err;
      }
      // Our own ReplicaSet, created by a sync whose result the cache had not shown yet.
      created = found;
      alreadyExists = true;
    } else if (isNamespaceTerminating(err)) {
      throw err;
    } else {
      const msg = `Failed to create new replica set "${name}": ${(err as Error).message}`;
      if (hasProgressDeadline(d)) {
        setCondition(w.status, newCondition('Progressing', 'False', Reason.FailedRSCreate, msg, deps.now));
        await w.save().catch(() => undefined);
      }
      deploymentEvent(deps, d, 'Warning', EventReason.FailedRSCreate, msg);
      throw err;
    }
  }
  const replicas = wanted.spec!.replicas!;
  if (!alreadyExists && replicas > 0) {
    deploymentEvent(deps, d, 'Normal', EventReason.ScalingReplicaSet, `Scaled up replica set ${name} from 0 to ${replicas}`);
  }
  let needsUpdate = w.setRevision(String(newRevision));
  if (!alreadyExists && hasProgressDeadline(d)) {
    setCondition(w.status, newCondition('Progressing', 'True', Reason.NewReplicaSetCreated, `Created new replica set "${name}"`, deps.now));
    needsUpdate = true;
  }
  if (needsUpdate) await w.save();
  return created;
}

/** getAllReplicaSetsAndSyncRevision over the owned ReplicaSets; creates the new one only when `create` is set. */
export async function getAllReplicaSetsAndSyncRevision(deps: SyncDeps, w: WorkingDeployment, rsList: readonly RS[], create: boolean): Promise<DeploymentReplicaSets> {
  const oldRSs = findOldReplicaSets(w.d, rsList);
  const newRevision = maxRevision(oldRSs) + 1;
  const existing = findNewReplicaSet(w.d, rsList);
  if (existing) return { newRS: await syncExisting(deps, w, existing, newRevision), oldRSs };
  if (!create) return { oldRSs };
  return { newRS: await createNew(deps, w, oldRSs, newRevision), oldRSs };
}
