/**
 * `rollout undo` for Deployments, client-side as in kubectl 1.32 (polymorphichelpers
 * DeploymentRollbacker): find the ReplicaSet of the wanted revision and copy its pod template
 * (minus pod-template-hash) and annotations back into the deployment with a JSON patch.
 */
import type { KObject } from '@mk/api';
import type { Deployment, ReplicaSet } from 'kubernetes-types/apps/v1';
import { dryRunQuery } from '../mutate/dry-run';
import { JSON_PATCH } from '../mutate/three-way-patch';
import type { PodTemplate } from '../describe/pod-template';
import { deploymentReplicaSets } from './deployment-replicasets';
import { REVISION_ANNOTATION, revisionOf } from './revision';
import { equalIgnoreHash, withoutHashLabel, type TemplateLike } from './template-equal';
import { podTemplateText } from './template-text';
import { ROLLED_BACK, errorText, revisionNotFound, skippedRollback, type Rollbacker } from './undo-types';

/** Annotations the deployment keeps rather than taking the ReplicaSet's (kubectl's annotationsToSkip). */
const ANNOTATIONS_TO_SKIP = new Set([
  'kubectl.kubernetes.io/last-applied-configuration',
  REVISION_ANNOTATION,
  'deployment.kubernetes.io/revision-history',
  'deployment.kubernetes.io/desired-replicas',
  'deployment.kubernetes.io/max-replicas',
  'deprecated.deployment.rollback.to',
]);

/**
 * Pure (deploymentRevision): the ReplicaSet with revision `toRevision`, or for 0 the one with the
 * second-highest revision. ReplicaSets with a malformed revision are passed over.
 */
export function pickRollbackReplicaSet(deploymentName: string, replicaSets: KObject[], toRevision: number): KObject {
  let latest: { revision: number; rs?: KObject } = { revision: -1 };
  let previous: { revision: number; rs?: KObject } = { revision: -1 };
  for (const rs of replicaSets) {
    let v: number;
    try {
      v = revisionOf(rs);
    } catch {
      continue;
    }
    if (toRevision === 0) {
      if (latest.revision < v) {
        previous = latest;
        latest = { revision: v, rs };
      } else if (previous.revision < v) {
        previous = { revision: v, rs };
      }
    } else if (toRevision === v) {
      return rs;
    }
  }
  if (toRevision > 0) throw revisionNotFound(toRevision);
  if (!previous.rs) throw new Error(`no rollout history found for deployment ${JSON.stringify(deploymentName)}`);
  return previous.rs;
}

/** Pure (getDeploymentPatch): the JSON patch restoring the ReplicaSet's template and annotations into the deployment. */
export function deploymentRollbackPatch(deployment: KObject, rs: KObject): unknown[] {
  const annotations: Record<string, string> = {};
  const current = deployment.metadata?.annotations ?? {};
  for (const key of ANNOTATIONS_TO_SKIP) if (key in current) annotations[key] = current[key]!;
  for (const [key, value] of Object.entries(rs.metadata?.annotations ?? {})) if (!ANNOTATIONS_TO_SKIP.has(key)) annotations[key] = value;
  return [
    { op: 'replace', path: '/spec/template', value: withoutHashLabel((rs as ReplicaSet).spec?.template as TemplateLike | undefined) },
    { op: 'replace', path: '/metadata/annotations', value: annotations },
  ];
}

/** Deployments' rollbacker. */
export const rollbackDeployment: Rollbacker = async (client, target, toRevision, dryRun) => {
  if (toRevision < 0) throw revisionNotFound(toRevision);
  const path = client.path({ group: 'apps', version: 'v1', plural: 'deployments', namespace: target.namespace || undefined, name: target.name });
  let deployment: KObject;
  try {
    deployment = await client.request<KObject>('GET', path);
  } catch (err) {
    throw new Error(`failed to retrieve Deployment ${target.name}: ${errorText(err)}`);
  }
  const rs = pickRollbackReplicaSet(target.name, await deploymentReplicaSets(client, deployment), toRevision);
  const rsTemplate = (rs as ReplicaSet).spec?.template as TemplateLike | undefined;
  if (dryRun === 'client') return podTemplateText(rsTemplate as PodTemplate | undefined);
  if ((deployment as Deployment).spec?.paused) {
    throw new Error("you cannot rollback a paused deployment; resume it first with 'mk rollout resume' and try again");
  }
  if (equalIgnoreHash(rsTemplate, (deployment as Deployment).spec?.template as TemplateLike | undefined)) return skippedRollback(toRevision);
  try {
    await client.request('PATCH', path, { body: deploymentRollbackPatch(deployment, rs), contentType: JSON_PATCH, query: dryRunQuery(dryRun) });
  } catch (err) {
    throw new Error(`failed restoring revision ${toRevision}: ${errorText(err)}`);
  }
  return ROLLED_BACK;
};
