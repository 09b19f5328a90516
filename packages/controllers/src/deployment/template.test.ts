import { describe, expect, it } from 'vitest';
import { equalIgnoreHash, findNewReplicaSet, findOldReplicaSets } from './template';
import { deployment, replicaSet } from './test-support';
import { frozen } from '../testing/fixtures';

const template = (labels: Record<string, string>, extra: Record<string, unknown> = {}) => ({ metadata: { labels }, spec: { containers: [{ name: 'web', image: 'nginx', ...extra }] } });

describe('equalIgnoreHash', () => {
  it('ignores only the pod-template-hash label', () => {
    expect(equalIgnoreHash(template({ app: 'web', 'pod-template-hash': 'abc' }), template({ app: 'web' }))).toBe(true);
    expect(equalIgnoreHash(template({ app: 'web', tier: 'x' }), template({ app: 'web' }))).toBe(false);
    expect(equalIgnoreHash(template({ app: 'web' }, { image: 'nginx:2' }), template({ app: 'web' }))).toBe(false);
  });

  it('treats nulls, empty lists and empty maps like missing fields, as Semantic.DeepEqual does', () => {
    expect(equalIgnoreHash(template({ app: 'web' }, { args: [], env: null }), template({ app: 'web' }))).toBe(true);
    expect(equalIgnoreHash({ metadata: { labels: { 'pod-template-hash': 'x' }, annotations: {} }, spec: { containers: [] } }, {})).toBe(true);
  });

  it('sees a restartedAt annotation as a different template', () => {
    const restarted = { ...template({ app: 'web' }), metadata: { labels: { app: 'web' }, annotations: { 'kubectl.kubernetes.io/restartedAt': '2026-01-01T00:00:00Z' } } };
    expect(equalIgnoreHash(restarted, template({ app: 'web' }))).toBe(false);
  });
});

describe('findNewReplicaSet', () => {
  it('picks the oldest ReplicaSet with the Deployment template; the rest are old', () => {
    const d = frozen(deployment('web', { image: 'nginx:1.13' }));
    const a = replicaSet('web-a', 1, { image: 'nginx:1.13', created: '2026-01-01T00:00:05Z' });
    const b = replicaSet('web-b', 1, { image: 'nginx:1.13', created: '2026-01-01T00:00:01Z' });
    const old = replicaSet('web-old', 1, { image: 'nginx:1.12', created: '2025-01-01T00:00:00Z' });
    const list = frozen([a, b, old]);
    expect(findNewReplicaSet(d, list)?.metadata?.name).toBe('web-b');
    expect(findOldReplicaSets(d, list).map((rs) => rs.metadata?.name)).toEqual(['web-old', 'web-a']);
  });

  it('finds none when no template matches', () => {
    const d = deployment('web', { image: 'nginx:9' });
    expect(findNewReplicaSet(d, [replicaSet('web-a', 1)])).toBeUndefined();
  });
});
