/**
 * A DaemonSet's history (upstream constructHistory, snapshot, getPatch,
 * dedupCurHistories, cleanupHistory), as pure planning. Each distinct pod
 * template is kept as a ControllerRevision whose data is the strategic merge
 * patch that restores it — `{"spec":{"template":{…,"$patch":"replace"}}}`,
 * the shape `kubectl rollout history` prints and `rollout undo` applies.
 */
import type { ControllerRevision, DaemonSet } from 'kubernetes-types/apps/v1';
import type { Pod } from 'kubernetes-types/core/v1';
import { CONTROLLER_REVISION_HASH_LABEL } from '../framework/controller-revision';
import { newControllerRef } from '../framework/controller-ref';
import { canonicalJson, computeHash } from '../framework/hash';

/** getPatch: the revision data that puts this DaemonSet's template back. */
export function revisionData(ds: Readonly<DaemonSet>): { spec: { template: Record<string, unknown> } } {
  const template = structuredClone(ds.spec?.template ?? {}) as Record<string, unknown>;
  return { spec: { template: { ...template, $patch: 'replace' } } };
}

/** Match: the revision holds this DaemonSet's template. */
export function revisionMatches(ds: Readonly<DaemonSet>, revision: Readonly<ControllerRevision>): boolean {
  return canonicalJson(revision.data) === canonicalJson(revisionData(ds));
}

/** The hash naming the revision of the current template (controller.ComputeHash of the template and collisionCount). */
export function templateHash(ds: Readonly<DaemonSet>): string {
  return computeHash(ds.spec?.template ?? {}, ds.status?.collisionCount ?? undefined);
}

/** snapshot: the ControllerRevision for the DaemonSet's current template. */
export function snapshotRevision(ds: Readonly<DaemonSet>, revision: number): ControllerRevision {
  const hash = templateHash(ds);
  const annotations = ds.metadata?.annotations;
  return {
    apiVersion: 'apps/v1',
    kind: 'ControllerRevision',
    metadata: {
      name: `${ds.metadata!.name}-${hash}`,
      namespace: ds.metadata!.namespace,
      labels: { ...(ds.spec?.template?.metadata?.labels ?? {}), [CONTROLLER_REVISION_HASH_LABEL]: hash },
      ...(annotations && Object.keys(annotations).length ? { annotations: { ...annotations } } : {}),
      ownerReferences: [newControllerRef(ds, 'apps/v1', 'DaemonSet')],
    },
    data: revisionData(ds) as ControllerRevision['data'],
    revision,
  };
}

/** The hash a revision stands for: its label, or (for revisions written before the label existed) its name. */
export function revisionHashOf(revision: Readonly<ControllerRevision>): string {
  return revision.metadata?.labels?.[CONTROLLER_REVISION_HASH_LABEL] ?? revision.metadata!.name!;
}

export interface HistoryPlan {
  /** The existing revision of the current template, when there is one. */
  current?: Readonly<ControllerRevision>;
  /** Otherwise the revision to create. */
  create?: ControllerRevision;
  /** The current revision's new number, when an older template came back and must become the newest. */
  renumber?: number;
  /** Revisions of other templates. */
  old: Readonly<ControllerRevision>[];
  /** Revisions missing the hash label, to label with their name. */
  label: Readonly<ControllerRevision>[];
  /** Further revisions of the current template, to delete (after relabelling their pods). */
  duplicates: Readonly<ControllerRevision>[];
  /** The current revision's hash: the label new pods get. */
  hash: string;
}

/** constructHistory: splits the DaemonSet's revisions into current and old and says what to write. */
export function planHistory(ds: Readonly<DaemonSet>, revisions: readonly Readonly<ControllerRevision>[]): HistoryPlan {
  const label = revisions.filter((r) => r.metadata?.labels?.[CONTROLLER_REVISION_HASH_LABEL] === undefined);
  const matching = revisions.filter((r) => revisionMatches(ds, r));
  const old = revisions.filter((r) => !matching.includes(r));
  const next = old.reduce((max, r) => Math.max(max, r.revision), 0) + 1;
  if (matching.length === 0) {
    const create = snapshotRevision(ds, next);
    return { create, old, label, duplicates: [], hash: revisionHashOf(create) };
  }
  // dedupCurHistories: the highest revision number wins (the last one on a tie).
  const current = matching.reduce((keep, r) => (r.revision >= keep.revision ? r : keep));
  return {
    current,
    ...(current.revision < next ? { renumber: next } : {}),
    old,
    label,
    duplicates: matching.filter((r) => r !== current),
    hash: revisionHashOf(current),
  };
}

/**
 * Pods to move onto the kept revision's hash before a duplicate revision is
 * deleted. Upstream relabels every pod with another hash, which would also
 * mark truly outdated pods as updated; mk moves only the duplicates' pods.
 */
export function podsToRelabel(plan: HistoryPlan, pods: readonly Readonly<Pod>[]): Readonly<Pod>[] {
  const duplicateHashes = new Set(plan.duplicates.map(revisionHashOf));
  return pods.filter((p) => {
    const hash = p.metadata?.labels?.[CONTROLLER_REVISION_HASH_LABEL];
    return hash !== undefined && hash !== plan.hash && duplicateHashes.has(hash);
  });
}

/**
 * cleanupHistory: old revisions beyond revisionHistoryLimit, oldest first,
 * sparing any that a pod still runs (finished pods being deleted count too).
 */
export function planHistoryCleanup(ds: Readonly<DaemonSet>, old: readonly Readonly<ControllerRevision>[], pods: readonly Readonly<Pod>[]): Readonly<ControllerRevision>[] {
  let toKill = old.length - (ds.spec?.revisionHistoryLimit ?? 10);
  if (toKill <= 0) return [];
  const liveHashes = new Set(pods.map((p) => p.metadata?.labels?.[CONTROLLER_REVISION_HASH_LABEL]).filter((h): h is string => !!h));
  const out: Readonly<ControllerRevision>[] = [];
  for (const r of [...old].sort((a, b) => a.revision - b.revision)) {
    if (toKill <= 0) break;
    if (liveHashes.has(revisionHashOf(r))) continue;
    out.push(r);
    toKill--;
  }
  return out;
}
