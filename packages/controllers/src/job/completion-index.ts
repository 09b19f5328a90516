/**
 * The completion index of Indexed Job pods and the per-index failure counts
 * carried in their annotations (upstream indexed_job_utils.go).
 */
import type { PodTemplateSpec, Pod, Container } from 'kubernetes-types/core/v1';
import { COMPLETION_INDEX_ENV, JOB_COMPLETION_INDEX, JOB_INDEX_FAILURE_COUNT, JOB_INDEX_IGNORED_FAILURE_COUNT, MAX_GENERATED_NAME_LENGTH } from './constants';

const MAX_INT32 = 2147483647;

/** Go's strconv.Atoi; undefined when not a decimal integer. */
function atoi(text: string | undefined): number | undefined {
  return text !== undefined && /^[+-]?\d+$/.test(text) ? Number(text) : undefined;
}

/** The pod's completion index from its annotation; undefined when missing, invalid or negative. */
export function completionIndexOf(pod: Readonly<Pod>): number | undefined {
  const ix = atoi(pod.metadata?.annotations?.[JOB_COMPLETION_INDEX]);
  return ix !== undefined && ix >= 0 ? ix : undefined;
}

/** The index as a sort key: pods without one sort first (upstream's unknownCompletionIndex = −1). */
export function completionIndexSortKey(pod: Readonly<Pod>): number {
  return completionIndexOf(pod) ?? -1;
}

/** An annotation as a non-negative int32; 0 when missing or invalid (upstream parseInt32). */
function annotationCount(pod: Readonly<Pod>, key: string): number {
  const n = atoi(pod.metadata?.annotations?.[key]);
  return n === undefined || n < 0 || n > MAX_INT32 ? 0 : n;
}

/** Failures of the pod's index that counted toward backoffLimitPerIndex, before this pod. */
export function indexFailureCount(pod: Readonly<Pod>): number {
  return annotationCount(pod, JOB_INDEX_FAILURE_COUNT);
}

/** Failures of the pod's index, counted and ignored, before this pod. */
export function indexAbsoluteFailureCount(pod: Readonly<Pod>): number {
  return annotationCount(pod, JOB_INDEX_FAILURE_COUNT) + annotationCount(pod, JOB_INDEX_IGNORED_FAILURE_COUNT);
}

/** `<job>-<index>-`, with the job name shortened so the prefix fits a generated name. */
export function podGenerateNameWithIndex(jobName: string, index: number): string {
  const suffix = `-${index}-`;
  const prefix = jobName + suffix;
  return prefix.length > MAX_GENERATED_NAME_LENGTH ? prefix.slice(0, MAX_GENERATED_NAME_LENGTH - suffix.length) + suffix : prefix;
}

function addIndexEnv(container: Container): void {
  if (container.env?.some((e) => e.name === COMPLETION_INDEX_ENV)) return;
  container.env = [...(container.env ?? []), { name: COMPLETION_INDEX_ENV, valueFrom: { fieldRef: { fieldPath: `metadata.labels['${JOB_COMPLETION_INDEX}']` } } }];
}

/** Gives every init and regular container JOB_COMPLETION_INDEX from the index label (PodIndexLabel is GA in 1.32). */
export function addCompletionIndexEnv(template: PodTemplateSpec): void {
  for (const c of template.spec?.initContainers ?? []) addIndexEnv(c);
  for (const c of template.spec?.containers ?? []) addIndexEnv(c);
}
