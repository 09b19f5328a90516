/**
 * One object's `set image` change (kubectl's CalculatePatch): edit a copy of the object, then diff
 * it against the original into the strategic merge patch kubectl sends, e.g.
 * `{"spec":{"template":{"spec":{"$setElementOrder/containers":[…],"containers":[{"image":…,"name":…}]}}}}`.
 */
import { createTwoWayStrategicMergePatch, patchMetaFor, type KObject } from '@mk/api';
import { podSpecOf, type KindRef } from './pod-template';
import { setContainerImages } from './set-images';

/** The edited object, the patch from the original to it, and the names that matched no container. */
export interface ImageChange {
  after: KObject;
  patch: Record<string, unknown>;
  problems: string[];
}

/** Computes the change; throws kubectl's error for kinds without a pod template. */
export function imageChange(obj: KObject, ref: KindRef, images: ReadonlyMap<string, string>): ImageChange {
  const after = structuredClone(obj);
  const podSpec = podSpecOf(after, ref);
  // Diff against the object with the same (possibly just created) empty template, so only images differ.
  const before = structuredClone(after);
  const problems = setContainerImages(podSpec, images);
  const patch = createTwoWayStrategicMergePatch(before, after, patchMetaFor(ref.group, ref.version, ref.kind));
  return { after, patch, problems };
}

/** kubectl skips objects whose patch is `{}`. */
export function isEmptyPatch(patch: Record<string, unknown>): boolean {
  return Object.keys(patch).length === 0;
}
