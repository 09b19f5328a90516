import { describe, expect, it } from 'vitest';
import { maxRevision, newReplicaSetAnnotations, revisionOf } from './revision';
import { deployment, replicaSet } from './test-support';
import { frozen } from '../testing/fixtures';

const annotated = (annotations: Record<string, string>) => ({ metadata: { annotations } });

describe('revisions', () => {
  it('reads the annotation: absent is 0, garbage is skipped by maxRevision', () => {
    expect(revisionOf(annotated({}))).toBe(0);
    expect(revisionOf(annotated({ 'deployment.kubernetes.io/revision': '7' }))).toBe(7);
    expect(revisionOf(annotated({ 'deployment.kubernetes.io/revision': 'x' }))).toBeUndefined();
    expect(maxRevision([replicaSet('a', 0, { revision: 3 }), replicaSet('b', 0, { revision: 5 }), replicaSet('c', 0)])).toBe(5);
  });
});

describe('newReplicaSetAnnotations', () => {
  it('copies the Deployment annotations except the skipped ones, so change-cause reaches the ReplicaSet', () => {
    const d = frozen(
      deployment('web', {
        replicas: 4,
        annotations: {
          'kubernetes.io/change-cause': 'kubectl set image deploy/web web=nginx:1.13',
          team: 'a',
          'kubectl.kubernetes.io/last-applied-configuration': '{}',
          'deployment.kubernetes.io/revision': '9',
          'deployment.kubernetes.io/revision-history': '1',
          'deployment.kubernetes.io/desired-replicas': '1',
          'deployment.kubernetes.io/max-replicas': '1',
          'deprecated.deployment.rollback.to': '1',
        },
      }),
    );
    const { annotations, changed } = newReplicaSetAnnotations(d, {}, 2, false);
    expect(changed).toBe(true);
    expect(annotations).toEqual({
      'kubernetes.io/change-cause': 'kubectl set image deploy/web web=nginx:1.13',
      team: 'a',
      'deployment.kubernetes.io/revision': '2',
      'deployment.kubernetes.io/desired-replicas': '4',
      'deployment.kubernetes.io/max-replicas': '5',
    });
  });

  it('leaves an existing ReplicaSet with the right revision and annotations unchanged, and does not touch its replicas annotations', () => {
    const d = deployment('web', { replicas: 4 });
    const rs = frozen(replicaSet('web-a', 3, { revision: 2, desired: 3, max: 4 }));
    expect(newReplicaSetAnnotations(d, rs, 2, true)).toEqual({ annotations: rs.metadata!.annotations, changed: false });
    expect(newReplicaSetAnnotations(d, rs, 1, true).changed).toBe(false);
  });

  it('gives an old ReplicaSet that becomes new again the next revision and records its old one', () => {
    const d = deployment('web');
    const rs = replicaSet('web-a', 0, { revision: 1 });
    const first = newReplicaSetAnnotations(d, rs, 3, true).annotations;
    expect(first['deployment.kubernetes.io/revision']).toBe('3');
    expect(first['deployment.kubernetes.io/revision-history']).toBe('1');
    const again = newReplicaSetAnnotations(d, { metadata: { annotations: first } }, 5, true).annotations;
    expect(again['deployment.kubernetes.io/revision-history']).toBe('1,3');
  });

  it('drops the oldest history entries beyond 2000 characters', () => {
    const history = Array.from({ length: 400 }, (_, i) => String(1000 + i)).join(','); // 1999 characters
    const rs = annotated({ 'deployment.kubernetes.io/revision': '2000', 'deployment.kubernetes.io/revision-history': history });
    const out = newReplicaSetAnnotations(deployment('web'), rs, 2001, true).annotations['deployment.kubernetes.io/revision-history'];
    expect(out.length).toBeLessThanOrEqual(2000);
    expect(out.startsWith('1001,')).toBe(true);
    expect(out.endsWith(',2000')).toBe(true);
  });

  it('gives up, as upstream, when the ReplicaSet revision is not a number', () => {
    const rs = annotated({ 'deployment.kubernetes.io/revision': 'abc' });
    expect(newReplicaSetAnnotations(deployment('web', { annotations: { a: 'b' } }), rs, 2, true)).toEqual({ annotations: rs.metadata.annotations, changed: false });
  });
});
