/** `rollout history` for DaemonSets and StatefulSets (polymorphichelpers printHistory over ControllerRevisions). */
import type { KObject } from '@mk/api';
import type { ControllerRevision } from 'kubernetes-types/apps/v1';
import type { PodTemplate } from '../describe/pod-template';
import { applyRevision, controllerHistory, type HistoryKind } from './controller-history';
import type { HistoryViewer } from './history-types';
import { NO_HISTORY, revisionTable } from './history-table';
import { CHANGE_CAUSE_ANNOTATION } from './revision';
import { podTemplateText } from './template-text';

/** Pure: the overview or one revision's Pod Template, from the workload and its revisions. */
export function controllerHistoryText(owner: KObject, revisions: ControllerRevision[], revision: number, kind: HistoryKind): string {
  // As kubectl, assume revision numbers do not repeat; the last one listed wins if they do.
  const byRevision = new Map(revisions.map((r) => [r.revision, r]));
  if (byRevision.size === 0) return NO_HISTORY;
  if (revision > 0) {
    const history = byRevision.get(revision);
    if (!history) throw new Error('unable to find the specified revision');
    let template: PodTemplate | undefined;
    try {
      template = (applyRevision(owner, history, kind).spec as { template?: PodTemplate } | undefined)?.template;
    } catch {
      throw new Error(`unable to parse history ${history.metadata?.name ?? ''}`);
    }
    return podTemplateText(template ?? {});
  }
  return revisionTable(new Map([...byRevision].map(([r, h]) => [r, h.metadata?.annotations?.[CHANGE_CAUSE_ANNOTATION] ?? ''])));
}

/** The history viewer of a DaemonSet or StatefulSet. */
export function controllerHistoryViewer(kind: HistoryKind): HistoryViewer {
  return {
    async view(client, namespace, name, revision) {
      const { owner, revisions } = await controllerHistory(client, kind, namespace, name);
      return controllerHistoryText(owner, revisions, revision, kind);
    },
    async objects(client, namespace, name) {
      const { owner, revisions } = await controllerHistory(client, kind, namespace, name);
      return new Map(revisions.map((r) => [r.revision, applyRevision(owner, r, kind)]));
    },
  };
}
