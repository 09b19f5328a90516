import { describe, expect, it } from 'vitest';
import type { PodFailurePolicy } from 'kubernetes-types/batch/v1';
import { matchPodFailurePolicy } from './pod-failure-policy';
import { jobPod, newJob } from './test-support';

const job = newJob('pi');
const policy: PodFailurePolicy = {
  rules: [
    { action: 'Ignore', onPodConditions: [{ type: 'DisruptionTarget', status: 'True' }] },
    { action: 'FailJob', onExitCodes: { containerName: 'main', operator: 'In', values: [42] } },
    { action: 'FailIndex', onExitCodes: { operator: 'In', values: [7] } },
    { action: 'Count', onExitCodes: { operator: 'NotIn', values: [0, 42, 7] } },
  ],
};
const failed = (exitCode: number, conditions?: { type: string; status: string }[]) => jobPod(job, 'x', { phase: 'Failed', exitCode, conditions });

describe('pod failure policy', () => {
  it('fails the Job on a matching exit code, with upstream wording', () => {
    expect(matchPodFailurePolicy(policy, failed(42))).toEqual({
      failJobMessage: 'Container main for pod default/x failed with exit code 42 matching FailJob rule at index 1',
      countFailed: true,
      action: 'FailJob',
    });
  });

  it('ignores failures with a matching condition, whatever the exit code', () => {
    expect(matchPodFailurePolicy(policy, failed(42, [{ type: 'DisruptionTarget', status: 'True' }]))).toEqual({ countFailed: false, action: 'Ignore' });
    // The pattern's status must match too.
    expect(matchPodFailurePolicy(policy, failed(1, [{ type: 'DisruptionTarget', status: 'False' }])).action).toBe('Count');
  });

  it('fails an index, counts, or falls through to the default', () => {
    expect(matchPodFailurePolicy(policy, failed(7))).toEqual({ countFailed: true, action: 'FailIndex' });
    expect(matchPodFailurePolicy(policy, failed(3))).toEqual({ countFailed: true, action: 'Count' });
    // Exit code 0 never matches onExitCodes.
    expect(matchPodFailurePolicy(policy, failed(0))).toEqual({ countFailed: true });
    expect(matchPodFailurePolicy(undefined, failed(42))).toEqual({ countFailed: true });
  });

  it('names the condition of a FailJob condition rule', () => {
    const onCondition: PodFailurePolicy = { rules: [{ action: 'FailJob', onPodConditions: [{ type: 'ConfigIssue', status: 'True' }] }] };
    expect(matchPodFailurePolicy(onCondition, failed(1, [{ type: 'ConfigIssue', status: 'True' }])).failJobMessage).toBe('Pod default/x has condition ConfigIssue matching FailJob rule at index 0');
  });

  it('matches init containers when no regular container matches, and honours containerName', () => {
    const pod = jobPod(job, 'x', { phase: 'Failed' });
    pod.status!.initContainerStatuses = [{ name: 'setup', image: 'i', imageID: '', ready: false, restartCount: 0, state: { terminated: { exitCode: 42 } } }];
    expect(matchPodFailurePolicy(policy, pod)).toEqual({ countFailed: true }); // rule 1 wants container "main"
    const anyContainer: PodFailurePolicy = { rules: [{ action: 'FailJob', onExitCodes: { operator: 'In', values: [42] } }] };
    expect(matchPodFailurePolicy(anyContainer, pod).failJobMessage).toBe('Container setup for pod default/x failed with exit code 42 matching FailJob rule at index 0');
  });
});
