import { describe, expect, it } from 'vitest';
import type { KObject } from './types';
import { allKinds, findKind, findKindByGVK, groupVersions, qualifiedResource } from './index';

// group, version, kind, plural, singular, namespaced, shortNames, all-category, subresources, hasGeneration, status, nameFormat
type Row = [string, string, string, string, string, boolean, string[], boolean, string[], boolean, boolean, string];
const ROWS: Row[] = [
  ['', 'v1', 'Namespace', 'namespaces', 'namespace', false, ['ns'], false, ['status', 'finalize'], false, true, 'dns1123-label'],
  ['', 'v1', 'Node', 'nodes', 'node', false, ['no'], false, ['status'], false, true, 'dns1123-subdomain'],
  ['', 'v1', 'Pod', 'pods', 'pod', true, ['po'], true, ['status', 'binding', 'log', 'exec', 'attach', 'eviction', 'portforward'], false, true, 'dns1123-subdomain'],
  ['', 'v1', 'Service', 'services', 'service', true, ['svc'], true, ['status'], false, true, 'dns1035-label'],
  ['', 'v1', 'Endpoints', 'endpoints', 'endpoints', true, ['ep'], false, [], false, false, 'dns1123-subdomain'],
  ['', 'v1', 'ConfigMap', 'configmaps', 'configmap', true, ['cm'], false, [], false, false, 'dns1123-subdomain'],
  ['', 'v1', 'Secret', 'secrets', 'secret', true, [], false, [], false, false, 'dns1123-subdomain'],
  ['', 'v1', 'Event', 'events', 'event', true, ['ev'], false, [], false, false, 'path-segment'],
  ['', 'v1', 'ServiceAccount', 'serviceaccounts', 'serviceaccount', true, ['sa'], false, [], false, false, 'dns1123-subdomain'],
  ['', 'v1', 'ReplicationController', 'replicationcontrollers', 'replicationcontroller', true, ['rc'], true, ['status', 'scale'], true, true, 'dns1123-subdomain'],
  ['', 'v1', 'PersistentVolumeClaim', 'persistentvolumeclaims', 'persistentvolumeclaim', true, ['pvc'], false, ['status'], false, true, 'dns1123-subdomain'],
  ['', 'v1', 'PersistentVolume', 'persistentvolumes', 'persistentvolume', false, ['pv'], false, ['status'], false, true, 'dns1123-subdomain'],
  ['apps', 'v1', 'Deployment', 'deployments', 'deployment', true, ['deploy'], true, ['status', 'scale'], true, true, 'dns1123-subdomain'],
  ['apps', 'v1', 'ReplicaSet', 'replicasets', 'replicaset', true, ['rs'], true, ['status', 'scale'], true, true, 'dns1123-subdomain'],
  ['apps', 'v1', 'StatefulSet', 'statefulsets', 'statefulset', true, ['sts'], true, ['status', 'scale'], true, true, 'dns1123-label'],
  ['apps', 'v1', 'DaemonSet', 'daemonsets', 'daemonset', true, ['ds'], true, ['status'], true, true, 'dns1123-subdomain'],
  ['apps', 'v1', 'ControllerRevision', 'controllerrevisions', 'controllerrevision', true, [], false, [], false, false, 'dns1123-subdomain'],
  ['events.k8s.io', 'v1', 'Event', 'events', 'event', true, ['ev'], false, [], false, false, 'dns1123-subdomain'],
  ['autoscaling', 'v2', 'HorizontalPodAutoscaler', 'horizontalpodautoscalers', 'horizontalpodautoscaler', true, ['hpa'], true, ['status'], false, true, 'dns1123-subdomain'],
  ['batch', 'v1', 'Job', 'jobs', 'job', true, [], true, ['status'], true, true, 'dns1123-subdomain'],
  ['batch', 'v1', 'CronJob', 'cronjobs', 'cronjob', true, ['cj'], true, ['status'], true, true, 'dns1123-subdomain'],
  ['networking.k8s.io', 'v1', 'Ingress', 'ingresses', 'ingress', true, ['ing'], false, ['status'], true, true, 'dns1123-subdomain'],
  ['networking.k8s.io', 'v1', 'IngressClass', 'ingressclasses', 'ingressclass', false, [], false, [], true, false, 'dns1123-subdomain'],
  ['policy', 'v1', 'PodDisruptionBudget', 'poddisruptionbudgets', 'poddisruptionbudget', true, ['pdb'], false, ['status'], true, true, 'dns1123-subdomain'],
  ['coordination.k8s.io', 'v1', 'Lease', 'leases', 'lease', true, [], false, [], false, false, 'dns1123-subdomain'],
];

describe('the kind registry', () => {
  it('serves exactly the listed kinds, core first', () => {
    expect(allKinds().map((k) => `${k.group}/${k.version}/${k.kind}`)).toEqual(ROWS.map((r) => `${r[0]}/${r[1]}/${r[2]}`));
  });

  it.each(ROWS)('%s/%s %s', (group, version, kind, plural, singular, namespaced, shortNames, inAll, subresources, hasGeneration, hasStatus, nameFormat) => {
    const info = findKind(group, version, plural)!;
    expect(info).toBeDefined();
    expect(findKindByGVK(group, version, kind)).toBe(info);
    expect(info).toMatchObject({ kind, singular, namespaced, shortNames, subresources, hasGeneration, nameFormat });
    expect(info.categories).toEqual(inAll ? ['all'] : []);
    expect(info.statusFields).toEqual(hasStatus ? ['status'] : []);
  });

  it('lists group versions with core first', () => {
    expect(groupVersions()).toEqual([
      { group: '', version: 'v1' },
      { group: 'apps', version: 'v1' },
      { group: 'events.k8s.io', version: 'v1' },
      { group: 'autoscaling', version: 'v2' },
      { group: 'batch', version: 'v1' },
      { group: 'networking.k8s.io', version: 'v1' },
      { group: 'policy', version: 'v1' },
      { group: 'coordination.k8s.io', version: 'v1' },
    ]);
  });

  it('qualifies resources of named groups', () => {
    expect(qualifiedResource(findKind('', 'v1', 'pods')!)).toBe('pods');
    expect(qualifiedResource(findKind('apps', 'v1', 'deployments')!)).toBe('deployments.apps');
  });

  it('returns undefined for unknown resources', () => {
    expect(findKind('apps', 'v1beta1', 'deployments')).toBeUndefined();
    expect(findKindByGVK('autoscaling', 'v1', 'HorizontalPodAutoscaler')).toBeUndefined();
  });

  it('keeps only Node status on create', () => {
    expect(allKinds().filter((k) => k.keepStatusOnCreate).map((k) => k.kind)).toEqual(['Node']);
  });
});

describe('field selectors', () => {
  const sel = (group: string, plural: string, field: string, obj: KObject) => findKind(group, group === 'autoscaling' ? 'v2' : 'v1', plural)!.fieldSelectors[field](obj);

  it.each<[string, string, string, KObject, string]>([
    ['', 'pods', 'spec.nodeName', { spec: { nodeName: 'node-1' } }, 'node-1'],
    ['', 'pods', 'spec.nodeName', {}, ''],
    ['', 'pods', 'spec.restartPolicy', { spec: { restartPolicy: 'Never' } }, 'Never'],
    ['', 'pods', 'spec.schedulerName', { spec: { schedulerName: 'default-scheduler' } }, 'default-scheduler'],
    ['', 'pods', 'spec.serviceAccountName', { spec: { serviceAccountName: 'default' } }, 'default'],
    ['', 'pods', 'spec.hostNetwork', { spec: { hostNetwork: true } }, 'true'],
    ['', 'pods', 'spec.hostNetwork', { spec: {} }, 'false'],
    ['', 'pods', 'status.phase', { status: { phase: 'Running' } }, 'Running'],
    ['', 'pods', 'status.podIP', { status: { podIP: '10.0.0.9', podIPs: [{ ip: '10.0.0.1' }] } }, '10.0.0.1'],
    ['', 'pods', 'status.podIP', { status: { podIP: '10.0.0.9' } }, '10.0.0.9'],
    ['', 'pods', 'status.nominatedNodeName', { status: { nominatedNodeName: 'n' } }, 'n'],
    ['', 'events', 'involvedObject.uid', { involvedObject: { uid: 'u1' } }, 'u1'],
    ['', 'events', 'involvedObject.kind', { involvedObject: { kind: 'Pod' } }, 'Pod'],
    ['', 'events', 'involvedObject.fieldPath', { involvedObject: { fieldPath: 'spec.containers{web}' } }, 'spec.containers{web}'],
    ['', 'events', 'source', { source: { component: 'kubelet' } }, 'kubelet'],
    ['', 'events', 'source', { reportingComponent: 'scheduler' }, 'scheduler'],
    ['', 'events', 'reportingComponent', { reportingComponent: 'scheduler' }, 'scheduler'],
    ['', 'events', 'type', { type: 'Warning' }, 'Warning'],
    ['events.k8s.io', 'events', 'regarding.name', { regarding: { name: 'web' } }, 'web'],
    ['events.k8s.io', 'events', 'reportingController', { reportingController: 'kubelet' }, 'kubelet'],
    ['', 'nodes', 'spec.unschedulable', { spec: { unschedulable: true } }, 'true'],
    ['', 'namespaces', 'status.phase', { status: { phase: 'Terminating' } }, 'Terminating'],
    ['', 'secrets', 'type', { type: 'kubernetes.io/tls' }, 'kubernetes.io/tls'],
    ['', 'replicationcontrollers', 'status.replicas', { status: { replicas: 3 } }, '3'],
    ['apps', 'replicasets', 'status.replicas', {}, '0'],
    ['batch', 'jobs', 'status.successful', { status: { succeeded: 2 } }, '2'],
    ['', 'services', 'spec.clusterIP', { spec: { clusterIP: 'None' } }, 'None'],
    ['', 'services', 'spec.type', { spec: { type: 'NodePort' } }, 'NodePort'],
  ])('%s %s %s', (group, plural, field, obj, want) => {
    expect(sel(group, plural, field, obj)).toBe(want);
  });
});
