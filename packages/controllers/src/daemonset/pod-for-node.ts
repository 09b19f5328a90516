/**
 * The pod a DaemonSet creates for one node (upstream util.CreatePodTemplate
 * and ReplaceDaemonSetPodNodeNameNodeAffinity): the template with the daemon
 * tolerations, the revision hash and template generation labels, and a
 * required node affinity naming the node, so the scheduler binds it there.
 */
import type { DaemonSet } from 'kubernetes-types/apps/v1';
import type { Affinity, Pod, PodTemplateSpec } from 'kubernetes-types/core/v1';
import { CONTROLLER_REVISION_HASH_LABEL } from '../framework/controller-revision';
import { newControllerRef } from '../framework/controller-ref';
import { podFromTemplate } from '../framework/pod-template';
import { NODE_NAME_FIELD } from './node-affinity';
import { daemonPodTolerations } from './tolerations';

/** extensions.DaemonSetTemplateGenerationKey: the pod label carrying the template generation. */
export const POD_TEMPLATE_GENERATION_LABEL = 'pod-template-generation';
/** apps.DeprecatedTemplateGeneration: where the API server keeps a DaemonSet's template generation. */
export const TEMPLATE_GENERATION_ANNOTATION = 'deprecated.daemonset.template.generation';

/** util.GetTemplateGeneration: the generation from the annotation; undefined when absent or not an integer. */
export function templateGeneration(ds: Readonly<DaemonSet>): string | undefined {
  const value = ds.metadata?.annotations?.[TEMPLATE_GENERATION_ANNOTATION];
  if (value === undefined || !/^[+-]?\d+$/.test(value)) return undefined;
  return String(BigInt(value));
}

/** util.CreatePodTemplate: the template every daemon pod of this revision starts from. */
export function daemonPodTemplate(ds: Readonly<DaemonSet>, hash: string): PodTemplateSpec {
  const template = structuredClone(ds.spec?.template ?? {}) as PodTemplateSpec;
  const spec = template.spec ?? { containers: [] };
  spec.tolerations = daemonPodTolerations(spec);
  template.spec = spec;
  const labels = { ...(template.metadata?.labels ?? {}) };
  const generation = templateGeneration(ds);
  if (generation !== undefined) labels[POD_TEMPLATE_GENERATION_LABEL] = generation;
  if (hash) labels[CONTROLLER_REVISION_HASH_LABEL] = hash;
  template.metadata = { ...(template.metadata ?? {}), labels };
  return template;
}

/**
 * util.ReplaceDaemonSetPodNodeNameNodeAffinity: the required node affinity
 * becomes the single term `metadata.name In [node]`. Dropping the template's
 * own terms is safe: the node was checked against them before.
 */
export function replaceNodeNameAffinity(affinity: Readonly<Affinity> | undefined, nodeName: string): Affinity {
  const required = { nodeSelectorTerms: [{ matchFields: [{ key: NODE_NAME_FIELD, operator: 'In', values: [nodeName] }] }] };
  const copy = structuredClone(affinity ?? {}) as Affinity;
  copy.nodeAffinity = { ...(copy.nodeAffinity ?? {}), requiredDuringSchedulingIgnoredDuringExecution: required };
  return copy;
}

/** The daemon pod for nodeName: generateName `<ds>-`, controlled by ds. */
export function daemonPodForNode(ds: Readonly<DaemonSet>, template: Readonly<PodTemplateSpec>, nodeName: string): Pod {
  const pod = podFromTemplate(template, ds.metadata!.namespace!, newControllerRef(ds, 'apps/v1', 'DaemonSet'));
  pod.spec = { ...pod.spec!, affinity: replaceNodeNameAffinity(pod.spec?.affinity, nodeName) };
  return pod;
}

/**
 * util.GetTargetNodeName: the node a daemon pod is for — its nodeName once
 * bound, before that the single `metadata.name In [node]` field of its
 * required node affinity; undefined when neither names one.
 */
export function targetNodeName(pod: Readonly<Pod>): string | undefined {
  if (pod.spec?.nodeName) return pod.spec.nodeName;
  const terms = pod.spec?.affinity?.nodeAffinity?.requiredDuringSchedulingIgnoredDuringExecution?.nodeSelectorTerms ?? [];
  for (const term of terms) {
    for (const f of term.matchFields ?? []) {
      if (f.key !== NODE_NAME_FIELD || f.operator !== 'In') continue;
      return f.values?.length === 1 ? f.values[0] : undefined;
    }
  }
  return undefined;
}

/** util.IsPodUpdated: the pod carries the current revision's hash, or the current template generation. */
export function isPodUpdated(pod: Readonly<Pod>, hash: string, generation: string | undefined): boolean {
  const labels = pod.metadata?.labels ?? {};
  const hashMatches = hash.length > 0 && labels[CONTROLLER_REVISION_HASH_LABEL] === hash;
  const generationMatches = generation !== undefined && labels[POD_TEMPLATE_GENERATION_LABEL] === generation;
  return hashMatches || generationMatches;
}
