import { describe, it, expect } from 'vitest';
import type { DescribeEnv } from './env';
import { describePod } from './pod';
import { FakeApiClient } from './testing/fake-client';
import { event, webPod } from './testing/describe-fixtures';

const now = new Date('2024-01-01T00:00:00Z');

function env(client: FakeApiClient, showEvents = true): DescribeEnv {
  return { client, now, utcOffset: () => 0, showEvents, chunkSize: 500 };
}

describe('describePod', () => {
  it('renders kubectl describe pod output with events', async () => {
    const client = new FakeApiClient().get('/api/v1/namespaces/default/events', {
      kind: 'EventList',
      apiVersion: 'v1',
      metadata: {},
      items: [
        event(now, { name: 'web-1', type: 'Warning', reason: 'BackOff', message: 'Back-off restarting failed container nginx\n', component: 'kubelet', first: 8, last: 3, count: 3 }),
        event(now, { name: 'web-1', type: 'Normal', reason: 'Scheduled', message: 'Successfully assigned default/web-1 to node-1', component: 'default-scheduler', first: 10, last: 10 }),
      ],
    });
    const out = await describePod(env(client), webPod(now));
    expect(out).toBe(
      [
        'Name:             web-1',
        'Namespace:        default',
        'Priority:         0',
        'Service Account:  default',
        'Node:             node-1/10.0.0.11',
        'Start Time:       Sun, 31 Dec 2023 23:59:50 +0000',
        'Labels:           app=web',
        '                  pod-template-hash=7d4b9c8f5',
        'Annotations:      <none>',
        'Status:           Running',
        'IP:               10.244.0.5',
        'IPs:',
        '  IP:           10.244.0.5',
        'Controlled By:  ReplicaSet/web-7d4b9c8f5',
        'Containers:',
        '  nginx:',
        '    Container ID:   containerd://abc',
        '    Image:          nginx:1.25',
        '    Image ID:       docker.io/library/nginx@sha256:0d17',
        '    Port:           80/TCP',
        '    Host Port:      0/TCP',
        '    State:          Running',
        '      Started:      Sun, 31 Dec 2023 23:59:55 +0000',
        '    Ready:          True',
        '    Restart Count:  0',
        '    Environment:    <none>',
        '    Mounts:',
        '      /var/run/secrets/kubernetes.io/serviceaccount from kube-api-access-abcde (ro)',
        'Conditions:',
        '  Type                        Status',
        '  PodReadyToStartContainers   True ',
        '  Initialized                 True ',
        '  Ready                       True ',
        '  ContainersReady             True ',
        '  PodScheduled                True ',
        'Volumes:',
        '  kube-api-access-abcde:',
        '    Type:                    Projected (a volume that contains injected data from multiple sources)',
        '    TokenExpirationSeconds:  3607',
        '    ConfigMapName:           kube-root-ca.crt',
        '    ConfigMapOptional:       <nil>',
        '    DownwardAPI:             true',
        'QoS Class:                   BestEffort',
        'Node-Selectors:              <none>',
        'Tolerations:                 node.kubernetes.io/not-ready:NoExecute op=Exists for 300s',
        '                             node.kubernetes.io/unreachable:NoExecute op=Exists for 300s',
        'Events:',
        '  Type     Reason     Age              From               Message',
        '  ----     ------     ----             ----               -------',
        '  Normal   Scheduled  10s              default-scheduler  Successfully assigned default/web-1 to node-1',
        '  Warning  BackOff    3s (x3 over 8s)  kubelet            Back-off restarting failed container nginx',
        '',
      ].join('\n'),
    );
    expect(client.requests[0].query).toEqual({ fieldSelector: 'involvedObject.name=web-1,involvedObject.namespace=default,involvedObject.uid=pod-uid', limit: '500' });
  });

  it('shows pending pods, probes, env sources, resources and terminated states', async () => {
    const pod = webPod(now);
    const spec = pod.spec as Record<string, any>;
    spec.nodeName = undefined;
    spec.containers[0] = {
      name: 'app',
      image: 'busybox',
      command: ['sh', '-c', 'echo hi\nsleep 10'],
      ports: [
        { containerPort: 8080, protocol: 'TCP' },
        { containerPort: 9090, protocol: 'UDP' },
      ],
      resources: { requests: { cpu: '0.5', memory: '64Mi' }, limits: { memory: '128Mi' } },
      livenessProbe: { httpGet: { path: '/healthz', port: 8080, scheme: 'HTTP' }, timeoutSeconds: 1, periodSeconds: 10, successThreshold: 1, failureThreshold: 3 },
      readinessProbe: { exec: { command: ['cat', '/tmp/ok'] }, initialDelaySeconds: 5, timeoutSeconds: 1, periodSeconds: 5, successThreshold: 1, failureThreshold: 3 },
      env: [
        { name: 'MODE', value: 'prod' },
        { name: 'POD_NAME', valueFrom: { fieldRef: { apiVersion: 'v1', fieldPath: 'metadata.name' } } },
        { name: 'POD_IP', valueFrom: { fieldRef: { apiVersion: 'v1', fieldPath: 'status.podIP' } } },
        { name: 'MEM', valueFrom: { resourceFieldRef: { containerName: 'app', resource: 'limits.memory', divisor: '1Mi' } } },
        { name: 'CPU', valueFrom: { resourceFieldRef: { containerName: 'app', resource: 'limits.cpu' } } },
        { name: 'PASS', valueFrom: { secretKeyRef: { name: 'db', key: 'password' } } },
      ],
      envFrom: [{ configMapRef: { name: 'settings' } }],
      volumeMounts: [],
    };
    const status = pod.status as Record<string, any>;
    status.phase = 'Pending';
    status.podIP = undefined;
    status.podIPs = undefined;
    status.qosClass = undefined;
    status.containerStatuses = [
      { name: 'app', containerID: '', imageID: '', ready: false, restartCount: 2, state: { waiting: { reason: 'CrashLoopBackOff' } }, lastState: { terminated: { exitCode: 1, reason: 'Error', startedAt: ago(9), finishedAt: ago(8) } } },
    ];
    const out = await describePod(env(new FakeApiClient(), false), pod);
    const lines = out.split('\n');
    expect(lines).toContain('Node:             <none>');
    expect(lines).toContain('IPs:              <none>');
    expect(out).toContain(
      [
        '  app:',
        '    Container ID:  ',
        '    Image:         busybox',
        '    Image ID:      ',
        '    Ports:         8080/TCP, 9090/UDP',
        '    Host Ports:    0/TCP, 0/UDP',
        '    Command:',
        '      sh',
        '      -c',
        '      echo hi',
        '      sleep 10',
        '    State:          Waiting',
        '      Reason:       CrashLoopBackOff',
        '    Last State:     Terminated',
        '      Reason:       Error',
        '      Exit Code:    1',
        '      Started:      Sun, 31 Dec 2023 23:59:51 +0000',
        '      Finished:     Sun, 31 Dec 2023 23:59:52 +0000',
        '    Ready:          False',
        '    Restart Count:  2',
        '    Limits:',
        '      memory:  128Mi',
        '    Requests:',
        '      cpu:      500m',
        '      memory:   64Mi',
        '    Liveness:   http-get http://:8080/healthz delay=0s timeout=1s period=10s #success=1 #failure=3',
        '    Readiness:  exec [cat /tmp/ok] delay=5s timeout=1s period=5s #success=1 #failure=3',
        '    Environment Variables from:',
        '      settings  ConfigMap  Optional: false',
        '    Environment:',
        '      MODE:      prod',
        '      POD_NAME:  web-1 (v1:metadata.name)',
        '      POD_IP:     (v1:status.podIP)',
        '      MEM:       128 (limits.memory)',
        '      CPU:       node allocatable (limits.cpu)',
        "      PASS:      <set to the key 'password' in secret 'db'>  Optional: false",
        '    Mounts:      <none>',
        'Conditions:',
      ].join('\n'),
    );
    expect(lines).toContain('QoS Class:                   Burstable');
    expect(out.endsWith('                             node.kubernetes.io/unreachable:NoExecute op=Exists for 300s\n')).toBe(true);
  });
});

function ago(seconds: number): string {
  return new Date(now.getTime() - seconds * 1000).toISOString().replace('.000Z', 'Z');
}
