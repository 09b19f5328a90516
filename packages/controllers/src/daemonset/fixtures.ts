/** Builders of DaemonSets, nodes and daemon pods for this folder's unit tests (tests only). */
import type { DaemonSet, DaemonSetUpdateStrategy } from 'kubernetes-types/apps/v1';
import type { Node, Pod, PodSpec, Taint } from 'kubernetes-types/core/v1';
import { frozen } from '../testing/fixtures';

/** A DaemonSet `agent` selecting app=agent, defaulted as the API server would (RollingUpdate, maxUnavailable 1). */
export function daemonSet(extra: { spec?: Partial<PodSpec>; strategy?: DaemonSetUpdateStrategy; minReadySeconds?: number; generation?: number; annotations?: Record<string, string>; observedGeneration?: number } = {}): DaemonSet {
  return frozen({
    apiVersion: 'apps/v1',
    kind: 'DaemonSet',
    metadata: { name: 'agent', namespace: 'default', uid: 'uid-agent', generation: extra.generation ?? 1, ...(extra.annotations ? { annotations: extra.annotations } : {}) },
    spec: {
      selector: { matchLabels: { app: 'agent' } },
      template: { metadata: { labels: { app: 'agent' } }, spec: { containers: [{ name: 'agent', image: 'agent:1' }], ...extra.spec } },
      updateStrategy: extra.strategy ?? { type: 'RollingUpdate', rollingUpdate: { maxUnavailable: 1, maxSurge: 0 } },
      revisionHistoryLimit: 10,
      ...(extra.minReadySeconds ? { minReadySeconds: extra.minReadySeconds } : {}),
    },
    status: { currentNumberScheduled: 0, desiredNumberScheduled: 0, numberMisscheduled: 0, numberReady: 0, ...(extra.observedGeneration !== undefined ? { observedGeneration: extra.observedGeneration } : {}) },
  });
}

/** A node with the given labels and taints. */
export function node(name: string, extra: { labels?: Record<string, string>; taints?: Taint[] } = {}): Node {
  return frozen({
    apiVersion: 'v1',
    kind: 'Node',
    metadata: { name, labels: { 'kubernetes.io/hostname': name, ...(extra.labels ?? {}) } },
    spec: extra.taints ? { taints: extra.taints } : {},
  });
}

export interface DaemonPodOptions {
  hash?: string;
  /** Bound to the node (default) or only pinned by affinity. */
  bound?: boolean;
  phase?: string;
  ready?: boolean;
  /** When the pod became Ready. */
  readySince?: string;
  created?: string;
  deleting?: boolean;
}

/** A daemon pod of `agent` for node, of revision `hash` (default `new`). */
export function daemonPod(name: string, nodeName: string, o: DaemonPodOptions = {}): Pod {
  const bound = o.bound ?? true;
  return frozen({
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: {
      name,
      namespace: 'default',
      uid: `uid-${name}`,
      creationTimestamp: o.created ?? '2026-01-01T00:00:00Z',
      labels: { app: 'agent', 'controller-revision-hash': o.hash ?? 'new' },
      ownerReferences: [{ apiVersion: 'apps/v1', kind: 'DaemonSet', name: 'agent', uid: 'uid-agent', controller: true }],
      ...(o.deleting ? { deletionTimestamp: '2026-01-01T00:00:00Z' } : {}),
    },
    spec: {
      ...(bound ? { nodeName } : {}),
      affinity: { nodeAffinity: { requiredDuringSchedulingIgnoredDuringExecution: { nodeSelectorTerms: [{ matchFields: [{ key: 'metadata.name', operator: 'In', values: [nodeName] }] }] } } },
      containers: [{ name: 'agent', image: 'agent:1' }],
    },
    status: {
      phase: o.phase ?? (bound ? 'Running' : 'Pending'),
      conditions: [{ type: 'Ready', status: o.ready === false || !bound ? 'False' : 'True', lastTransitionTime: o.readySince ?? '2025-12-31T00:00:00Z' }],
    },
  });
}
