/**
 * `rollout undo` for DaemonSets and StatefulSets (polymorphichelpers DaemonSetRollbacker /
 * StatefulSetRollbacker): the wanted ControllerRevision's data is sent back as a strategic merge patch.
 */
import type { KObject } from '@mk/api';
import type { ControllerRevision } from 'kubernetes-types/apps/v1';
import { dryRunQuery } from '../mutate/dry-run';
import { STRATEGIC_MERGE_PATCH } from '../mutate/three-way-patch';
import type { PodTemplate } from '../describe/pod-template';
import { applyRevision, controllerHistory, currentTemplatePatch, type HistoryKind } from './controller-history';
import { semanticEqual } from './template-equal';
import { podTemplateText } from './template-text';
import { ROLLED_BACK, errorText, revisionNotFound, skippedRollback, type Rollbacker } from './undo-types';

const PLURAL: Record<HistoryKind, string> = { DaemonSet: 'daemonsets', StatefulSet: 'statefulsets' };

/** Pure (findHistory): the revision numbered `toRevision`, or for 0 the second-highest; undefined when there is none. */
export function findHistory(toRevision: number, revisions: ControllerRevision[]): ControllerRevision | undefined {
  if (toRevision === 0) {
    if (revisions.length <= 1) return undefined;
    return [...revisions].sort((a, b) => a.revision - b.revision)[revisions.length - 2];
  }
  return revisions.find((r) => r.revision === toRevision);
}

/**
 * Pure: whether the workload already runs the revision. kubectl compares the bytes of the patch it
 * would record now with the stored data; comparing the decoded values is the same test without
 * depending on Go's field order.
 */
export function matchesRevision(owner: KObject, revision: ControllerRevision): boolean {
  return semanticEqual(currentTemplatePatch(owner), revision.data);
}

/** The rollbacker of a DaemonSet or StatefulSet. */
export function controllerRollbacker(kind: HistoryKind): Rollbacker {
  return async (client, target, toRevision, dryRun) => {
    if (toRevision < 0) throw revisionNotFound(toRevision);
    const { owner, revisions } = await controllerHistory(client, kind, target.namespace, target.name);
    if (toRevision === 0 && revisions.length <= 1) throw new Error('no last revision to roll back to');
    const wanted = findHistory(toRevision, revisions);
    if (!wanted) throw revisionNotFound(toRevision);
    if (dryRun === 'client') {
      const applied = applyRevision(owner, wanted, kind);
      return `will roll back to ${podTemplateText((applied.spec as { template?: PodTemplate } | undefined)?.template)}`;
    }
    if (matchesRevision(owner, wanted)) return skippedRollback(toRevision);
    const path = client.path({ group: 'apps', version: 'v1', plural: PLURAL[kind], namespace: target.namespace || undefined, name: target.name });
    try {
      await client.request('PATCH', path, { body: wanted.data ?? {}, contentType: STRATEGIC_MERGE_PATCH, query: dryRunQuery(dryRun) });
    } catch (err) {
      throw new Error(`failed restoring revision ${toRevision}: ${errorText(err)}`);
    }
    return ROLLED_BACK;
  };
}
