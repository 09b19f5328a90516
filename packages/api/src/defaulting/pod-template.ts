/** Pod template defaults for workloads: the pod spec defaults, and the null creationTimestamp Go serialises. */
import { defaultPodSpec } from './pod-spec';
import { isObject, objectAt, type JsonObject } from './set-default';

/** Defaults a PodTemplateSpec in place (spec.template of Deployments, Jobs, ...). */
export function defaultPodTemplate(template: JsonObject): void {
  const meta = objectAt(template, 'metadata');
  // metav1.ObjectMeta.CreationTimestamp has no omitempty in 1.32, so templates print `creationTimestamp: null`.
  if (!('creationTimestamp' in meta)) meta.creationTimestamp = null;
  defaultPodSpec(objectAt(template, 'spec'));
}

/** The template at obj.spec.template, defaulted when present. */
export function defaultSpecTemplate(spec: JsonObject): void {
  if (isObject(spec.template)) defaultPodTemplate(spec.template);
}
