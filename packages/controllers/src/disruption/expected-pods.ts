/**
 * How many pods a PDB expects (upstream getExpectedPodCount/getExpectedScale).
 * An integer minAvailable counts the selected pods; a percentage or any
 * maxUnavailable needs the scale of the pods' controllers: the sum of
 * spec.replicas over the distinct controllers (a Deployment's, not its
 * ReplicaSet's), so a pod that is missing still counts as expected.
 */
import type { OwnerReference } from '@mk/api';
import type { Pod } from 'kubernetes-types/core/v1';
import type { PodDisruptionBudgetSpec } from 'kubernetes-types/policy/v1';
import { scaledValue } from '../framework/int-or-percent';

export interface ControllerScale {
  uid: string;
  replicas: number;
}

/** The scale of the controller ref points at (resolving a ReplicaSet to its Deployment); undefined when no such controller exists. Throws when the lookup itself fails. */
export type ScaleFinder = (ref: Readonly<OwnerReference>, namespace: string) => Promise<ControllerScale | undefined>;

export interface ExpectedPods {
  expectedCount: number;
  desiredHealthy: number;
  /** Names of selected pods without a controller (they make a percentage meaningless). */
  unmanagedPods: string[];
}

/** The controller reference of an object (the owner with controller: true). */
export function controllerRefOf(obj: { metadata?: { ownerReferences?: readonly Readonly<OwnerReference>[] } }): Readonly<OwnerReference> | undefined {
  return obj.metadata?.ownerReferences?.find((r) => r.controller === true);
}

/** Sum of the scales of the pods' controllers; throws `found no controllers for pod "x"` when a pod's controller cannot be found. */
export async function expectedScale(pods: readonly Readonly<Pod>[], findScale: ScaleFinder): Promise<{ expectedCount: number; unmanagedPods: string[] }> {
  const scales = new Map<string, number>();
  const unmanagedPods: string[] = [];
  for (const pod of pods) {
    const ref = controllerRefOf(pod);
    if (!ref) {
      unmanagedPods.push(pod.metadata!.name!);
      continue;
    }
    if (scales.has(ref.uid)) continue;
    const found = await findScale(ref, pod.metadata!.namespace!);
    if (!found) throw new Error(`found no controllers for pod "${pod.metadata!.name}"`);
    scales.set(found.uid, found.replicas);
  }
  let expectedCount = 0;
  for (const replicas of scales.values()) expectedCount += replicas;
  return { expectedCount, unmanagedPods };
}

/** Expected and desired healthy pods for a PDB spec over its selected pods. */
export async function expectedPods(spec: Readonly<PodDisruptionBudgetSpec>, pods: readonly Readonly<Pod>[], findScale: ScaleFinder): Promise<ExpectedPods> {
  if (spec.maxUnavailable !== undefined && spec.maxUnavailable !== null) {
    const { expectedCount, unmanagedPods } = await expectedScale(pods, findScale);
    const maxUnavailable = scaledValue(spec.maxUnavailable, expectedCount, true);
    return { expectedCount, desiredHealthy: Math.max(0, expectedCount - maxUnavailable), unmanagedPods };
  }
  if (spec.minAvailable !== undefined && spec.minAvailable !== null) {
    if (typeof spec.minAvailable === 'number') return { expectedCount: pods.length, desiredHealthy: spec.minAvailable, unmanagedPods: [] };
    const { expectedCount, unmanagedPods } = await expectedScale(pods, findScale);
    return { expectedCount, desiredHealthy: scaledValue(spec.minAvailable, expectedCount, true), unmanagedPods };
  }
  return { expectedCount: 0, desiredHealthy: 0, unmanagedPods: [] };
}
