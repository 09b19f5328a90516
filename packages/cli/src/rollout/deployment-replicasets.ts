/**
 * The ReplicaSets behind a Deployment's history, as kubectl's deploymentutil.GetAllReplicaSets finds
 * them: listed by the deployment's selector, kept when the deployment is their controller, ordered
 * by creation; the new one is the oldest whose template matches the deployment's.
 */
import { labelSelectorFromSpec, labelSelectorToString, type KObject } from '@mk/api';
import type { ApiClient } from '@mk/client';
import type { Deployment, ReplicaSet } from 'kubernetes-types/apps/v1';
import { isControlledBy } from '../describe/controller-pods';
import { equalIgnoreHash, type TemplateLike } from './template-equal';

function created(rs: KObject): number {
  return Date.parse(rs.metadata?.creationTimestamp ?? '') || 0;
}

/** Pure: the owned ReplicaSets, the old ones in creation order (name breaking ties) followed by the new one. */
export function orderReplicaSets(deployment: KObject, replicaSets: KObject[]): KObject[] {
  const owned = replicaSets
    .filter((rs) => isControlledBy(rs, deployment.metadata?.uid))
    .sort((a, b) => created(a) - created(b) || ((a.metadata?.name ?? '') < (b.metadata?.name ?? '') ? -1 : 1));
  const template = (deployment as Deployment).spec?.template as TemplateLike | undefined;
  const newRS = owned.find((rs) => equalIgnoreHash((rs as ReplicaSet).spec?.template as TemplateLike | undefined, template));
  return newRS ? [...owned.filter((rs) => rs !== newRS), newRS] : owned;
}

/** Lists the deployment's ReplicaSets (following continue tokens) and orders them; errors carry kubectl's wrapping. */
export async function deploymentReplicaSets(client: ApiClient, deployment: KObject): Promise<KObject[]> {
  const name = deployment.metadata?.name ?? '';
  try {
    const selector = labelSelectorToString(labelSelectorFromSpec((deployment as Deployment).spec?.selector));
    const path = client.path({ group: 'apps', version: 'v1', plural: 'replicasets', namespace: deployment.metadata?.namespace || undefined });
    const items: KObject[] = [];
    let continueToken: string | undefined;
    do {
      const list = await client.request<{ metadata?: { continue?: string }; items?: KObject[] }>('GET', path, {
        query: { labelSelector: selector || undefined, continue: continueToken },
      });
      items.push(...(list?.items ?? []));
      continueToken = list?.metadata?.continue || undefined;
    } while (continueToken);
    return orderReplicaSets(deployment, items);
  } catch (err) {
    throw new Error(`failed to retrieve replica sets from deployment ${name}: ${(err as Error).message}`);
  }
}
