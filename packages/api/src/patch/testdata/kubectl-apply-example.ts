/**
 * Test data only: the Deployment apply verified against kubectl 1.32 in
 * kubectl-compat.md §4.2 (remove container b, env E1, port 443, volume v2, mount /v2, a
 * finalizer and a label; switch the strategy to Recreate; change args).
 */

/** A container as these fixtures use it. */
export interface TestContainer {
  name: string;
  image: string;
  args?: string[];
  env?: { name: string; value: string }[];
  ports?: { containerPort: number; protocol?: string }[];
  volumeMounts?: { name: string; mountPath: string }[];
  [field: string]: unknown;
}

/** The manifest applied before (also the last-applied configuration). */
export function manifestBefore() {
  const containers: TestContainer[] = [
    {
      name: 'a',
      image: 'busybox',
      args: ['sleep', '3600'],
      env: [
        { name: 'E1', value: '1' },
        { name: 'E2', value: '2' },
      ],
      ports: [{ containerPort: 80 }, { containerPort: 443 }],
      volumeMounts: [
        { name: 'v1', mountPath: '/v1' },
        { name: 'v2', mountPath: '/v2' },
      ],
    },
    { name: 'b', image: 'busybox' },
  ];
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: {
      name: 'web',
      namespace: 'default',
      labels: { x: '1', y: '2' },
      finalizers: ['example.com/f1', 'example.com/f2'],
    },
    spec: {
      replicas: 1,
      selector: { matchLabels: { app: 'web' } },
      strategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge: 1 } },
      template: {
        metadata: { labels: { app: 'web' } },
        spec: {
          containers,
          volumes: [
            { name: 'v1', emptyDir: {} },
            { name: 'v2', emptyDir: {} },
          ],
        },
      },
    },
  };
}

/** The manifest applied now. */
export function manifestAfter() {
  const manifest = manifestBefore();
  manifest.metadata.labels = { x: '1' } as typeof manifest.metadata.labels;
  manifest.metadata.finalizers = ['example.com/f1'];
  manifest.spec.strategy = { type: 'Recreate' } as typeof manifest.spec.strategy;
  manifest.spec.template.spec.containers = [
    {
      name: 'a',
      image: 'busybox',
      args: ['sleep', '7200'],
      env: [
        { name: 'E2', value: '2' },
        { name: 'E3', value: '3' },
      ],
      ports: [{ containerPort: 80 }],
      volumeMounts: [{ name: 'v1', mountPath: '/v1' }],
    },
  ];
  manifest.spec.template.spec.volumes = [{ name: 'v1', emptyDir: {} }];
  return manifest;
}

/** What the server held after the first apply: the manifest plus defaults, identity and status. */
export function liveBefore() {
  const live = manifestBefore();
  const [a, b] = live.spec.template.spec.containers;
  return {
    ...live,
    metadata: { ...live.metadata, uid: 'u-1', resourceVersion: '7', generation: 1, creationTimestamp: '2026-01-01T00:00:00Z' },
    spec: {
      ...live.spec,
      progressDeadlineSeconds: 600,
      revisionHistoryLimit: 10,
      strategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge: 1, maxUnavailable: '25%' } },
      template: {
        ...live.spec.template,
        spec: {
          ...live.spec.template.spec,
          containers: [
            {
              ...a,
              ports: (a.ports ?? []).map((port) => ({ ...port, protocol: 'TCP' })),
              terminationMessagePath: '/dev/termination-log',
              imagePullPolicy: 'Always',
            },
            { ...b, terminationMessagePath: '/dev/termination-log', imagePullPolicy: 'Always' },
          ],
          restartPolicy: 'Always',
          dnsPolicy: 'ClusterFirst',
        },
      },
    },
    status: { observedGeneration: 1, replicas: 1, conditions: [{ type: 'Available', status: 'True' }] },
  };
}

/** The patch kubectl 1.32 really sent for this apply (the last-applied annotation left out). */
export const VERIFIED_APPLY_PATCH = {
  metadata: {
    '$deleteFromPrimitiveList/finalizers': ['example.com/f2'],
    '$setElementOrder/finalizers': ['example.com/f1'],
    labels: { y: null },
  },
  spec: {
    strategy: { $retainKeys: ['type'], rollingUpdate: null, type: 'Recreate' },
    template: {
      spec: {
        '$setElementOrder/containers': [{ name: 'a' }],
        '$setElementOrder/volumes': [{ name: 'v1' }],
        containers: [
          {
            name: 'a',
            args: ['sleep', '7200'],
            '$setElementOrder/env': [{ name: 'E2' }, { name: 'E3' }],
            '$setElementOrder/ports': [{ containerPort: 80 }],
            '$setElementOrder/volumeMounts': [{ mountPath: '/v1' }],
            env: [{ name: 'E3', value: '3' }, { $patch: 'delete', name: 'E1' }],
            ports: [{ $patch: 'delete', containerPort: 443 }],
            volumeMounts: [{ $patch: 'delete', mountPath: '/v2' }],
          },
          { $patch: 'delete', name: 'b' },
        ],
        volumes: [{ $patch: 'delete', name: 'v2' }],
      },
    },
  },
};
