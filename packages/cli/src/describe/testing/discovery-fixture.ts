/** A discovery answer shaped like a real 1.32 cluster's, for tests of resolution, get and describe. */
import type { DiscoveredResource } from '@mk/client';

const VERBS = ['create', 'delete', 'deletecollection', 'get', 'list', 'patch', 'update', 'watch'];

function r(group: string, version: string, plural: string, kind: string, namespaced: boolean, shortNames: string[] = [], categories: string[] = []): DiscoveredResource {
  return { group, version, plural, singular: kind.toLowerCase(), kind, namespaced, shortNames, categories, verbs: VERBS, subresources: [] };
}

/** Core first, then named groups, preferred versions first (autoscaling v2 before v1), as served. */
export const DISCOVERY: DiscoveredResource[] = [
  r('', 'v1', 'configmaps', 'ConfigMap', true, ['cm']),
  r('', 'v1', 'endpoints', 'Endpoints', true, ['ep']),
  r('', 'v1', 'events', 'Event', true, ['ev']),
  r('', 'v1', 'namespaces', 'Namespace', false, ['ns']),
  r('', 'v1', 'nodes', 'Node', false, ['no']),
  r('', 'v1', 'pods', 'Pod', true, ['po'], ['all']),
  r('', 'v1', 'replicationcontrollers', 'ReplicationController', true, ['rc'], ['all']),
  r('', 'v1', 'secrets', 'Secret', true),
  r('', 'v1', 'services', 'Service', true, ['svc'], ['all']),
  r('apps', 'v1', 'daemonsets', 'DaemonSet', true, ['ds'], ['all']),
  r('apps', 'v1', 'deployments', 'Deployment', true, ['deploy'], ['all']),
  r('apps', 'v1', 'replicasets', 'ReplicaSet', true, ['rs'], ['all']),
  r('apps', 'v1', 'statefulsets', 'StatefulSet', true, ['sts'], ['all']),
  r('autoscaling', 'v2', 'horizontalpodautoscalers', 'HorizontalPodAutoscaler', true, ['hpa'], ['all']),
  r('autoscaling', 'v1', 'horizontalpodautoscalers', 'HorizontalPodAutoscaler', true, ['hpa'], ['all']),
  r('batch', 'v1', 'cronjobs', 'CronJob', true, ['cj'], ['all']),
  r('batch', 'v1', 'jobs', 'Job', true, [], ['all']),
  r('coordination.k8s.io', 'v1', 'leases', 'Lease', true),
  r('discovery.k8s.io', 'v1', 'endpointslices', 'EndpointSlice', true),
  r('events.k8s.io', 'v1', 'events', 'Event', true, ['ev']),
];
