/**
 * Chooses and computes client-side apply's patch as kubectl's Patcher does against a server whose
 * OpenAPI has no patch request bodies (mk's): a three-way strategic merge patch for the group
 * versions compiled into kubectl's scheme, a three-way JSON merge patch for everything else
 * (custom resources, and built-in groups kubectl's scheme lacks, such as coordination.k8s.io).
 */
import { createThreeWayJsonMergePatch, createThreeWayStrategicMergePatch, patchMetaFor, type KObject } from '@mk/api';
import type { DiscoveredResource } from '@mk/client';

/** Content types of the patches mk sends. */
export const STRATEGIC_MERGE_PATCH = 'application/strategic-merge-patch+json';
export const MERGE_PATCH = 'application/merge-patch+json';
export const JSON_PATCH = 'application/json-patch+json';
export const APPLY_PATCH = 'application/apply-patch+yaml';

/** A computed patch and the content type to send it with. */
export interface ComputedPatch {
  contentType: typeof STRATEGIC_MERGE_PATCH | typeof MERGE_PATCH;
  patch: Record<string, unknown>;
}

/** The group versions registered in kubectl 1.32's scheme (k8s.io/kubectl/pkg/scheme/install.go). */
const KUBECTL_SCHEME_GROUP_VERSIONS = new Set([
  'v1',
  'admissionregistration.k8s.io/v1',
  'admissionregistration.k8s.io/v1beta1',
  'apps/v1',
  'apps/v1beta1',
  'apps/v1beta2',
  'authentication.k8s.io/v1',
  'authentication.k8s.io/v1beta1',
  'authorization.k8s.io/v1',
  'authorization.k8s.io/v1beta1',
  'autoscaling/v1',
  'autoscaling/v2',
  'batch/v1',
  'batch/v1beta1',
  'certificates.k8s.io/v1',
  'certificates.k8s.io/v1beta1',
  'extensions/v1beta1',
  'imagepolicy.k8s.io/v1alpha1',
  'networking.k8s.io/v1',
  'policy/v1',
  'policy/v1beta1',
  'rbac.authorization.k8s.io/v1',
  'rbac.authorization.k8s.io/v1alpha1',
  'rbac.authorization.k8s.io/v1beta1',
  'scheduling.k8s.io/v1alpha1',
  'storage.k8s.io/v1',
  'storage.k8s.io/v1alpha1',
  'storage.k8s.io/v1beta1',
]);

/** True when kubectl would compute a strategic merge patch for this type (its scheme knows the type). */
export function usesStrategicMergePatch(resource: Pick<DiscoveredResource, 'group' | 'version'>): boolean {
  return KUBECTL_SCHEME_GROUP_VERSIONS.has(resource.group ? `${resource.group}/${resource.version}` : resource.version);
}

/** original = last applied (may be absent), modified = manifest with new annotation, current = live object. */
export function threeWayPatch(resource: DiscoveredResource, original: KObject | undefined, modified: KObject, current: KObject): ComputedPatch {
  if (usesStrategicMergePatch(resource)) {
    const meta = patchMetaFor(resource.group, resource.version, resource.kind);
    return { contentType: STRATEGIC_MERGE_PATCH, patch: createThreeWayStrategicMergePatch(original ?? {}, modified, current, meta) as Record<string, unknown> };
  }
  return { contentType: MERGE_PATCH, patch: createThreeWayJsonMergePatch(original ?? {}, modified, current) as Record<string, unknown> };
}

/** True for `{}`: nothing to send. */
export function isEmptyPatch(patch: Record<string, unknown>): boolean {
  return Object.keys(patch).length === 0;
}
