import { describe, expect, it } from 'vitest';
import { podSpecOf } from './pod-template';

describe('podSpecOf', () => {
  it('finds the pod spec of every workload kind', () => {
    const pod = { kind: 'Pod', spec: { containers: [] } };
    expect(podSpecOf(pod, { group: '', version: 'v1', kind: 'Pod' })).toBe(pod.spec);
    const deploy = { kind: 'Deployment', spec: { template: { spec: { containers: [] } } } };
    expect(podSpecOf(deploy, { group: 'apps', version: 'v1', kind: 'Deployment' })).toBe(deploy.spec.template.spec);
    for (const [group, kind] of [['', 'ReplicationController'], ['apps', 'DaemonSet'], ['apps', 'ReplicaSet'], ['apps', 'StatefulSet'], ['batch', 'Job']]) {
      const obj = { spec: { template: { spec: { marker: kind } } } };
      expect(podSpecOf(obj, { group: group!, version: 'v1', kind: kind! })).toEqual({ marker: kind });
    }
    const cron = { spec: { jobTemplate: { spec: { template: { spec: { containers: [] } } } } } };
    expect(podSpecOf(cron, { group: 'batch', version: 'v1', kind: 'CronJob' })).toBe(cron.spec.jobTemplate.spec.template.spec);
  });

  it('creates a missing template on the way, as a typed struct would have one', () => {
    const rc: Record<string, unknown> = { kind: 'ReplicationController', spec: {} };
    expect(podSpecOf(rc, { group: '', version: 'v1', kind: 'ReplicationController' })).toEqual({});
    expect(rc.spec).toEqual({ template: { spec: {} } });
  });

  it("names the Go type of kinds without a pod template, as kubectl's %T does", () => {
    expect(() => podSpecOf({ kind: 'ConfigMap' }, { group: '', version: 'v1', kind: 'ConfigMap' })).toThrow(
      'the object is not a pod or does not have a pod template: *v1.ConfigMap',
    );
    expect(() => podSpecOf({ kind: 'Widget' }, { group: 'example.com', version: 'v1', kind: 'Widget' })).toThrow(
      'the object is not a pod or does not have a pod template: *unstructured.Unstructured',
    );
  });
});
