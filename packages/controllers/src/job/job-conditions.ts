/**
 * Job conditions as the Job controller writes them: both timestamps set to
 * the moment of the change, and a condition replaced whole when its status,
 * reason or message changes (upstream newCondition, ensureJobConditionStatus).
 */
import type { JobCondition } from 'kubernetes-types/batch/v1';
import { rfc3339 } from '../framework/time';
import { COMPLETE, FAILED, FAILURE_TARGET, MESSAGE_COMPLETIONS_REACHED, REASON_COMPLETIONS_REACHED, SUCCESS_CRITERIA_MET } from './constants';

/** A condition stamped now; empty reason and message are left out, as Go's omitempty does. */
export function newJobCondition(type: string, status: string, reason: string, message: string, now: Date): JobCondition {
  const at = rfc3339(now);
  return { type, status, lastProbeTime: at, lastTransitionTime: at, ...(reason ? { reason } : {}), ...(message ? { message } : {}) };
}

/**
 * The list with the condition set: an existing one is replaced when anything
 * changed; a missing one is added unless its status would be False (going
 * from nothing to False says nothing).
 */
export function ensureJobConditionStatus(
  list: readonly JobCondition[] | undefined,
  type: string,
  status: string,
  reason: string,
  message: string,
  now: Date,
): { conditions: JobCondition[]; changed: boolean } {
  const conditions = [...(list ?? [])];
  const i = conditions.findIndex((c) => c.type === type);
  if (i >= 0) {
    const c = conditions[i];
    if (c.status === status && (c.reason ?? '') === reason && (c.message ?? '') === message) return { conditions, changed: false };
    conditions[i] = newJobCondition(type, status, reason, message, now);
    return { conditions, changed: true };
  }
  if (status === 'False') return { conditions, changed: false };
  return { conditions: [...conditions, newJobCondition(type, status, reason, message, now)], changed: true };
}

/** The interim failure condition: FailureTarget now, Failed once every pod is gone (JobManagedBy and JobPodReplacementPolicy are on in 1.32). */
export function failureTarget(reason: string, message: string, now: Date): JobCondition {
  return newJobCondition(FAILURE_TARGET, 'True', reason, message, now);
}

/** The interim success condition for reaching completions (JobSuccessPolicy is on in 1.32, so it has a reason). */
export function completionsReached(now: Date): JobCondition {
  return newJobCondition(SUCCESS_CRITERIA_MET, 'True', REASON_COMPLETIONS_REACHED, MESSAGE_COMPLETIONS_REACHED, now);
}

/** The terminal condition an interim one leads to: FailureTarget → Failed, SuccessCriteriaMet → Complete, same reason and message. */
export function terminalConditionFor(interim: Readonly<JobCondition>, now: Date): JobCondition {
  const type = interim.type === SUCCESS_CRITERIA_MET ? COMPLETE : FAILED;
  return newJobCondition(type, 'True', interim.reason ?? '', interim.message ?? '', now);
}

/** A True SuccessCriteriaMet condition. */
export function isSuccessCriteriaMet(cond: Readonly<JobCondition> | undefined): boolean {
  return cond?.type === SUCCESS_CRITERIA_MET && cond.status === 'True';
}
