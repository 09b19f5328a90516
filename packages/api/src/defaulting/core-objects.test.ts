import { describe, expect, it } from 'vitest';
import type { KObject } from '../registry/types';
import { findKind, findKindByGVK } from '../registry';
import { applyHPADefaults } from './autoscaling';
import {
  applyCoreEventDefaults,
  applyEndpointsDefaults,
  applyEventsV1Defaults,
  applyNodeDefaults,
  applySecretDefaults,
  prepareNamespaceForCreate,
  prepareNamespaceForUpdate,
} from './core-objects';
import { preparePVCForCreate, preparePVForCreate } from './persistent-volumes';

describe('core defaults', () => {
  it('Secret merges stringData into data as base64', () => {
    const s: KObject = { data: { a: 'eA==' }, stringData: { b: 'héllo', a: 'y' } };
    applySecretDefaults(s);
    expect(s).toEqual({ type: 'Opaque', data: { a: 'eQ==', b: Buffer.from('héllo').toString('base64') } });
  });

  it('Namespace gets its name label, phase and the kubernetes finalizer', () => {
    const ns: KObject = { metadata: { name: 'dev', labels: { team: 'a' } }, spec: { finalizers: ['example.com/x'] } };
    prepareNamespaceForCreate(ns);
    expect(ns).toEqual({
      metadata: { name: 'dev', labels: { team: 'a', 'kubernetes.io/metadata.name': 'dev' } },
      spec: { finalizers: ['example.com/x', 'kubernetes'] },
      status: { phase: 'Active' },
    });
    const next: KObject = { metadata: { name: 'dev' }, spec: { finalizers: [] } };
    prepareNamespaceForUpdate(next, ns);
    expect(next.spec).toEqual({ finalizers: ['example.com/x', 'kubernetes'] });
  });

  it('PVC and PV start Pending', () => {
    const pvc: KObject = { spec: { accessModes: ['ReadWriteOnce'] }, status: { phase: 'Bound' } };
    preparePVCForCreate(pvc);
    expect(pvc).toEqual({ spec: { accessModes: ['ReadWriteOnce'], volumeMode: 'Filesystem' }, status: { phase: 'Pending' } });
    const pv: KObject = { spec: { capacity: { storage: '1Gi' } } };
    preparePVForCreate(pv, new Date('2024-05-06T07:08:09.123Z'));
    expect(pv).toEqual({
      spec: { capacity: { storage: '1Gi' }, persistentVolumeReclaimPolicy: 'Retain', volumeMode: 'Filesystem' },
      status: { phase: 'Pending', lastPhaseTransitionTime: '2024-05-06T07:08:09Z' },
    });
  });

  it('Node allocatable defaults to capacity; Endpoints ports to TCP', () => {
    const node: KObject = { status: { capacity: { cpu: '4', pods: '110' } } };
    applyNodeDefaults(node);
    expect(node).toEqual({ spec: {}, status: { capacity: { cpu: '4', pods: '110' }, allocatable: { cpu: '4', pods: '110' } } });
    const ep: KObject = { subsets: [{ addresses: [{ ip: '10.0.0.1' }], ports: [{ port: 80 }] }] };
    applyEndpointsDefaults(ep);
    expect(ep.subsets).toEqual([{ addresses: [{ ip: '10.0.0.1' }], ports: [{ port: 80, protocol: 'TCP' }] }]);
  });

  it('Events carry the fields Go always serialises', () => {
    const ev: KObject = { involvedObject: { kind: 'Pod', name: 'web' }, reason: 'Started', firstTimestamp: '2024-01-01T00:00:00Z' };
    applyCoreEventDefaults(ev);
    expect(ev).toEqual({
      involvedObject: { kind: 'Pod', name: 'web' },
      reason: 'Started',
      firstTimestamp: '2024-01-01T00:00:00Z',
      source: {},
      lastTimestamp: null,
      eventTime: null,
      reportingComponent: '',
      reportingInstance: '',
    });
    const v1: KObject = { note: 'hi' };
    applyEventsV1Defaults(v1);
    expect(v1).toEqual({ note: 'hi', eventTime: null, regarding: {}, deprecatedSource: {}, deprecatedFirstTimestamp: null, deprecatedLastTimestamp: null });
  });

  it('HPA gets minReplicas 1, a CPU metric and filled behavior rules', () => {
    const hpa: KObject = { spec: { maxReplicas: 5, behavior: { scaleDown: { stabilizationWindowSeconds: 60 } } } };
    applyHPADefaults(hpa);
    expect(hpa.spec).toEqual({
      maxReplicas: 5,
      minReplicas: 1,
      metrics: [{ type: 'Resource', resource: { name: 'cpu', target: { type: 'Utilization', averageUtilization: 80 } } }],
      behavior: {
        scaleUp: { stabilizationWindowSeconds: 0, selectPolicy: 'Max', policies: [{ type: 'Pods', value: 4, periodSeconds: 15 }, { type: 'Percent', value: 100, periodSeconds: 15 }] },
        scaleDown: { selectPolicy: 'Max', stabilizationWindowSeconds: 60, policies: [{ type: 'Percent', value: 100, periodSeconds: 15 }] },
      },
    });
  });

  it.each<[string, string, string, unknown]>([
    ['', 'v1', 'Service', { loadBalancer: {} }],
    ['networking.k8s.io', 'v1', 'Ingress', { loadBalancer: {} }],
    ['policy', 'v1', 'PodDisruptionBudget', { currentHealthy: 0, desiredHealthy: 0, disruptionsAllowed: 0, expectedPods: 0 }],
    ['autoscaling', 'v2', 'HorizontalPodAutoscaler', { desiredReplicas: 0 }],
    ['batch', 'v1', 'CronJob', {}],
    ['', 'v1', 'ReplicationController', { replicas: 0 }],
  ])('%s %s starts with upstream status', (group, version, kind, status) => {
    const obj: KObject = { metadata: { name: 'x' }, spec: {} };
    findKindByGVK(group, version, kind)!.prepareForCreate!(obj);
    expect(obj.status).toEqual(status);
  });

  it('Node status survives defaults (kept on create)', () => {
    const info = findKind('', 'v1', 'nodes')!;
    expect(info.prepareForCreate).toBeUndefined();
    expect(info.keepStatusOnCreate).toBe(true);
  });
});
