/**
 * Which ReplicaSets are a Deployment's (deployment_controller.go
 * getReplicaSetsForDeployment with the ReplicaSet ControllerRefManager, and
 * deployment util GetDeploymentsForReplicaSet): those it controls whose
 * labels still match its selector, plus orphans that match (adopted);
 * controlled ones that stopped matching are released.
 */
import type { Deployment } from 'kubernetes-types/apps/v1';
import { isEverythingSelector, labelSelectorFromSpec, matchesLabels } from '@mk/api';
import { getControllerOf, planClaims, type ClaimPlan } from '../framework/controller-ref';
import type { D } from './fenceposts';
import type { RS } from './replica-sets';

/** The claim plan over the ReplicaSets of the Deployment's namespace; throws for an invalid selector, with upstream's message. */
export function planReplicaSetClaims(d: D, rsInNamespace: readonly RS[]): ClaimPlan<RS> {
  let selector;
  try {
    selector = labelSelectorFromSpec(d.spec?.selector);
  } catch (err) {
    throw new Error(`deployment ${d.metadata?.namespace}/${d.metadata?.name} has invalid label selector: ${(err as Error).message}`);
  }
  return planClaims(d, rsInNamespace, (rs) => matchesLabels(selector, rs.metadata?.labels));
}

/** A selector of `{}` (no matchLabels, no matchExpressions) would select every pod: upstream refuses to act on it. */
export function selectsEverything(d: D): boolean {
  const s = d.spec?.selector;
  return !!s && (s.matchLabels === undefined || s.matchLabels === null) && (s.matchExpressions === undefined || s.matchExpressions === null);
}

/** resolveControllerRef: the Deployment named by the object's controller reference, if it is a Deployment with that uid. */
export function controllingDeployment<T extends Readonly<Deployment>>(obj: { readonly metadata?: { readonly namespace?: string; readonly ownerReferences?: readonly { kind: string; name: string; uid: string; controller?: boolean; apiVersion: string }[] } }, get: (key: string) => T | undefined): T | undefined {
  const ref = getControllerOf(obj);
  if (!ref || ref.kind !== 'Deployment') return undefined;
  const d = get(`${obj.metadata?.namespace}/${ref.name}`);
  return d && d.metadata?.uid === ref.uid ? d : undefined;
}

/** GetDeploymentsForReplicaSet: Deployments of the namespace whose (non-empty, valid) selector matches the ReplicaSet's labels. */
export function deploymentsSelecting<T extends Readonly<Deployment>>(rs: RS, deploymentsInNamespace: readonly T[]): T[] {
  if (Object.keys(rs.metadata?.labels ?? {}).length === 0) return [];
  return deploymentsInNamespace.filter((d) => {
    try {
      const selector = labelSelectorFromSpec(d.spec?.selector);
      return !isEverythingSelector(selector) && matchesLabels(selector, rs.metadata?.labels);
    } catch {
      return false; // an invalid selector matches nothing
    }
  });
}
