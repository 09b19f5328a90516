/**
 * spec.podFailurePolicy (upstream pod_failure_policy.go): the first rule that
 * matches a failed pod — by a non-zero container exit code or by a pod
 * condition — decides whether the failure fails the Job, its index, is
 * ignored, or counts toward the backoff limit as usual.
 */
import type { PodFailurePolicy, PodFailurePolicyOnExitCodesRequirement, PodFailurePolicyOnPodConditionsPattern } from 'kubernetes-types/batch/v1';
import type { ContainerStatus, Pod, PodCondition } from 'kubernetes-types/core/v1';

export type PodFailurePolicyAction = 'FailJob' | 'FailIndex' | 'Ignore' | 'Count';

export interface PodFailurePolicyMatch {
  /** Set when a FailJob rule matched: the message of the Job's FailureTarget/Failed condition. */
  failJobMessage?: string;
  /** Whether the failure counts toward backoffLimit (and backoffLimitPerIndex): false only for Ignore. */
  countFailed: boolean;
  /** The matched rule's action, if any rule matched. */
  action?: PodFailurePolicyAction;
}

function exitCodeMatches(code: number, req: Readonly<PodFailurePolicyOnExitCodesRequirement>): boolean {
  if (req.operator === 'In') return req.values.includes(code);
  if (req.operator === 'NotIn') return !req.values.includes(code);
  return false;
}

/** The first terminated container with a non-zero exit code the requirement matches (containers, then init containers). */
function matchOnExitCodes(pod: Readonly<Pod>, req: Readonly<PodFailurePolicyOnExitCodesRequirement>): ContainerStatus | undefined {
  const find = (statuses: readonly ContainerStatus[] | undefined) =>
    statuses?.find((s) => {
      const code = s.state?.terminated?.exitCode;
      if (code === undefined || code === 0) return false;
      if (req.containerName && req.containerName !== s.name) return false;
      return exitCodeMatches(code, req);
    });
  return find(pod.status?.containerStatuses) ?? find(pod.status?.initContainerStatuses);
}

function matchOnPodConditions(pod: Readonly<Pod>, patterns: readonly PodFailurePolicyOnPodConditionsPattern[]): PodCondition | undefined {
  for (const cond of pod.status?.conditions ?? []) {
    if (patterns.some((p) => p.type === cond.type && (p.status ?? 'True') === cond.status)) return cond;
  }
  return undefined;
}

/** matchPodFailurePolicy: what the policy says about a failed pod (no policy, or no match: count it). */
export function matchPodFailurePolicy(policy: Readonly<PodFailurePolicy> | undefined, pod: Readonly<Pod>): PodFailurePolicyMatch {
  if (!policy) return { countFailed: true };
  const where = `${pod.metadata?.namespace}/${pod.metadata?.name}`;
  for (const [index, rule] of (policy.rules ?? []).entries()) {
    let failJobMessage: (() => string) | undefined;
    if (rule.onExitCodes) {
      const status = matchOnExitCodes(pod, rule.onExitCodes);
      if (!status) continue;
      failJobMessage = () => `Container ${status.name} for pod ${where} failed with exit code ${status.state!.terminated!.exitCode} matching ${rule.action} rule at index ${index}`;
    } else if (rule.onPodConditions) {
      const cond = matchOnPodConditions(pod, rule.onPodConditions);
      if (!cond) continue;
      failJobMessage = () => `Pod ${where} has condition ${cond.type} matching ${rule.action} rule at index ${index}`;
    } else {
      continue;
    }
    switch (rule.action) {
      case 'Ignore':
        return { countFailed: false, action: 'Ignore' };
      case 'FailIndex':
        return { countFailed: true, action: 'FailIndex' };
      case 'Count':
        return { countFailed: true, action: 'Count' };
      case 'FailJob':
        return { failJobMessage: failJobMessage(), countFailed: true, action: 'FailJob' };
      default:
        // An unknown action matches but decides nothing; upstream moves on to the next rule.
        continue;
    }
  }
  return { countFailed: true };
}
