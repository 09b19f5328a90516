/**
 * metav1.Condition bookkeeping (apimachinery meta.SetStatusCondition): the
 * transition time moves only when the status changes.
 */
import type { Condition } from 'kubernetes-types/meta/v1';
import { rfc3339 } from './time';

/** A copy of conditions with cond set: lastTransitionTime is kept unless the status changed; reason, message and observedGeneration always follow cond. */
export function setStatusCondition(conditions: readonly Readonly<Condition>[] | undefined, cond: Omit<Condition, 'lastTransitionTime'> & { lastTransitionTime?: string }, now: Date): Condition[] {
  const out = (conditions ?? []).map((c) => structuredClone(c) as Condition);
  const existing = out.find((c) => c.type === cond.type);
  if (!existing) {
    out.push({ ...cond, lastTransitionTime: cond.lastTransitionTime ?? rfc3339(now) });
    return out;
  }
  if (existing.status !== cond.status) {
    existing.status = cond.status;
    existing.lastTransitionTime = cond.lastTransitionTime ?? rfc3339(now);
  }
  existing.reason = cond.reason;
  existing.message = cond.message;
  if (cond.observedGeneration !== undefined) existing.observedGeneration = cond.observedGeneration;
  return out;
}

/** The condition of the given type, if present. */
export function findCondition<T extends { type: string }>(conditions: readonly T[] | undefined, type: string): T | undefined {
  return conditions?.find((c) => c.type === type);
}
