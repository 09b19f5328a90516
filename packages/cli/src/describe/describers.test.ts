import { describe, it, expect } from 'vitest';
import type { DescribeEnv } from './env';
import { describerFor } from './describers';
import { camelCaseSplit, smartLabelFor } from './generic';
import { formatEndpointSlices } from './service';
import { FakeApiClient, notFoundStatus, type RecordedRequest } from './testing/fake-client';

const now = new Date('2024-01-01T00:00:00Z');
const list = (items: unknown[]) => ({ kind: 'List', apiVersion: 'v1', metadata: {}, items });
const noEvents = (client: FakeApiClient, ns = 'default') => client.get(ns ? `/api/v1/namespaces/${ns}/events` : '/api/v1/events', list([]));

function env(client: FakeApiClient): DescribeEnv {
  return { client, now, utcOffset: () => 0, showEvents: true, chunkSize: 500 };
}

async function describeObj(client: FakeApiClient, group: string, obj: Record<string, unknown>): Promise<string> {
  return describerFor(group, obj.kind as string)(env(client), obj as never);
}

describe('describe services, config and secrets', () => {
  it('renders a NodePort service with endpoints from its slices', async () => {
    const client = noEvents(new FakeApiClient()).get(
      '/apis/discovery.k8s.io/v1/namespaces/default/endpointslices',
      list([{ ports: [{ name: '', port: 80 }], endpoints: [{ addresses: ['10.244.0.5'], conditions: { ready: true } }, { addresses: ['10.244.0.6'] }, { addresses: ['10.244.0.7'], conditions: { ready: false } }] }]),
      (q) => q.labelSelector === 'kubernetes.io/service-name=web',
    );
    const out = await describeObj(client, '', {
      apiVersion: 'v1',
      kind: 'Service',
      metadata: { name: 'web', namespace: 'default', labels: { app: 'web' } },
      spec: {
        selector: { app: 'web' },
        type: 'NodePort',
        ipFamilyPolicy: 'SingleStack',
        ipFamilies: ['IPv4'],
        clusterIP: '10.96.12.34',
        clusterIPs: ['10.96.12.34'],
        ports: [{ port: 80, protocol: 'TCP', targetPort: 80, nodePort: 30080 }],
        sessionAffinity: 'None',
        externalTrafficPolicy: 'Cluster',
        internalTrafficPolicy: 'Cluster',
      },
    });
    expect(out).toBe(
      [
        'Name:                     web',
        'Namespace:                default',
        'Labels:                   app=web',
        'Annotations:              <none>',
        'Selector:                 app=web',
        'Type:                     NodePort',
        'IP Family Policy:         SingleStack',
        'IP Families:              IPv4',
        'IP:                       10.96.12.34',
        'IPs:                      10.96.12.34',
        'Port:                     <unset>  80/TCP',
        'TargetPort:               80/TCP',
        'NodePort:                 <unset>  30080/TCP',
        'Endpoints:                10.244.0.5:80,10.244.0.6:80',
        'Session Affinity:         None',
        'External Traffic Policy:  Cluster',
        'Internal Traffic Policy:  Cluster',
        'Events:                   <none>',
        '',
      ].join('\n'),
    );
  });

  it('caps endpoints at three with a count of the rest', () => {
    const endpoints = ['a', 'b', 'c', 'd', 'e'].map((ip) => ({ addresses: [ip] }));
    expect(formatEndpointSlices([{ ports: [{ name: 'http', port: 8080 }], endpoints }], 'http')).toBe('a:8080,b:8080,c:8080 + 2 more...');
    expect(formatEndpointSlices([], '')).toBe('<none>');
  });

  it('renders config maps with their data and secrets with sizes only', async () => {
    const client = noEvents(new FakeApiClient());
    const cm = await describeObj(client, '', { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'app', namespace: 'default' }, data: { 'b.conf': 'x=1\ny=2', a: 'hello' } });
    expect(cm).toBe(
      ['Name:         app', 'Namespace:    default', 'Labels:       <none>', 'Annotations:  <none>', '', 'Data', '====', 'a:', '----', 'hello', '', 'b.conf:', '----', 'x=1', 'y=2', '', '', 'BinaryData', '====', '', 'Events:  <none>', ''].join('\n'),
    );
    const secret = await describeObj(client, '', {
      apiVersion: 'v1',
      kind: 'Secret',
      metadata: { name: 'db', namespace: 'default' },
      type: 'Opaque',
      data: { password: Buffer.from('s3cr3t!!').toString('base64'), user: Buffer.from('admin').toString('base64') },
    });
    expect(secret).toBe(['Name:         db', 'Namespace:    default', 'Labels:       <none>', 'Annotations:  <none>', '', 'Type:  Opaque', '', 'Data', '====', 'password:  8 bytes', 'user:      5 bytes', ''].join('\n'));
  });
});

describe('describe service accounts', () => {
  it('lists mountable, pull and token secrets, marking missing ones', async () => {
    const client = noEvents(new FakeApiClient()).get(
      '/api/v1/namespaces/default/secrets',
      list([
        { metadata: { name: 'builder-token', annotations: { 'kubernetes.io/service-account.name': 'builder', 'kubernetes.io/service-account.uid': 'sa-uid' } }, type: 'kubernetes.io/service-account-token' },
        { metadata: { name: 'registry' } },
      ]),
    );
    const out = await describeObj(client, '', {
      apiVersion: 'v1',
      kind: 'ServiceAccount',
      metadata: { name: 'builder', namespace: 'default', uid: 'sa-uid' },
      secrets: [{ name: 'gone' }],
      imagePullSecrets: [{ name: 'registry' }],
    });
    expect(out).toBe(
      [
        'Name:                builder',
        'Namespace:           default',
        'Labels:              <none>',
        'Annotations:         <none>',
        'Image pull secrets:  registry',
        'Mountable secrets:   gone (not found)',
        'Tokens:              builder-token',
        'Events:              <none>',
        '',
      ].join('\n'),
    );
  });
});

describe('describe nodes and namespaces', () => {
  it('renders a node with its pods, allocated resources and lease', async () => {
    const client = new FakeApiClient()
      .get('/api/v1/events', list([]))
      .get('/apis/coordination.k8s.io/v1/namespaces/kube-node-lease/leases/node-1', { kind: 'Lease', spec: { holderIdentity: 'node-1', renewTime: '2024-01-01T00:00:00.000000Z' } })
      .get('/api/v1/pods', (req: RecordedRequest) => {
        expect(req.query.fieldSelector).toBe('spec.nodeName=node-1,status.phase!=Succeeded,status.phase!=Failed');
        return list([
          {
            metadata: { name: 'web-1', namespace: 'default', creationTimestamp: '2023-12-31T23:00:00Z' },
            spec: { containers: [{ resources: { requests: { cpu: '250m', memory: '64Mi' }, limits: { memory: '128Mi' } } }, { resources: { requests: { cpu: '250m' } } }] },
          },
        ]);
      });
    const out = await describeObj(client, '', {
      apiVersion: 'v1',
      kind: 'Node',
      metadata: { name: 'node-1', uid: 'node-uid', creationTimestamp: '2023-12-01T00:00:00Z', labels: { 'node-role.kubernetes.io/control-plane': '', 'kubernetes.io/hostname': 'node-1' } },
      spec: { taints: [{ key: 'node-role.kubernetes.io/control-plane', effect: 'NoSchedule' }] },
      status: {
        capacity: { cpu: '2', memory: '4Gi', pods: '110' },
        allocatable: { cpu: '2', memory: '4Gi', pods: '110' },
        addresses: [{ type: 'InternalIP', address: '127.0.0.1' }],
        conditions: [{ type: 'Ready', status: 'True', lastHeartbeatTime: '2024-01-01T00:00:00Z', lastTransitionTime: '2023-12-01T00:00:00Z', reason: 'KubeletReady', message: 'kubelet is posting ready status' }],
        nodeInfo: { kubeletVersion: 'v1.32.0', operatingSystem: 'linux', architecture: 'amd64' },
      },
    });
    const lines = out.split('\n');
    expect(lines.slice(0, 6)).toEqual([
      'Name:               node-1',
      'Roles:              control-plane',
      'Labels:             kubernetes.io/hostname=node-1',
      '                    node-role.kubernetes.io/control-plane=',
      'Annotations:        <none>',
      'CreationTimestamp:  Fri, 01 Dec 2023 00:00:00 +0000',
    ]);
    expect(lines).toContain('Taints:             node-role.kubernetes.io/control-plane:NoSchedule');
    expect(lines).toContain('  HolderIdentity:  node-1');
    expect(lines).toContain('  Ready   True    Mon, 01 Jan 2024 00:00:00 +0000   Fri, 01 Dec 2023 00:00:00 +0000   KubeletReady   kubelet is posting ready status');
    expect(out).toContain(
      [
        'Non-terminated Pods:          (1 in total)',
        '  Namespace                   Name     CPU Requests  CPU Limits  Memory Requests  Memory Limits  Age',
        '  ---------                   ----     ------------  ----------  ---------------  -------------  ---',
        '  default                     web-1    500m (25%)    0 (0%)      64Mi (1%)        128Mi (3%)     60m',
        'Allocated resources:',
        '  (Total limits may be over 100 percent, i.e., overcommitted.)',
        '  Resource           Requests    Limits',
        '  --------           --------    ------',
        '  cpu                500m (25%)  0 (0%)',
        '  memory             64Mi (1%)   128Mi (3%)',
        '  ephemeral-storage  0 (0%)      0 (0%)',
        'Events:              <none>',
      ].join('\n'),
    );
  });

  it('renders a namespace with quotas, and without them when the server has none', async () => {
    const client = new FakeApiClient()
      .get('/api/v1/namespaces/dev/resourcequotas', list([{ metadata: { name: 'q' }, status: { hard: { pods: '10' }, used: { pods: '1' } } }]))
      .get('/api/v1/namespaces/dev/limitranges', notFoundStatus('limitranges', ''));
    const out = await describeObj(client, '', { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'dev' }, status: { phase: 'Active' } });
    expect(out).toBe(
      ['Name:         dev', 'Labels:       <none>', 'Annotations:  <none>', 'Status:       Active', '', 'Resource Quotas', '  Name:     q', '  Resource  Used  Hard', '  --------  ---   ---', '  pods      1     10', ''].join('\n'),
    );
  });
});

describe('describe workloads and generic objects', () => {
  const podList = (client: FakeApiClient) => client.get('/api/v1/namespaces/default/pods', list([]));

  it('renders jobs, cron jobs, stateful sets and daemon sets', async () => {
    const client = podList(noEvents(new FakeApiClient()));
    const template = { metadata: { labels: { app: 'x' } }, spec: { containers: [{ name: 'c', image: 'busybox' }] } };
    const job = await describeObj(client, 'batch', {
      kind: 'Job',
      metadata: { name: 'pi', namespace: 'default' },
      spec: { selector: { matchLabels: { 'batch.kubernetes.io/controller-uid': 'u' } }, parallelism: 1, completions: 1, completionMode: 'NonIndexed', suspend: false, backoffLimit: 6, template },
      status: { startTime: '2023-12-31T23:58:00Z', completionTime: '2023-12-31T23:59:00Z', succeeded: 1, ready: 0 },
    });
    expect(job).toContain('Duration:         60s\n');
    expect(job).toContain('Pods Statuses:    0 Active (0 Ready) / 1 Succeeded / 0 Failed\n');
    const cj = await describeObj(client, 'batch', { kind: 'CronJob', metadata: { name: 'tick', namespace: 'default' }, spec: { schedule: '*/1 * * * *', concurrencyPolicy: 'Allow', suspend: false, jobTemplate: { spec: { template } } }, status: {} });
    expect(cj).toContain('Suspend:                       False\n');
    expect(cj).toContain('Last Schedule Time:  <unset>\nActive Jobs:         <none>\nEvents:              <none>\n');
    const sts = await describeObj(client, 'apps', { kind: 'StatefulSet', metadata: { name: 'db', namespace: 'default', creationTimestamp: '2024-01-01T00:00:00Z' }, spec: { replicas: 2, selector: { matchLabels: { app: 'x' } }, updateStrategy: { type: 'RollingUpdate', rollingUpdate: { partition: 0 } }, template }, status: { replicas: 2 } });
    expect(sts).toContain('Replicas:           2 desired | 2 total\nUpdate Strategy:    RollingUpdate\n  Partition:        0\nPods Status:        0 Running / 0 Waiting / 0 Succeeded / 0 Failed\n');
    expect(sts).toContain('Volume Claims:     <none>\nEvents:            <none>\n');
    const ds = await describeObj(client, 'apps', { kind: 'DaemonSet', metadata: { name: 'agent', namespace: 'default' }, spec: { selector: { matchLabels: { app: 'x' } }, template }, status: { desiredNumberScheduled: 3 } });
    expect(ds).toContain('Node-Selector:  <none>\nLabels:         <none>\nAnnotations:    <none>\nDesired Number of Nodes Scheduled: 3\n');
  });

  it('renders unknown kinds generically with smart labels', async () => {
    const client = noEvents(new FakeApiClient(), 'kube-node-lease');
    const out = await describeObj(client, 'coordination.k8s.io', {
      apiVersion: 'coordination.k8s.io/v1',
      kind: 'Lease',
      metadata: { name: 'node-1', namespace: 'kube-node-lease', uid: 'lease-uid', resourceVersion: '12', managedFields: [{ manager: 'x' }] },
      spec: { holderIdentity: 'node-1', leaseDurationSeconds: 40 },
    });
    expect(out).toBe(
      [
        'Name:         node-1',
        'Namespace:    kube-node-lease',
        'Labels:       <none>',
        'Annotations:  <none>',
        'API Version:  coordination.k8s.io/v1',
        'Kind:         Lease',
        'Metadata:',
        '  Resource Version:  12',
        '  UID:               lease-uid',
        'Spec:',
        '  Holder Identity:         node-1',
        '  Lease Duration Seconds:  40',
        'Events:                    <none>',
        '',
      ].join('\n'),
    );
    expect(client.requests[0].query.fieldSelector).toBe('involvedObject.kind=Lease,involvedObject.name=node-1,involvedObject.namespace=kube-node-lease,involvedObject.uid=lease-uid');
  });

  it('splits camel case like fatih/camelcase', () => {
    expect(camelCaseSplit('PDFLoader')).toEqual(['PDF', 'Loader']);
    expect(camelCaseSplit('podCIDR')).toEqual(['pod', 'CIDR']);
    expect(smartLabelFor('apiVersion')).toBe('API Version');
    expect(smartLabelFor('uid')).toBe('UID');
    expect(smartLabelFor('x509')).toBe('x509');
  });
});
