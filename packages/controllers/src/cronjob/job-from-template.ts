/**
 * The Job a CronJob starts for one scheduled time (upstream getJobFromTemplate2):
 * a deterministic name, so that creating it twice for the same time fails
 * with AlreadyExists instead of running twice, the template's labels,
 * annotations and spec, the scheduled-time annotation and the controller
 * reference.
 */
import type { CronJob, Job } from 'kubernetes-types/batch/v1';
import { newControllerRef } from '../framework/controller-ref';
import { rfc3339InZone } from './zone';

/** The annotation carrying the time a Job was scheduled for (CronJobsScheduledAnnotation, on by default since 1.29). */
export const CRONJOB_SCHEDULED_TIMESTAMP_ANNOTATION = 'batch.kubernetes.io/cronjob-scheduled-timestamp';

/** getTimeHashInMinutes: the scheduled time in whole minutes since the epoch. */
export function timeHashInMinutes(scheduledMs: number): number {
  return Math.floor(scheduledMs / 60_000);
}

/** getJobName: `<cronjob>-<scheduled time in minutes>`. */
export function jobName(cj: Readonly<CronJob>, scheduledMs: number): string {
  return `${cj.metadata!.name}-${timeHashInMinutes(scheduledMs)}`;
}

/** The Job to create for `scheduledMs`; `zone` is the CronJob's time zone (UTC without spec.timeZone). */
export function jobFromTemplate(cj: Readonly<CronJob>, scheduledMs: number, zone: string): Job {
  const template = structuredClone(cj.spec?.jobTemplate ?? {});
  const annotations = { ...(template.metadata?.annotations ?? {}), [CRONJOB_SCHEDULED_TIMESTAMP_ANNOTATION]: rfc3339InZone(scheduledMs, zone) };
  return {
    apiVersion: 'batch/v1',
    kind: 'Job',
    metadata: {
      name: jobName(cj, scheduledMs),
      namespace: cj.metadata?.namespace,
      labels: { ...(template.metadata?.labels ?? {}) },
      annotations,
      ownerReferences: [newControllerRef(cj, 'batch/v1', 'CronJob')],
    },
    spec: template.spec ?? { template: { spec: { containers: [] } } },
  };
}
