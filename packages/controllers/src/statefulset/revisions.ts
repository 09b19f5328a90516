/**
 * StatefulSet history (upstream stateful_set_utils.go getPatch/newRevision/
 * ApplyRevision and stateful_set_control.go getStatefulSetRevisions/
 * truncateHistory). A revision's data is a strategic merge patch that puts
 * the pod template back — `{"spec":{"template":{...,"$patch":"replace"}}}` —
 * which is exactly what `kubectl rollout history/undo statefulset` read.
 */
import { applyStrategicMergePatch, patchMetaFor } from '@mk/api';
import type { ControllerRevision, StatefulSet } from 'kubernetes-types/apps/v1';
import type { Pod } from 'kubernetes-types/core/v1';
import { newControllerRef } from '../framework/controller-ref';
import { equalRevision, newControllerRevision, nextRevision } from '../framework/controller-revision';
import { canonicalJson } from '../framework/hash';
import { podRevision } from './pod-state';

/** getPatch: the set's pod template as a replacing patch, keys in Go's (sorted) order. */
export function revisionData(set: Readonly<StatefulSet>): { spec: { template: Record<string, unknown> } } {
  const template = { ...(structuredClone(set.spec?.template ?? {}) as Record<string, unknown>), $patch: 'replace' };
  return JSON.parse(canonicalJson({ spec: { template } }));
}

/** newRevision: a revision of the set's template, numbered `revision`, owned by the set, carrying its annotations. */
export function newRevision(set: Readonly<StatefulSet>, revision: number, collisionCount: number): ControllerRevision {
  const cr = newControllerRevision({
    parentName: set.metadata!.name!,
    namespace: set.metadata!.namespace!,
    controllerRef: newControllerRef(set, 'apps/v1', 'StatefulSet'),
    templateLabels: set.spec?.template?.metadata?.labels,
    data: revisionData(set),
    revision,
    collisionCount,
  });
  // Upstream copies the set's annotations (kubernetes.io/change-cause among them, for rollout history).
  const annotations = set.metadata?.annotations;
  if (annotations && Object.keys(annotations).length) cr.metadata!.annotations = { ...annotations };
  return cr;
}

/** ApplyRevision: the set as it was at revision (its template restored by the revision's patch). */
export function applyRevision(set: Readonly<StatefulSet>, revision: Readonly<ControllerRevision>): StatefulSet {
  return applyStrategicMergePatch(set, revision.data ?? {}, patchMetaFor('apps', 'v1', 'StatefulSet')) as StatefulSet;
}

/** How the update revision is obtained. */
export type UpdateRevisionSource =
  /** The newest revision already holds the set's template. */
  | { kind: 'existing'; revision: ControllerRevision }
  /** An older revision holds it (a rollback): it is renumbered to `to`, becoming the newest. */
  | { kind: 'renumber'; revision: ControllerRevision; to: number }
  /** No revision holds it: create this one (its name may still collide). */
  | { kind: 'create'; revision: ControllerRevision };

export interface RevisionDecision {
  update: UpdateRevisionSource;
  /** The revision named by status.currentRevision, if it is still in the history. */
  current?: ControllerRevision;
  collisionCount: number;
}

/** getStatefulSetRevisions without the writes: revisions must be sorted oldest first. */
export function decideRevisions(set: Readonly<StatefulSet>, revisions: readonly ControllerRevision[]): RevisionDecision {
  const collisionCount = set.status?.collisionCount ?? 0;
  const candidate = newRevision(set, nextRevision(revisions), collisionCount);
  const equal = revisions.filter((r) => equalRevision(r, candidate));
  const newest = revisions[revisions.length - 1];
  let update: UpdateRevisionSource;
  if (equal.length && equalRevision(newest, equal[equal.length - 1])) update = { kind: 'existing', revision: newest };
  else if (equal.length) update = { kind: 'renumber', revision: equal[equal.length - 1], to: candidate.revision };
  else update = { kind: 'create', revision: candidate };
  const current = revisions.find((r) => r.metadata?.name === set.status?.currentRevision);
  return { update, current, collisionCount };
}

/**
 * truncateHistory: revisions to delete so that at most revisionHistoryLimit
 * non-live ones remain, oldest first. Live: the current and update revisions
 * and any revision a pod still runs.
 */
export function revisionsToPrune(
  set: Readonly<StatefulSet>,
  pods: readonly Readonly<Pod>[],
  revisions: readonly ControllerRevision[],
  live: readonly (string | undefined)[],
): ControllerRevision[] {
  const inUse = new Set<string>([...live.filter((n): n is string => !!n), ...pods.map(podRevision)]);
  const history = revisions.filter((r) => !inUse.has(r.metadata?.name ?? ''));
  const limit = set.spec?.revisionHistoryLimit ?? 10;
  if (limit < 0 || history.length <= limit) return [];
  return history.slice(0, history.length - limit);
}
