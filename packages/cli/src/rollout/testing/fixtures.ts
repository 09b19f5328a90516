/** Workloads and their history as an API server returns them, for the rollout tests. */
import type { KObject } from '@mk/api';

const owner = (kind: string, name: string, uid: string) => [{ apiVersion: 'apps/v1', kind, name, uid, controller: true, blockOwnerDeletion: true }];

/** A pod template running `image`, optionally with a pod-template-hash label. */
export function template(image: string, hash?: string): { metadata: { labels: Record<string, string> }; spec: { containers: { name: string; image: string }[] } } {
  return { metadata: { labels: hash ? { app: 'web', 'pod-template-hash': hash } : { app: 'web' } }, spec: { containers: [{ name: 'nginx', image }] } };
}

/** Deployment `web` at revision 3 (nginx:1.27). */
export function webDeployment(overrides: { paused?: boolean; image?: string; annotations?: Record<string, string> } = {}): KObject {
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: {
      name: 'web',
      namespace: 'default',
      uid: 'd-uid',
      resourceVersion: '30',
      generation: 3,
      annotations: overrides.annotations ?? { 'deployment.kubernetes.io/revision': '3', 'kubectl.kubernetes.io/last-applied-configuration': '{}' },
    },
    spec: { replicas: 3, selector: { matchLabels: { app: 'web' } }, template: template(overrides.image ?? 'nginx:1.27'), ...(overrides.paused ? { paused: true } : {}) },
    status: { observedGeneration: 3, replicas: 3, updatedReplicas: 3, availableReplicas: 3 },
  };
}

/** A ReplicaSet of `web` with a revision, created `minute` minutes after midnight. */
export function webReplicaSet(revision: number, image: string, minute: number, annotations: Record<string, string> = {}, ownerUid = 'd-uid'): KObject {
  const hash = `h${revision}`;
  return {
    metadata: {
      name: `web-${hash}`,
      namespace: 'default',
      uid: `rs-${revision}`,
      creationTimestamp: `2026-01-01T00:${String(minute).padStart(2, '0')}:00Z`,
      annotations: { 'deployment.kubernetes.io/revision': String(revision), 'deployment.kubernetes.io/desired-replicas': '3', 'deployment.kubernetes.io/max-replicas': '4', ...annotations },
      ownerReferences: owner('Deployment', 'web', ownerUid),
      labels: { app: 'web', 'pod-template-hash': hash },
    },
    spec: { replicas: revision === 3 ? 3 : 0, selector: { matchLabels: { app: 'web', 'pod-template-hash': hash } }, template: template(image, hash) },
  };
}

/** web's three ReplicaSets (revision 2 with a change-cause), newest first as a list may return them, plus a stranger's. */
export function webReplicaSets(): KObject[] {
  return [
    webReplicaSet(3, 'nginx:1.27', 3),
    webReplicaSet(1, 'nginx:1.25', 1),
    webReplicaSet(2, 'nginx:1.26', 2, { 'kubernetes.io/change-cause': 'mk set image deployment/web nginx=nginx:1.26' }),
    webReplicaSet(9, 'nginx:9', 9, {}, 'someone-else'),
  ];
}

/** DaemonSet `agent` running `image`. */
export function agentDaemonSet(image: string): KObject {
  return {
    apiVersion: 'apps/v1',
    kind: 'DaemonSet',
    metadata: { name: 'agent', namespace: 'default', uid: 'ds-uid', generation: 2 },
    spec: { selector: { matchLabels: { app: 'web' } }, template: template(image), updateStrategy: { type: 'RollingUpdate' } },
  };
}

/** A ControllerRevision of `agent` recording `image`, as the DaemonSet controller writes it. */
export function agentRevision(revision: number, image: string, annotations: Record<string, string> = {}): KObject {
  return {
    apiVersion: 'apps/v1',
    kind: 'ControllerRevision',
    metadata: {
      name: `agent-r${revision}`,
      namespace: 'default',
      labels: { app: 'web', 'controller-revision-hash': `r${revision}` },
      annotations,
      ownerReferences: owner('DaemonSet', 'agent', 'ds-uid'),
    },
    data: { spec: { template: { ...template(image), $patch: 'replace' } } },
    revision,
  };
}
