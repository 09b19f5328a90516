import { describe, expect, it } from 'vitest';
import { statefulSetStatus } from './status-statefulset';

function statefulSet(generation: number, strategy: Record<string, unknown>, status: Record<string, unknown>) {
  return { metadata: { name: 'foo', namespace: 'default', generation }, spec: { replicas: 3, updateStrategy: strategy }, status };
}

const rolling = { type: 'RollingUpdate' };
const partition2 = { type: 'RollingUpdate', rollingUpdate: { partition: 2 } };

describe('statefulSetStatus (kubectl TestStatefulSetStatusViewerStatus)', () => {
  it('refuses OnDelete', () => {
    expect(statefulSetStatus(statefulSet(1, { type: 'OnDelete' }, { observedGeneration: 1, readyReplicas: 1 }))).toEqual({
      error: 'rollout status is only available for RollingUpdate strategy type',
    });
  });

  it.each([
    ['an unobserved update', 2, rolling, { observedGeneration: 1, replicas: 3, readyReplicas: 3, currentReplicas: 3 }, 'Waiting for statefulset spec update to be observed...', false],
    ['a status never observed', 0, rolling, { replicas: 3, readyReplicas: 3 }, 'Waiting for statefulset spec update to be observed...', false],
    ['pods not all ready', 1, rolling, { observedGeneration: 2, replicas: 3, readyReplicas: 2, currentReplicas: 3 }, 'Waiting for 1 pods to be ready...', false],
    ['a partition fully updated', 1, partition2, { observedGeneration: 2, replicas: 3, readyReplicas: 3, currentReplicas: 2, updatedReplicas: 1 }, 'partitioned roll out complete: 1 new pods have been updated...', true],
    ['a partition in progress', 1, partition2, { observedGeneration: 2, replicas: 3, readyReplicas: 3, currentReplicas: 3, updatedReplicas: 0 }, 'Waiting for partitioned roll out to finish: 0 out of 1 new pods have been updated...', false],
    ['all replicas current', 1, rolling, { observedGeneration: 2, replicas: 3, readyReplicas: 3, currentReplicas: 3, updatedReplicas: 3, currentRevision: 'foo', updateRevision: 'foo' }, 'statefulset rolling update complete 3 pods at revision foo...', true],
    ['revisions differing', 1, rolling, { observedGeneration: 2, replicas: 3, readyReplicas: 3, currentReplicas: 2, updatedReplicas: 1, currentRevision: 'foo-1', updateRevision: 'foo-2' }, 'waiting for statefulset rolling update to complete 1 pods at revision foo-2...', false],
    // The API server defaults rollingUpdate, so kubectl reports a plain rolling update as a "partitioned" one.
    ['a defaulted rollingUpdate block', 1, { type: 'RollingUpdate', rollingUpdate: { partition: 0 } }, { observedGeneration: 1, readyReplicas: 3, updatedReplicas: 3 }, 'partitioned roll out complete: 3 new pods have been updated...', true],
  ])('%s', (_name, generation, strategy, status, message, done) => {
    expect(statefulSetStatus(statefulSet(generation, strategy, status))).toEqual({ message, done });
  });
});
