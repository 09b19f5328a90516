/**
 * ControllerRevisions (pkg/controller/history), the history StatefulSets and
 * DaemonSets keep: one object per distinct template, named
 * `<owner>-<hash>`, numbered by `revision`, owned by the workload.
 */
import type { ControllerRevision } from 'kubernetes-types/apps/v1';
import type { OwnerReference } from 'kubernetes-types/meta/v1';
import { canonicalJson, computeHash } from './hash';

/** history.ControllerRevisionHashLabel: the label pods carry naming their revision. */
export const CONTROLLER_REVISION_HASH_LABEL = 'controller-revision-hash';

/** history.ControllerRevisionName: prefix (cut to 223 characters) + `-` + hash. */
export function controllerRevisionName(prefix: string, hash: string): string {
  return `${prefix.length > 223 ? prefix.slice(0, 223) : prefix}-${hash}`;
}

/** history.HashControllerRevision: the hash of the revision's data and the collision count. */
export function hashControllerRevisionData(data: unknown, collisionCount?: number): string {
  return computeHash(data, collisionCount);
}

/** history.NewControllerRevision: a revision of data owned by parent, labelled with the template labels and its own hash. */
export function newControllerRevision(opts: {
  parentName: string;
  namespace: string;
  controllerRef: OwnerReference;
  templateLabels?: Record<string, string>;
  data: unknown;
  revision: number;
  collisionCount?: number;
}): ControllerRevision {
  const hash = hashControllerRevisionData(opts.data, opts.collisionCount);
  return {
    apiVersion: 'apps/v1',
    kind: 'ControllerRevision',
    metadata: {
      name: controllerRevisionName(opts.parentName, hash),
      namespace: opts.namespace,
      labels: { ...(opts.templateLabels ?? {}), [CONTROLLER_REVISION_HASH_LABEL]: hash },
      ownerReferences: [{ ...opts.controllerRef }],
    },
    data: structuredClone(opts.data) as ControllerRevision['data'],
    revision: opts.revision,
  };
}

/** history.EqualRevision: same data (the hash label is only a shortcut upstream; comparing data is exact). */
export function equalRevision(a: Readonly<ControllerRevision>, b: Readonly<ControllerRevision>): boolean {
  return canonicalJson(a.data) === canonicalJson(b.data);
}

/** Revisions oldest first (by revision number, then name), as history.SortControllerRevisions. */
export function sortRevisions<T extends Readonly<ControllerRevision>>(revisions: readonly T[]): T[] {
  return [...revisions].sort((a, b) => a.revision - b.revision || (a.metadata?.name ?? '').localeCompare(b.metadata?.name ?? ''));
}

/** The next revision number after the given history (1 for none). */
export function nextRevision(revisions: readonly Readonly<ControllerRevision>[]): number {
  return revisions.reduce((max, r) => Math.max(max, r.revision), 0) + 1;
}
