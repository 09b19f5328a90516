/** `rollout history` for Deployments (polymorphichelpers DeploymentHistoryViewer): one revision per ReplicaSet. */
import type { KObject } from '@mk/api';
import type { ApiClient } from '@mk/client';
import type { ReplicaSet } from 'kubernetes-types/apps/v1';
import type { PodTemplate } from '../describe/pod-template';
import { deploymentReplicaSets } from './deployment-replicasets';
import type { HistoryViewer } from './history-types';
import { NO_HISTORY, revisionTable } from './history-table';
import { CHANGE_CAUSE_ANNOTATION, revisionOf } from './revision';
import { podTemplateText } from './template-text';

/**
 * Pure: revision → pod template, the ReplicaSet's change-cause copied into the template's
 * annotations as kubectl does (so the Pod Template of a revision shows it). ReplicaSets with a
 * malformed revision are skipped (kubectl logs a warning); a later one wins a shared revision.
 */
export function deploymentRevisions(replicaSets: KObject[]): Map<number, PodTemplate> {
  const result = new Map<number, PodTemplate>();
  for (const rs of replicaSets) {
    let revision: number;
    try {
      revision = revisionOf(rs);
    } catch {
      continue;
    }
    const template = structuredClone((rs as ReplicaSet).spec?.template ?? {}) as PodTemplate;
    const changeCause = rs.metadata?.annotations?.[CHANGE_CAUSE_ANNOTATION];
    if (changeCause) template.metadata = { ...template.metadata, annotations: { ...template.metadata?.annotations, [CHANGE_CAUSE_ANNOTATION]: changeCause } };
    result.set(revision, template);
  }
  return result;
}

async function replicaSetsOf(client: ApiClient, namespace: string, name: string): Promise<KObject[]> {
  let deployment: KObject;
  try {
    deployment = await client.request<KObject>('GET', client.path({ group: 'apps', version: 'v1', plural: 'deployments', namespace: namespace || undefined, name }));
  } catch (err) {
    throw new Error(`failed to retrieve deployment ${name}: ${(err as Error).message}`);
  }
  return deploymentReplicaSets(client, deployment);
}

/** Deployments' history viewer. */
export const deploymentHistory: HistoryViewer = {
  async view(client, namespace, name, revision) {
    const revisions = deploymentRevisions(await replicaSetsOf(client, namespace, name));
    if (revisions.size === 0) return NO_HISTORY;
    if (revision > 0) {
      const template = revisions.get(revision);
      if (!template) throw new Error('unable to find the specified revision');
      return podTemplateText(template);
    }
    const causes = new Map([...revisions].map(([r, t]) => [r, t.metadata?.annotations?.[CHANGE_CAUSE_ANNOTATION] ?? '']));
    return revisionTable(causes);
  },

  async objects(client, namespace, name) {
    const result = new Map<number, KObject>();
    for (const rs of await replicaSetsOf(client, namespace, name)) {
      let revision: number;
      try {
        revision = revisionOf(rs);
      } catch {
        continue;
      }
      // List items come without their type; kubectl's printer sets it from the scheme.
      result.set(revision, { ...rs, apiVersion: 'apps/v1', kind: 'ReplicaSet' });
    }
    return result;
  },
};
