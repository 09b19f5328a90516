import { describe, expect, it } from 'vitest';
import { pauseMutator } from './pause';
import { RESTARTED_AT_ANNOTATION, restartMutator } from './restart';
import { resumeMutator } from './resume';
import { webDeployment } from './testing/fixtures';

const apps = (kind: string) => ({ group: 'apps', kind });

describe('restartMutator', () => {
  const restart = restartMutator('2026-01-02T03:04:05Z');

  it("stamps the pod template's restartedAt annotation, leaving the input alone", () => {
    const d = webDeployment();
    const out = restart(d, apps('Deployment')) as { spec: { template: { metadata: { annotations: Record<string, string>; labels: Record<string, string> } } } };
    expect(out.spec.template.metadata.annotations).toEqual({ [RESTARTED_AT_ANNOTATION]: '2026-01-02T03:04:05Z' });
    expect(out.spec.template.metadata.labels).toEqual({ app: 'web' });
    expect((d.spec as { template: { metadata: { annotations?: unknown } } }).template.metadata.annotations).toBeUndefined();
  });

  it('restarts DaemonSets and StatefulSets too', () => {
    expect(restart({ spec: {} }, apps('DaemonSet'))).toEqual({ spec: { template: { metadata: { annotations: { [RESTARTED_AT_ANNOTATION]: '2026-01-02T03:04:05Z' } } } } });
    expect(() => restart({ spec: {} }, apps('StatefulSet'))).not.toThrow();
  });

  it("refuses paused deployments and other kinds with kubectl's words", () => {
    expect(() => restart(webDeployment({ paused: true }), apps('Deployment'))).toThrow("can't restart paused deployment (run rollout resume first)");
    expect(() => restart({}, { group: '', kind: 'Pod' })).toThrow('restarting is not supported');
    expect(() => restart({}, apps('ReplicaSet'))).toThrow('restarting is not supported');
  });
});

describe('pauseMutator and resumeMutator', () => {
  it('set and drop spec.paused', () => {
    const paused = pauseMutator(webDeployment(), apps('Deployment'));
    expect((paused.spec as { paused?: boolean }).paused).toBe(true);
    const resumed = resumeMutator(paused, apps('Deployment'));
    expect('paused' in (resumed.spec as object)).toBe(false);
  });

  it("refuse the wrong state and other kinds with kubectl's words", () => {
    expect(() => pauseMutator(webDeployment({ paused: true }), apps('Deployment'))).toThrow('is already paused');
    expect(() => resumeMutator(webDeployment(), apps('Deployment'))).toThrow('is not paused');
    expect(() => pauseMutator({}, apps('DaemonSet'))).toThrow('pausing is not supported');
    expect(() => resumeMutator({}, apps('StatefulSet'))).toThrow('resuming is not supported');
  });
});
