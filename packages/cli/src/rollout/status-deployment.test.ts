import { describe, expect, it } from 'vitest';
import { deploymentStatus } from './status-deployment';

function deployment(generation: number, replicas: number | undefined, status: Record<string, unknown>, extra: Record<string, string> = {}) {
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name: 'foo', namespace: 'bar', generation, annotations: extra },
    spec: replicas === undefined ? {} : { replicas },
    status,
  };
}

describe('deploymentStatus (kubectl TestDeploymentStatusViewerStatus)', () => {
  it.each([
    [0, 1, { observedGeneration: 1, replicas: 1, updatedReplicas: 0, availableReplicas: 1 }, 'Waiting for deployment "foo" rollout to finish: 0 out of 1 new replicas have been updated...', false],
    [1, 1, { observedGeneration: 1, replicas: 2, updatedReplicas: 1, availableReplicas: 2 }, 'Waiting for deployment "foo" rollout to finish: 1 old replicas are pending termination...', false],
    [1, 2, { observedGeneration: 1, replicas: 2, updatedReplicas: 2, availableReplicas: 1, unavailableReplicas: 1 }, 'Waiting for deployment "foo" rollout to finish: 1 of 2 updated replicas are available...', false],
    [1, 2, { observedGeneration: 1, replicas: 2, updatedReplicas: 2, availableReplicas: 2 }, 'deployment "foo" successfully rolled out', true],
    [2, 2, { observedGeneration: 1, replicas: 2, updatedReplicas: 2, availableReplicas: 2 }, 'Waiting for deployment spec update to be observed...', false],
  ])('generation %i, %i replicas, status %o', (generation, replicas, status, message, done) => {
    expect(deploymentStatus(deployment(generation, replicas, status), 0)).toEqual({ message, done });
  });

  it('reads a missing status as zeros', () => {
    expect(deploymentStatus(deployment(0, 3, {}), 0)).toEqual({ message: 'Waiting for deployment "foo" rollout to finish: 0 out of 3 new replicas have been updated...', done: false });
  });

  it('skips the new-replicas check when spec.replicas is unset', () => {
    expect(deploymentStatus(deployment(1, undefined, { observedGeneration: 1, replicas: 0 }), 0)).toEqual({ message: 'deployment "foo" successfully rolled out', done: true });
  });

  it('fails once the Progressing condition says ProgressDeadlineExceeded', () => {
    const d = deployment(1, 2, { observedGeneration: 1, updatedReplicas: 1, conditions: [{ type: 'Progressing', status: 'False', reason: 'ProgressDeadlineExceeded' }] });
    expect(deploymentStatus(d, 0)).toEqual({ error: 'deployment "foo" exceeded its progress deadline' });
  });

  it('ignores the deadline until the spec change is observed', () => {
    const d = deployment(2, 2, { observedGeneration: 1, conditions: [{ type: 'Progressing', status: 'False', reason: 'ProgressDeadlineExceeded' }] });
    expect(deploymentStatus(d, 0)).toEqual({ message: 'Waiting for deployment spec update to be observed...', done: false });
  });

  it('pins --revision to the deployment revision annotation', () => {
    const done = { observedGeneration: 1, replicas: 2, updatedReplicas: 2, availableReplicas: 2 };
    const at2 = deployment(1, 2, done, { 'deployment.kubernetes.io/revision': '2' });
    expect(deploymentStatus(at2, 2)).toEqual({ message: 'deployment "foo" successfully rolled out', done: true });
    expect(deploymentStatus(at2, 3)).toEqual({ error: 'desired revision (3) is different from the running revision (2)' });
    expect(deploymentStatus(deployment(1, 2, done), 1)).toEqual({ error: 'desired revision (1) is different from the running revision (0)' });
    const bad = deployment(1, 2, done, { 'deployment.kubernetes.io/revision': 'x' });
    expect(deploymentStatus(bad, 1)).toEqual({ error: 'cannot get the revision of deployment "foo": strconv.ParseInt: parsing "x": invalid syntax' });
  });
});
