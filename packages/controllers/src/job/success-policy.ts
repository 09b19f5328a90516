/**
 * spec.successPolicy of Indexed Jobs (upstream success_policy.go,
 * JobSuccessPolicy beta in 1.32): the Job succeeds once the succeeded
 * indexes satisfy any rule — all of its succeededIndexes, or at least
 * succeededCount of them (or of all indexes when the rule lists none).
 */
import type { SuccessPolicy } from 'kubernetes-types/batch/v1';
import { intervalsTotal, parseIntervals, type Intervals } from './intervals';

/** How many indexes of `rule` are in `succeeded` (a merge walk over both interval lists). */
function overlapCount(rule: Intervals, succeeded: Intervals): number {
  let contains = 0;
  let r = 0;
  let s = 0;
  while (r < rule.length && s < succeeded.length) {
    const overlap = Math.min(rule[r].last, succeeded[s].last) - Math.max(rule[r].first, succeeded[s].first) + 1;
    if (overlap > 0) contains += overlap;
    if (succeeded[s].last < rule[r].last) s++;
    else if (succeeded[s].last > rule[r].last) r++;
    else {
      s++;
      r++;
    }
  }
  return contains;
}

/** The SuccessCriteriaMet message ("Matched rules at index N") when a rule is met. */
export function matchSuccessPolicy(policy: Readonly<SuccessPolicy> | undefined, completions: number, succeeded: Intervals): string | undefined {
  if (!policy || succeeded.length === 0) return undefined;
  for (const [index, rule] of (policy.rules ?? []).entries()) {
    const count = rule.succeededCount;
    if (rule.succeededIndexes !== undefined && rule.succeededIndexes !== null) {
      const required = parseIntervals(rule.succeededIndexes, completions);
      // A rule whose indexes cannot be parsed never matches.
      if (required.length === 0) continue;
      const contains = overlapCount(required, succeeded);
      if (contains === intervalsTotal(required) || (count !== undefined && count !== null && contains >= count)) return `Matched rules at index ${index}`;
    } else if (count !== undefined && count !== null && intervalsTotal(succeeded) >= count) {
      return `Matched rules at index ${index}`;
    }
  }
  return undefined;
}
