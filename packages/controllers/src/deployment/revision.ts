/**
 * Revision numbers and the annotations a Deployment hands its new ReplicaSet
 * (deployment util Revision, MaxRevision, SetNewReplicaSetAnnotations,
 * SetReplicasAnnotations). The new ReplicaSet's revision is one more than
 * the highest old one; a ReplicaSet that becomes new again (a rollback)
 * takes the new number and remembers its old ones in revision-history, which
 * is what `kubectl rollout history` lists.
 */
import {
  DEPRECATED_ROLLBACK_TO_ANNOTATION,
  DESIRED_REPLICAS_ANNOTATION,
  LAST_APPLIED_ANNOTATION,
  MAX_REPLICAS_ANNOTATION,
  MAX_REVISION_HISTORY_CHARS,
  REVISION_ANNOTATION,
  REVISION_HISTORY_ANNOTATION,
} from './constants';
import { desiredReplicas, maxSurge, type D } from './fenceposts';
import type { RS } from './replica-sets';

type Annotations = Record<string, string>;
type WithAnnotations = { readonly metadata?: { readonly annotations?: Readonly<Annotations> } };

/** Deployment annotations that stay off ReplicaSets (upstream annotationsToSkip). */
const SKIPPED = new Set([LAST_APPLIED_ANNOTATION, REVISION_ANNOTATION, REVISION_HISTORY_ANNOTATION, DESIRED_REPLICAS_ANNOTATION, MAX_REPLICAS_ANNOTATION, DEPRECATED_ROLLBACK_TO_ANNOTATION]);

/** True for the annotations the controller never copies between a Deployment and its ReplicaSets. */
export function isSkippedAnnotation(key: string): boolean {
  return SKIPPED.has(key);
}

/** strconv.ParseInt(s, 10, 64): optional sign and decimal digits; undefined when invalid. */
function parseInt64(s: string): number | undefined {
  return /^[+-]?\d+$/.test(s) ? Number(s) : undefined;
}

/** Revision: the revision annotation as a number; 0 when absent, undefined when unparsable. */
export function revisionOf(obj: WithAnnotations): number | undefined {
  const v = obj.metadata?.annotations?.[REVISION_ANNOTATION];
  return v === undefined ? 0 : parseInt64(v);
}

/** MaxRevision: the highest parsable revision among the ReplicaSets (0 for none). */
export function maxRevision(list: readonly RS[]): number {
  return list.reduce((max, rs) => Math.max(max, revisionOf(rs) ?? 0), 0);
}

/** GetDesiredReplicasAnnotation / getIntFromAnnotation (strconv.Atoi). */
export function intAnnotation(rs: RS, key: string): number | undefined {
  const v = rs.metadata?.annotations?.[key];
  return v === undefined ? undefined : parseInt64(v);
}

/** The desired/max replicas annotations the Deployment gives its ReplicaSets now. */
export function replicasAnnotations(d: D): { desired: string; max: string } {
  const desired = desiredReplicas(d);
  return { desired: String(desired), max: String(desired + maxSurge(d)) };
}

/** ReplicasAnnotationsNeedUpdate. */
export function replicasAnnotationsNeedUpdate(rs: RS, d: D): boolean {
  const want = replicasAnnotations(d);
  const a = rs.metadata?.annotations ?? {};
  return a[DESIRED_REPLICAS_ANNOTATION] !== want.desired || a[MAX_REPLICAS_ANNOTATION] !== want.max;
}

/** SetReplicasAnnotations on a mutable annotation map; true when something changed. */
export function setReplicasAnnotations(annotations: Annotations, d: D): boolean {
  const want = replicasAnnotations(d);
  let changed = false;
  if (annotations[DESIRED_REPLICAS_ANNOTATION] !== want.desired) {
    annotations[DESIRED_REPLICAS_ANNOTATION] = want.desired;
    changed = true;
  }
  if (annotations[MAX_REPLICAS_ANNOTATION] !== want.max) {
    annotations[MAX_REPLICAS_ANNOTATION] = want.max;
    changed = true;
  }
  return changed;
}

/** Appends a revision to the history list, dropping the oldest entries to stay within the length limit. */
function appendHistory(history: string, oldRevision: string, limit: number): string | undefined {
  if (history === '') return oldRevision;
  const entries = history.split(',');
  let total = history.length + oldRevision.length + 1;
  let start = 0;
  while (total > limit && start < entries.length) total -= entries[start++].length + 1;
  return total <= limit ? [...entries.slice(start), oldRevision].join(',') : undefined;
}

/**
 * SetNewReplicaSetAnnotations: the annotations the new ReplicaSet should
 * carry — the Deployment's own (minus the skipped ones), the new revision
 * unless it already has a higher one, the revision history of a ReplicaSet
 * rolled back to and, for one about to be created, the replicas
 * annotations. `changed` is false when nothing differs (and, as upstream,
 * when the ReplicaSet's revision cannot be parsed).
 */
export function newReplicaSetAnnotations(d: D, rs: WithAnnotations, newRevision: number, exists: boolean): { annotations: Annotations; changed: boolean } {
  const annotations: Annotations = { ...(rs.metadata?.annotations ?? {}) };
  let changed = false;
  for (const [k, v] of Object.entries(d.metadata?.annotations ?? {})) {
    // The revision is the ReplicaSet's to own: the Deployment's copy may be stale.
    if (isSkippedAnnotation(k) || annotations[k] === v) continue;
    annotations[k] = v;
    changed = true;
  }
  const oldRevision = annotations[REVISION_ANNOTATION];
  const hadRevision = oldRevision !== undefined;
  const oldNumber = hadRevision && oldRevision !== '' ? parseInt64(oldRevision) : 0;
  if (oldNumber === undefined) return { annotations: { ...(rs.metadata?.annotations ?? {}) }, changed: false };
  if (oldNumber < newRevision) {
    annotations[REVISION_ANNOTATION] = String(newRevision);
    changed = true;
    if (hadRevision) {
      const history = appendHistory(annotations[REVISION_HISTORY_ANNOTATION] ?? '', oldRevision, MAX_REVISION_HISTORY_CHARS);
      if (history !== undefined) annotations[REVISION_HISTORY_ANNOTATION] = history;
    }
  }
  if (!exists && setReplicasAnnotations(annotations, d)) changed = true;
  return { annotations, changed };
}
