/** batch/v1 defaults (SetDefaults_Job, SetDefaults_CronJob) and the Job strategy's generated selector. */
import type { KObject } from '../registry/types';
import { deepEqual } from '../validation/deep-equal';
import { defaultPodTemplate, defaultSpecTemplate } from './pod-template';
import { defaultPointer, defaultString, isObject, objectAt, objectsIn } from './set-default';

const MAX_INT32 = 2147483647;

/** SetDefaults_Job (JobPodReplacementPolicy is on in 1.32). */
export function applyJobDefaults(job: KObject): void {
  const spec = objectAt(job, 'spec');
  if (spec.completions == null && spec.parallelism == null) {
    spec.completions = 1;
    spec.parallelism = 1;
  }
  defaultPointer(spec, 'parallelism', 1);
  defaultPointer(spec, 'backoffLimit', spec.backoffLimitPerIndex != null ? MAX_INT32 : 6);
  const template = isObject(spec.template) ? spec.template : undefined;
  const labels = template && isObject(template.metadata) && isObject(template.metadata.labels) ? template.metadata.labels : undefined;
  const meta = (job.metadata ??= {});
  if (labels && (!meta.labels || Object.keys(meta.labels).length === 0)) meta.labels = { ...(labels as Record<string, string>) };
  defaultPointer(spec, 'completionMode', 'NonIndexed');
  defaultPointer(spec, 'suspend', false);
  if (isObject(spec.podFailurePolicy)) {
    for (const rule of objectsIn(spec.podFailurePolicy, 'rules')) {
      for (const cond of objectsIn(rule, 'onPodConditions')) defaultString(cond, 'status', 'True');
    }
  }
  defaultPointer(spec, 'podReplacementPolicy', isObject(spec.podFailurePolicy) ? 'Failed' : 'TerminatingOrFailed');
  defaultPointer(spec, 'manualSelector', false);
  defaultSpecTemplate(spec);
}

/**
 * The Job strategy's generateSelector: label the template with the Job's
 * name and uid (prefixed and legacy keys) and select on the prefixed uid.
 * Upstream's defaulting shares the template's label map with the Job's own
 * labels when the Job had none, so those labels gain the generated ones too.
 */
export function generateJobSelector(job: KObject): void {
  const spec = objectAt(job, 'spec');
  if (spec.manualSelector === true) return;
  const uid = job.metadata?.uid ?? '';
  const name = job.metadata?.name ?? '';
  const templateMeta = objectAt(objectAt(spec, 'template'), 'metadata');
  const before = isObject(templateMeta.labels) ? { ...(templateMeta.labels as Record<string, string>) } : undefined;
  const labels = objectAt(templateMeta, 'labels') as Record<string, string>;
  for (const k of ['job-name', 'batch.kubernetes.io/job-name']) if (!(k in labels)) labels[k] = name;
  for (const k of ['controller-uid', 'batch.kubernetes.io/controller-uid']) if (!(k in labels)) labels[k] = uid;
  const selector = objectAt(spec, 'selector');
  const matchLabels = objectAt(selector, 'matchLabels') as Record<string, string>;
  if (!('batch.kubernetes.io/controller-uid' in matchLabels)) matchLabels['batch.kubernetes.io/controller-uid'] = uid;
  const meta = job.metadata;
  if (meta && before && Object.keys(before).length > 0 && deepEqual(meta.labels, before)) meta.labels = { ...labels };
}

/** Job create: defaults, generated selector, generation-bearing empty status. */
export function prepareJobForCreate(job: KObject): void {
  applyJobDefaults(job);
  generateJobSelector(job);
  job.status = {};
}

/** SetDefaults_CronJob; the job template's pod template gets pod defaults (Job defaults do not apply to it). */
export function applyCronJobDefaults(cj: KObject): void {
  const spec = objectAt(cj, 'spec');
  defaultString(spec, 'concurrencyPolicy', 'Allow');
  defaultPointer(spec, 'suspend', false);
  defaultPointer(spec, 'successfulJobsHistoryLimit', 3);
  defaultPointer(spec, 'failedJobsHistoryLimit', 1);
  const jobTemplate = objectAt(spec, 'jobTemplate');
  const meta = objectAt(jobTemplate, 'metadata');
  if (!('creationTimestamp' in meta)) meta.creationTimestamp = null;
  const jobSpec = objectAt(jobTemplate, 'spec');
  defaultPodTemplate(objectAt(jobSpec, 'template'));
}
