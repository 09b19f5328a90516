/**
 * The history StatefulSets and DaemonSets keep in ControllerRevisions, as kubectl reads it
 * (polymorphichelpers daemonSetHistory / statefulSetHistory): the workload, and the revisions listed
 * by its selector that it controls. A revision's data is a strategic merge patch of the workload.
 */
import { applyStrategicMergePatch, labelSelectorFromSpec, labelSelectorToString, patchMetaFor, type KObject } from '@mk/api';
import type { ApiClient } from '@mk/client';
import type { ControllerRevision } from 'kubernetes-types/apps/v1';
import { isControlledBy } from '../describe/controller-pods';

/** The workload kinds with ControllerRevision history. */
export type HistoryKind = 'DaemonSet' | 'StatefulSet';

/** A workload and its ControllerRevisions, in list order. */
export interface ControllerHistory {
  owner: KObject;
  revisions: ControllerRevision[];
}

const PLURAL: Record<HistoryKind, string> = { DaemonSet: 'daemonsets', StatefulSet: 'statefulsets' };

function message(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}

/** GETs the workload and its controlled revisions; errors carry kubectl's wording (which spells "Statefulset" once). */
export async function controllerHistory(client: ApiClient, kind: HistoryKind, namespace: string, name: string): Promise<ControllerHistory> {
  let owner: KObject;
  try {
    owner = await client.request<KObject>('GET', client.path({ group: 'apps', version: 'v1', plural: PLURAL[kind], namespace: namespace || undefined, name }));
  } catch (err) {
    throw new Error(`failed to retrieve ${kind === 'DaemonSet' ? 'DaemonSet' : 'Statefulset'} ${name}: ${message(err)}`);
  }
  let selector: string;
  try {
    selector = labelSelectorToString(labelSelectorFromSpec((owner.spec as { selector?: never } | undefined)?.selector));
  } catch (err) {
    throw new Error(`failed to create selector for ${kind} ${name}: ${message(err)}`);
  }
  try {
    const path = client.path({ group: 'apps', version: 'v1', plural: 'controllerrevisions', namespace: namespace || undefined });
    const list = await client.request<{ items?: ControllerRevision[] }>('GET', path, { query: { labelSelector: selector || undefined } });
    const revisions = (list?.items ?? []).filter((r) => isControlledBy(r as unknown as KObject, owner.metadata?.uid));
    return { owner, revisions };
  } catch (err) {
    throw new Error(`unable to find history controlled by ${kind} ${name}: ${message(err)}`);
  }
}

/** The workload as it was at a revision: its data applied to the current object as a strategic merge patch. */
export function applyRevision(owner: KObject, revision: ControllerRevision, kind: HistoryKind): KObject {
  return applyStrategicMergePatch(owner, revision.data ?? {}, patchMetaFor('apps', 'v1', kind)) as KObject;
}

/**
 * The patch the controllers record for the workload's current template (getDaemonSetPatch /
 * getStatefulSetPatch): `{"spec":{"template":{…,"$patch":"replace"}}}`.
 */
export function currentTemplatePatch(owner: KObject): Record<string, unknown> {
  const template = (owner.spec as { template?: Record<string, unknown> } | undefined)?.template ?? {};
  return { spec: { template: { ...structuredClone(template), $patch: 'replace' } } };
}
