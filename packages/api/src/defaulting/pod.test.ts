import { describe, expect, it } from 'vitest';
import type { KObject } from '../registry/types';
import { applyPodDefaults, preparePodForCreate, preparePodForUpdate } from './pod';

const tolerations = [
  { key: 'node.kubernetes.io/not-ready', operator: 'Exists', effect: 'NoExecute', tolerationSeconds: 300 },
  { key: 'node.kubernetes.io/unreachable', operator: 'Exists', effect: 'NoExecute', tolerationSeconds: 300 },
];

function pod(spec: Record<string, unknown>): KObject {
  return { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'web', namespace: 'default' }, spec };
}

describe('Pod create', () => {
  it('fills upstream defaults, admission mutations and the initial status', () => {
    const p = pod({ containers: [{ name: 'web', image: 'nginx', ports: [{ containerPort: 80 }] }] });
    preparePodForCreate(p);
    expect(p.spec).toEqual({
      containers: [
        {
          name: 'web',
          image: 'nginx',
          ports: [{ containerPort: 80, protocol: 'TCP' }],
          imagePullPolicy: 'Always',
          terminationMessagePath: '/dev/termination-log',
          terminationMessagePolicy: 'File',
          resources: {},
        },
      ],
      dnsPolicy: 'ClusterFirst',
      restartPolicy: 'Always',
      securityContext: {},
      terminationGracePeriodSeconds: 30,
      schedulerName: 'default-scheduler',
      enableServiceLinks: true,
      serviceAccountName: 'default',
      serviceAccount: 'default',
      priority: 0,
      preemptionPolicy: 'PreemptLowerPriority',
      tolerations,
    });
    expect(p.status).toEqual({ phase: 'Pending', qosClass: 'BestEffort' });
  });

  it('keeps what the pod sets', () => {
    const p = pod({
      containers: [{ name: 'c', image: 'busybox:1.36', imagePullPolicy: 'Never' }],
      restartPolicy: 'Never',
      serviceAccountName: 'builder',
      terminationGracePeriodSeconds: 5,
      tolerations: [{ operator: 'Exists' }],
    });
    preparePodForCreate(p);
    const spec = p.spec as Record<string, unknown>;
    expect(spec).toMatchObject({ restartPolicy: 'Never', serviceAccountName: 'builder', serviceAccount: 'builder', terminationGracePeriodSeconds: 5 });
    expect((spec.containers as Array<Record<string, unknown>>)[0].imagePullPolicy).toBe('Never');
    // A toleration with no key and no effect tolerates every taint already.
    expect(spec.tolerations).toEqual([{ operator: 'Exists' }]);
  });

  it('uses the configured DefaultTolerationSeconds', () => {
    const p = pod({ containers: [{ name: 'c', image: 'x' }] });
    preparePodForCreate(p, undefined, { defaultTolerationSeconds: 15 });
    expect((p.spec as { tolerations: { tolerationSeconds: number }[] }).tolerations.map((t) => t.tolerationSeconds)).toEqual([15, 15]);
  });

  it('gives built-in priority classes their values', () => {
    const p = pod({ containers: [{ name: 'c', image: 'x' }], priorityClassName: 'system-node-critical' });
    preparePodForCreate(p);
    expect(p.spec).toMatchObject({ priority: 2000001000, preemptionPolicy: 'PreemptLowerPriority' });
  });

  it('adds only the missing default toleration', () => {
    const p = pod({ containers: [{ name: 'c', image: 'x' }], tolerations: [{ key: 'node.kubernetes.io/unreachable', operator: 'Exists', effect: 'NoExecute', tolerationSeconds: 10 }] });
    preparePodForCreate(p);
    expect((p.spec as { tolerations: unknown[] }).tolerations).toEqual([
      { key: 'node.kubernetes.io/unreachable', operator: 'Exists', effect: 'NoExecute', tolerationSeconds: 10 },
      tolerations[0],
    ]);
  });

  it('marks a gated pod unschedulable', () => {
    const p = pod({ containers: [{ name: 'c', image: 'x' }], schedulingGates: [{ name: 'example.com/gate' }] });
    preparePodForCreate(p);
    expect((p.status as { conditions: unknown[] }).conditions).toEqual([
      { type: 'PodScheduled', status: 'False', lastProbeTime: null, lastTransitionTime: null, reason: 'SchedulingGated', message: 'Scheduling is blocked due to non-empty scheduling gates' },
    ]);
  });

  it('computes the QoS class from defaulted requests', () => {
    const p = pod({ containers: [{ name: 'c', image: 'x', resources: { limits: { cpu: '500m', memory: '128Mi' } } }] });
    preparePodForCreate(p);
    expect((p.spec as { containers: Array<{ resources: unknown }> }).containers[0].resources).toEqual({
      limits: { cpu: '500m', memory: '128Mi' },
      requests: { cpu: '500m', memory: '128Mi' },
    });
    expect(p.status).toEqual({ phase: 'Pending', qosClass: 'Guaranteed' });
  });
});

describe('Pod defaults', () => {
  it('defaults probes, handlers, env refs and volumes', () => {
    const p = pod({
      hostNetwork: true,
      containers: [
        {
          name: 'c',
          image: 'x',
          ports: [{ containerPort: 8080 }],
          livenessProbe: { httpGet: { port: 8080 } },
          readinessProbe: { grpc: { port: 9000 }, periodSeconds: 5 },
          lifecycle: { preStop: { httpGet: { port: 80, path: '/stop' } } },
          env: [{ name: 'NODE', valueFrom: { fieldRef: { fieldPath: 'spec.nodeName' } } }, { name: 'MEM', valueFrom: { resourceFieldRef: { resource: 'limits.memory' } } }],
        },
      ],
      volumes: [{ name: 'scratch' }, { name: 'cfg', configMap: { name: 'cfg' } }, { name: 'tok', projected: { sources: [{ serviceAccountToken: { path: 't' } }] } }, { name: 'h', hostPath: { path: '/tmp' } }],
    });
    applyPodDefaults(p);
    const spec = p.spec as Record<string, any>;
    const c = spec.containers[0];
    expect(c.ports).toEqual([{ containerPort: 8080, protocol: 'TCP', hostPort: 8080 }]);
    expect(c.livenessProbe).toEqual({ httpGet: { port: 8080, path: '/', scheme: 'HTTP' }, timeoutSeconds: 1, periodSeconds: 10, successThreshold: 1, failureThreshold: 3 });
    expect(c.readinessProbe).toEqual({ grpc: { port: 9000, service: '' }, periodSeconds: 5, timeoutSeconds: 1, successThreshold: 1, failureThreshold: 3 });
    expect(c.lifecycle.preStop.httpGet).toEqual({ port: 80, path: '/stop', scheme: 'HTTP' });
    expect(c.env[0].valueFrom.fieldRef).toEqual({ fieldPath: 'spec.nodeName', apiVersion: 'v1' });
    expect(c.env[1].valueFrom.resourceFieldRef).toEqual({ resource: 'limits.memory', divisor: '0' });
    expect(spec.volumes).toEqual([
      { name: 'scratch', emptyDir: {} },
      { name: 'cfg', configMap: { name: 'cfg', defaultMode: 420 } },
      { name: 'tok', projected: { sources: [{ serviceAccountToken: { path: 't', expirationSeconds: 3600 } }], defaultMode: 420 } },
      { name: 'h', hostPath: { path: '/tmp', type: '' } },
    ]);
  });

  it('is idempotent', () => {
    const p = pod({ containers: [{ name: 'c', image: 'x' }] });
    preparePodForCreate(p);
    const once = structuredClone(p);
    applyPodDefaults(p);
    preparePodForCreate(p);
    expect(p).toEqual(once);
  });

  it('re-adds default tolerations on update, as the admission plugin does', () => {
    const p = pod({ containers: [{ name: 'c', image: 'x' }] });
    preparePodForUpdate(p);
    expect((p.spec as { tolerations: unknown[] }).tolerations).toEqual(tolerations);
  });
});
