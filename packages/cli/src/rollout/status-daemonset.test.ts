import { describe, expect, it } from 'vitest';
import { daemonSetStatus } from './status-daemonset';

function daemonSet(generation: number, status: Record<string, unknown>, strategy = 'RollingUpdate') {
  return { metadata: { name: 'foo', namespace: 'bar', generation }, spec: { updateStrategy: { type: strategy } }, status };
}

describe('daemonSetStatus (kubectl TestDaemonSetStatusViewerStatus)', () => {
  it.each([
    [0, { observedGeneration: 1, updatedNumberScheduled: 0, desiredNumberScheduled: 1, numberAvailable: 0 }, 'Waiting for daemon set "foo" rollout to finish: 0 out of 1 new pods have been updated...', false],
    [1, { observedGeneration: 1, updatedNumberScheduled: 2, desiredNumberScheduled: 2, numberAvailable: 1 }, 'Waiting for daemon set "foo" rollout to finish: 1 of 2 updated pods are available...', false],
    [1, { observedGeneration: 1, updatedNumberScheduled: 2, desiredNumberScheduled: 2, numberAvailable: 2 }, 'daemon set "foo" successfully rolled out', true],
    [2, { observedGeneration: 1, updatedNumberScheduled: 2, desiredNumberScheduled: 2, numberAvailable: 2 }, 'Waiting for daemon set spec update to be observed...', false],
  ])('generation %i, status %o', (generation, status, message, done) => {
    expect(daemonSetStatus(daemonSet(generation, status))).toEqual({ message, done });
  });

  it('refuses the OnDelete strategy (and a missing one)', () => {
    const error = 'rollout status is only available for RollingUpdate strategy type';
    expect(daemonSetStatus(daemonSet(1, {}, 'OnDelete'))).toEqual({ error });
    expect(daemonSetStatus({ metadata: { name: 'foo' }, spec: {} })).toEqual({ error });
  });
});
