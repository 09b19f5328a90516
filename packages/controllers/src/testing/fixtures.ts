/** Builders of the objects controller tests need (tests only). */
import type { Node, NodeCondition, Pod, Taint, Toleration } from 'kubernetes-types/core/v1';
import type { Lease } from 'kubernetes-types/coordination/v1';
import { rfc3339, rfc3339Micro } from '../framework/time';

/** A node whose kubelet reported Ready (and no pressure) at heartbeat. */
export function readyNode(name: string, heartbeat: Date, extra: { taints?: Taint[]; unschedulable?: boolean; labels?: Record<string, string>; ready?: string } = {}): Node {
  const hb = rfc3339(heartbeat);
  const cond = (type: string, status: string, reason: string): NodeCondition => ({ type, status, reason, message: '', lastHeartbeatTime: hb, lastTransitionTime: '2025-12-31T00:00:00Z' });
  return {
    apiVersion: 'v1',
    kind: 'Node',
    metadata: { name, uid: `uid-${name}`, resourceVersion: '10', creationTimestamp: '2025-12-31T00:00:00Z', labels: extra.labels ?? { 'kubernetes.io/os': 'linux', 'beta.kubernetes.io/os': 'linux' } },
    spec: { ...(extra.taints ? { taints: extra.taints } : {}), ...(extra.unschedulable ? { unschedulable: true } : {}) },
    status: {
      conditions: [
        cond('MemoryPressure', 'False', 'KubeletHasSufficientMemory'),
        cond('DiskPressure', 'False', 'KubeletHasNoDiskPressure'),
        cond('PIDPressure', 'False', 'KubeletHasSufficientPID'),
        cond('Ready', extra.ready ?? 'True', 'KubeletReady'),
      ],
    },
  };
}

/** The node's heartbeat Lease renewed at renewTime. */
export function nodeLease(name: string, renewTime: Date): Lease {
  return {
    apiVersion: 'coordination.k8s.io/v1',
    kind: 'Lease',
    metadata: { name, namespace: 'kube-node-lease' },
    spec: { holderIdentity: name, leaseDurationSeconds: 40, renewTime: rfc3339Micro(renewTime) },
  };
}

/** A running, Ready pod bound to nodeName. */
export function boundPod(name: string, nodeName: string, extra: { tolerations?: Toleration[]; labels?: Record<string, string>; ready?: boolean; deleting?: boolean; owner?: { kind: string; name: string; uid: string; apiVersion?: string } } = {}): Pod {
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: {
      name,
      namespace: 'default',
      uid: `uid-${name}`,
      resourceVersion: '20',
      labels: extra.labels ?? { app: 'web' },
      ...(extra.deleting ? { deletionTimestamp: '2026-01-01T00:00:00Z', deletionGracePeriodSeconds: 30 } : {}),
      ...(extra.owner ? { ownerReferences: [{ apiVersion: extra.owner.apiVersion ?? 'apps/v1', kind: extra.owner.kind, name: extra.owner.name, uid: extra.owner.uid, controller: true }] } : {}),
    },
    spec: { nodeName, containers: [{ name: 'c', image: 'nginx' }], ...(extra.tolerations ? { tolerations: extra.tolerations } : {}) },
    status: {
      phase: 'Running',
      conditions: [
        { type: 'Initialized', status: 'True', lastTransitionTime: '2025-12-31T00:00:00Z' },
        { type: 'Ready', status: extra.ready === false ? 'False' : 'True', lastTransitionTime: '2025-12-31T00:00:00Z' },
      ],
    },
  };
}

/** The tolerations the DefaultTolerationSeconds admission plugin adds. */
export function defaultTolerations(seconds: number): Toleration[] {
  return [
    { key: 'node.kubernetes.io/not-ready', operator: 'Exists', effect: 'NoExecute', tolerationSeconds: seconds },
    { key: 'node.kubernetes.io/unreachable', operator: 'Exists', effect: 'NoExecute', tolerationSeconds: seconds },
  ];
}

/** Freezes obj deeply, as informer caches do, so a planner writing into it throws. */
export function frozen<T>(obj: T): T {
  if (obj && typeof obj === 'object' && !Object.isFrozen(obj)) {
    for (const v of Object.values(obj)) frozen(v);
    Object.freeze(obj);
  }
  return obj;
}
