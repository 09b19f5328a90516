/**
 * JobStatus as the Go API types serialize it: int counters and
 * completedIndexes are `omitempty`, while ready, terminating, failedIndexes
 * and uncountedTerminatedPods are pointers and stay when zero or empty (so a
 * running Job shows `ready: 0`, `terminating: 0`, `uncountedTerminatedPods: {}`).
 */
import type { JobStatus } from 'kubernetes-types/batch/v1';

/** A copy of status with Go's empty values dropped. */
export function jobStatusForApi(status: Readonly<JobStatus>): JobStatus {
  const out: JobStatus = {};
  if (status.conditions?.length) out.conditions = status.conditions.map((c) => ({ ...c }));
  if (status.startTime) out.startTime = status.startTime;
  if (status.completionTime) out.completionTime = status.completionTime;
  if (status.active) out.active = status.active;
  if (status.succeeded) out.succeeded = status.succeeded;
  if (status.failed) out.failed = status.failed;
  if (status.terminating !== undefined && status.terminating !== null) out.terminating = status.terminating;
  if (status.completedIndexes) out.completedIndexes = status.completedIndexes;
  if (status.failedIndexes !== undefined && status.failedIndexes !== null) out.failedIndexes = status.failedIndexes;
  if (status.uncountedTerminatedPods) {
    const { succeeded, failed } = status.uncountedTerminatedPods;
    out.uncountedTerminatedPods = { ...(succeeded?.length ? { succeeded: [...succeeded] } : {}), ...(failed?.length ? { failed: [...failed] } : {}) };
  }
  if (status.ready !== undefined && status.ready !== null) out.ready = status.ready;
  return out;
}
