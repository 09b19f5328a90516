/** Test builders for pods, nodes and cluster snapshots (tests only). */
import type { Container, Node, Pod, PodSpec, Taint, Toleration } from 'kubernetes-types/core/v1';
import { newPodInfo, type PodInfo } from '../cache/pod-info';
import { SchedulerCache } from '../cache/scheduler-cache';

export interface PodOptions {
  namespace?: string;
  uid?: string;
  labels?: Record<string, string>;
  /** Requests of the single container. */
  cpu?: string;
  memory?: string;
  nodeName?: string;
  priority?: number;
  tolerations?: Toleration[];
  hostPorts?: number[];
  /** UID of a controlling owner (a ReplicaSet). */
  owner?: string;
  spec?: Partial<PodSpec>;
  status?: Pod['status'];
  deletionTimestamp?: string;
}

let uidSeq = 0;

/** A pod with one container `c`. */
export function makePod(name: string, o: PodOptions = {}): Pod {
  const requests: Record<string, string> = {};
  if (o.cpu) requests.cpu = o.cpu;
  if (o.memory) requests.memory = o.memory;
  const container: Container = {
    name: 'c',
    image: 'nginx',
    ...(Object.keys(requests).length ? { resources: { requests } } : {}),
    ...(o.hostPorts ? { ports: o.hostPorts.map((p) => ({ containerPort: p, hostPort: p })) } : {}),
  };
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: {
      name,
      namespace: o.namespace ?? 'default',
      uid: o.uid ?? `uid-${name}-${++uidSeq}`,
      labels: o.labels,
      ...(o.owner ? { ownerReferences: [{ apiVersion: 'apps/v1', kind: 'ReplicaSet', name: 'rs', uid: o.owner, controller: true }] } : {}),
      ...(o.deletionTimestamp ? { deletionTimestamp: o.deletionTimestamp } : {}),
    },
    spec: {
      containers: [container],
      schedulerName: 'default-scheduler',
      ...(o.priority !== undefined ? { priority: o.priority } : {}),
      ...(o.nodeName ? { nodeName: o.nodeName } : {}),
      ...(o.tolerations ? { tolerations: o.tolerations } : {}),
      ...o.spec,
    },
    status: o.status ?? { phase: 'Pending' },
  };
}

/** PodInfo of makePod. */
export function podInfo(name: string, o: PodOptions = {}): PodInfo {
  return newPodInfo(makePod(name, o));
}

export interface NodeOptions {
  cpu?: string;
  memory?: string;
  pods?: string;
  labels?: Record<string, string>;
  taints?: Taint[];
  unschedulable?: boolean;
}

/** A Ready node with allocatable cpu/memory/pods (default 4 CPUs, 8Gi, 110 pods). */
export function makeNode(name: string, o: NodeOptions = {}): Node {
  const allocatable = { cpu: o.cpu ?? '4', memory: o.memory ?? '8Gi', pods: o.pods ?? '110' };
  return {
    apiVersion: 'v1',
    kind: 'Node',
    metadata: { name, labels: { 'kubernetes.io/hostname': name, ...o.labels } },
    spec: { ...(o.taints ? { taints: o.taints } : {}), ...(o.unschedulable ? { unschedulable: true } : {}) },
    status: { capacity: allocatable, allocatable, conditions: [{ type: 'Ready', status: 'True' }] },
  };
}

/** A cache holding these nodes and bound pods (pods need spec.nodeName). */
export function cacheOf(nodes: Node[], pods: Pod[] = [], nsLabels: Record<string, Record<string, string>> = {}): SchedulerCache {
  const cache = new SchedulerCache((ns) => nsLabels[ns]);
  for (const n of nodes) cache.addNode(n);
  for (const p of pods) cache.addPod(newPodInfo(p));
  return cache;
}
