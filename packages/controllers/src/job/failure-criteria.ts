/**
 * The failure criteria a Job is checked against before its pods are managed
 * (upstream getFailJobMessage, pastBackoffLimitOnFailure, pastActiveDeadline).
 */
import type { Job } from 'kubernetes-types/batch/v1';
import type { Pod } from 'kubernetes-types/core/v1';
import { parseTime } from '../framework/time';
import { isJobSuspended } from './job-facts';
import { matchPodFailurePolicy } from './pod-failure-policy';
import { isPodFailed } from './pod-facts';

/** The FailJob message of the first failed pod a FailJob rule matches. */
export function failJobMessage(job: Readonly<Job>, pods: readonly Readonly<Pod>[]): string | undefined {
  if (!job.spec?.podFailurePolicy) return undefined;
  for (const pod of pods) {
    if (!isPodFailed(pod, job)) continue;
    const message = matchPodFailurePolicy(job.spec.podFailurePolicy, pod).failJobMessage;
    if (message) return message;
  }
  return undefined;
}

/** restartPolicy OnFailure: container restarts of running and pending pods count toward backoffLimit. */
export function pastBackoffLimitOnFailure(job: Readonly<Job>, pods: readonly Readonly<Pod>[]): boolean {
  if (job.spec?.template?.spec?.restartPolicy !== 'OnFailure') return false;
  let restarts = 0;
  for (const pod of pods) {
    if (pod.status?.phase !== 'Running' && pod.status?.phase !== 'Pending') continue;
    for (const s of [...(pod.status.initContainerStatuses ?? []), ...(pod.status.containerStatuses ?? [])]) restarts += s.restartCount ?? 0;
  }
  const limit = job.spec.backoffLimit ?? 6;
  return limit === 0 ? restarts > 0 : restarts >= limit;
}

/** Milliseconds left of activeDeadlineSeconds (≤ 0: exceeded); undefined when there is no running deadline. */
export function deadlineLeftMs(job: Readonly<Job>, now: Date): number | undefined {
  const ads = job.spec?.activeDeadlineSeconds;
  const start = parseTime(job.status?.startTime);
  if (ads === undefined || ads === null || start === undefined || isJobSuspended(job)) return undefined;
  return ads * 1000 - (now.getTime() - start);
}
