/**
 * Resizing one ReplicaSet (sync.go scaleReplicaSet,
 * scaleReplicaSetAndRecordEvent): spec.replicas and the replicas
 * annotations change in one update, and a size change is reported as a
 * ScalingReplicaSet event in 1.32's wording ("Scaled up replica set web-x
 * from 1 to 3"; 1.31 and earlier said "to 3 from 1"), up or down by the
 * ReplicaSet's own change.
 */
import type { ReplicaSet } from 'kubernetes-types/apps/v1';
import { EventReason } from './constants';
import type { D } from './fenceposts';
import { replicasOf, rsName, type RS } from './replica-sets';
import { replicasAnnotationsNeedUpdate, setReplicasAnnotations } from './revision';
import { deploymentEvent, type SyncDeps } from './sync-context';

/** The outcome of resizing one ReplicaSet. */
export interface ScaleResult {
  /** The size changed. */
  scaled: boolean;
  /** The ReplicaSet as stored after the write (the input when nothing was written). */
  rs: RS;
}

/** scaleReplicaSet: writes when the size or the replicas annotations differ. */
export async function scaleReplicaSet(deps: SyncDeps, d: D, rs: RS, newScale: number): Promise<ScaleResult> {
  const oldScale = replicasOf(rs);
  const sizeChanged = oldScale !== newScale;
  if (!sizeChanged && !replicasAnnotationsNeedUpdate(rs, d)) return { scaled: false, rs };
  const copy = structuredClone(rs) as ReplicaSet;
  copy.spec = { ...copy.spec!, replicas: newScale };
  setReplicasAnnotations((copy.metadata!.annotations ??= {}), d);
  const stored = await deps.writes.updateReplicaSet(copy);
  if (sizeChanged) {
    const operation = oldScale < newScale ? 'up' : 'down';
    deploymentEvent(deps, d, 'Normal', EventReason.ScalingReplicaSet, `Scaled ${operation} replica set ${rsName(rs)} from ${oldScale} to ${newScale}`);
  }
  return { scaled: sizeChanged, rs: stored };
}

/** scaleReplicaSetAndRecordEvent: nothing at all when the size is already right (not even the annotations). */
export async function scaleReplicaSetAndRecordEvent(deps: SyncDeps, d: D, rs: RS, newScale: number): Promise<ScaleResult> {
  if (replicasOf(rs) === newScale) return { scaled: false, rs };
  return scaleReplicaSet(deps, d, rs, newScale);
}
