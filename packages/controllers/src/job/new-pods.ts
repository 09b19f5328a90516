/**
 * The pods a Job creates: its template with the job-tracking finalizer and
 * the controller reference; Indexed Jobs add the completion index
 * (annotation, label, env), hostname `<job>-<index>`, the `<job>-<index>-`
 * name prefix and, with backoffLimitPerIndex, the index's failure counts.
 */
import type { Job } from 'kubernetes-types/batch/v1';
import type { Pod, PodTemplateSpec } from 'kubernetes-types/core/v1';
import { newControllerRef } from '../framework/controller-ref';
import { podFromTemplate } from '../framework/pod-template';
import { addCompletionIndexEnv, podGenerateNameWithIndex } from './completion-index';
import { JOB_API_VERSION, JOB_COMPLETION_INDEX, JOB_INDEX_FAILURE_COUNT, JOB_INDEX_IGNORED_FAILURE_COUNT, JOB_KIND, JOB_TRACKING_FINALIZER } from './constants';
import { newIndexFailureCounts } from './indexed';
import { hasBackoffLimitPerIndex, isIndexedJob } from './job-facts';

/** The template every new pod of the Job starts from. */
function baseTemplate(job: Readonly<Job>): PodTemplateSpec {
  const template = structuredClone(job.spec?.template ?? {}) as PodTemplateSpec;
  if (isIndexedJob(job)) addCompletionIndexEnv(template);
  const meta = (template.metadata ??= {});
  if (!meta.finalizers?.includes(JOB_TRACKING_FINALIZER)) meta.finalizers = [...(meta.finalizers ?? []), JOB_TRACKING_FINALIZER];
  return template;
}

/** `count` pods for a NonIndexed Job. */
export function newPods(job: Readonly<Job>, count: number): Pod[] {
  const template = baseTemplate(job);
  const ref = newControllerRef(job, JOB_API_VERSION, JOB_KIND);
  return Array.from({ length: count }, () => podFromTemplate(template, job.metadata!.namespace!, ref));
}

/** One pod per index; `replaced` gives the failed pod an index's replacement inherits failure counts from. */
export function newIndexedPods(job: Readonly<Job>, indexes: readonly number[], replaced: ReadonlyMap<number, Readonly<Pod>>): Pod[] {
  const base = baseTemplate(job);
  const ref = newControllerRef(job, JOB_API_VERSION, JOB_KIND);
  return indexes.map((ix) => {
    const template = structuredClone(base);
    const meta = template.metadata!;
    meta.annotations = { ...meta.annotations, [JOB_COMPLETION_INDEX]: String(ix) };
    meta.labels = { ...meta.labels, [JOB_COMPLETION_INDEX]: String(ix) };
    template.spec = { ...template.spec!, hostname: `${job.metadata!.name}-${ix}` };
    if (hasBackoffLimitPerIndex(job)) {
      const { failures, ignored } = newIndexFailureCounts(job, replaced.get(ix));
      meta.annotations[JOB_INDEX_FAILURE_COUNT] = String(failures);
      if (ignored > 0) meta.annotations[JOB_INDEX_IGNORED_FAILURE_COUNT] = String(ignored);
    }
    const pod = podFromTemplate(template, job.metadata!.namespace!, ref);
    pod.metadata!.generateName = podGenerateNameWithIndex(job.metadata!.name!, ix);
    return pod;
  });
}
