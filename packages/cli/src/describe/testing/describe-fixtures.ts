/** Objects as a 1.32 API server returns them, for describe golden tests. */
import type { KObject } from '@mk/api';

/** now − seconds, as RFC 3339. */
export function ago(now: Date, seconds: number): string {
  return new Date(now.getTime() - seconds * 1000).toISOString().replace('.000Z', 'Z');
}

/** A core/v1 Event about an object. */
export function event(now: Date, o: { kind?: string; name: string; type: string; reason: string; message: string; component: string; first: number; last: number; count?: number }): KObject {
  return {
    apiVersion: 'v1',
    kind: 'Event',
    metadata: { name: `${o.name}.${o.reason}`, namespace: 'default' },
    involvedObject: { kind: o.kind ?? 'Pod', name: o.name, namespace: 'default' },
    type: o.type,
    reason: o.reason,
    message: o.message,
    source: { component: o.component },
    firstTimestamp: ago(now, o.first),
    lastTimestamp: ago(now, o.last),
    count: o.count ?? 1,
    eventTime: null,
  };
}

/** A running nginx pod of a Deployment's ReplicaSet, with the default service-account volume. */
export function webPod(now: Date): KObject {
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: {
      name: 'web-1',
      namespace: 'default',
      uid: 'pod-uid',
      creationTimestamp: ago(now, 10),
      labels: { app: 'web', 'pod-template-hash': '7d4b9c8f5' },
      ownerReferences: [{ apiVersion: 'apps/v1', kind: 'ReplicaSet', name: 'web-7d4b9c8f5', uid: 'rs-uid', controller: true, blockOwnerDeletion: true }],
    },
    spec: {
      priority: 0,
      serviceAccountName: 'default',
      nodeName: 'node-1',
      containers: [
        {
          name: 'nginx',
          image: 'nginx:1.25',
          ports: [{ containerPort: 80, protocol: 'TCP' }],
          resources: {},
          volumeMounts: [{ name: 'kube-api-access-abcde', mountPath: '/var/run/secrets/kubernetes.io/serviceaccount', readOnly: true }],
        },
      ],
      volumes: [
        {
          name: 'kube-api-access-abcde',
          projected: {
            sources: [
              { serviceAccountToken: { expirationSeconds: 3607, path: 'token' } },
              { configMap: { name: 'kube-root-ca.crt', items: [{ key: 'ca.crt', path: 'ca.crt' }] } },
              { downwardAPI: { items: [{ path: 'namespace', fieldRef: { apiVersion: 'v1', fieldPath: 'metadata.namespace' } }] } },
            ],
          },
        },
      ],
      tolerations: [
        { key: 'node.kubernetes.io/not-ready', operator: 'Exists', effect: 'NoExecute', tolerationSeconds: 300 },
        { key: 'node.kubernetes.io/unreachable', operator: 'Exists', effect: 'NoExecute', tolerationSeconds: 300 },
      ],
    },
    status: {
      phase: 'Running',
      hostIP: '10.0.0.11',
      podIP: '10.244.0.5',
      podIPs: [{ ip: '10.244.0.5' }],
      startTime: ago(now, 10),
      qosClass: 'BestEffort',
      conditions: ['PodReadyToStartContainers', 'Initialized', 'Ready', 'ContainersReady', 'PodScheduled'].map((type) => ({ type, status: 'True' })),
      containerStatuses: [
        {
          name: 'nginx',
          containerID: 'containerd://abc',
          image: 'nginx:1.25',
          imageID: 'docker.io/library/nginx@sha256:0d17',
          ready: true,
          restartCount: 0,
          started: true,
          state: { running: { startedAt: ago(now, 5) } },
        },
      ],
    },
  };
}

/** A three-replica nginx Deployment, fully rolled out. */
export function webDeployment(now: Date): KObject {
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name: 'web', namespace: 'default', uid: 'deploy-uid', creationTimestamp: ago(now, 3600), labels: { app: 'web' }, annotations: { 'deployment.kubernetes.io/revision': '1' } },
    spec: {
      replicas: 3,
      selector: { matchLabels: { app: 'web' } },
      strategy: { type: 'RollingUpdate', rollingUpdate: { maxUnavailable: '25%', maxSurge: '25%' } },
      template: { metadata: { labels: { app: 'web' } }, spec: { containers: [{ name: 'nginx', image: 'nginx:1.25', ports: [{ containerPort: 80, protocol: 'TCP' }], resources: {} }] } },
    },
    status: {
      replicas: 3,
      updatedReplicas: 3,
      readyReplicas: 3,
      availableReplicas: 3,
      conditions: [
        { type: 'Available', status: 'True', reason: 'MinimumReplicasAvailable' },
        { type: 'Progressing', status: 'True', reason: 'NewReplicaSetAvailable' },
      ],
    },
  };
}

/** The Deployment's current ReplicaSet. */
export function webReplicaSet(now: Date, name = 'web-7d4b9c8f5', replicas = 3, image = 'nginx:1.25'): KObject {
  const hash = name.slice(name.lastIndexOf('-') + 1);
  return {
    apiVersion: 'apps/v1',
    kind: 'ReplicaSet',
    metadata: {
      name,
      namespace: 'default',
      uid: `${name}-uid`,
      creationTimestamp: ago(now, 3600),
      labels: { app: 'web', 'pod-template-hash': hash },
      ownerReferences: [{ apiVersion: 'apps/v1', kind: 'Deployment', name: 'web', uid: 'deploy-uid', controller: true }],
    },
    spec: {
      replicas,
      selector: { matchLabels: { app: 'web', 'pod-template-hash': hash } },
      template: {
        metadata: { labels: { app: 'web', 'pod-template-hash': hash } },
        spec: { containers: [{ name: 'nginx', image, ports: [{ containerPort: 80, protocol: 'TCP' }], resources: {} }] },
      },
    },
    status: { replicas },
  };
}
