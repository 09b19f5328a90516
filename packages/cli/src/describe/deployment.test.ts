import { describe, it, expect } from 'vitest';
import type { DescribeEnv } from './env';
import { describeDeployment } from './deployment';
import { describeReplicaSet } from './replicaset';
import { FakeApiClient } from './testing/fake-client';
import { event, webDeployment, webReplicaSet } from './testing/describe-fixtures';

const now = new Date('2024-01-01T00:00:00Z');

function env(client: FakeApiClient): DescribeEnv {
  return { client, now, utcOffset: () => 0, showEvents: true, chunkSize: 500 };
}

const list = (kind: string, items: unknown[]) => ({ kind, apiVersion: 'v1', metadata: {}, items });

describe('describeDeployment', () => {
  it('renders kubectl describe deployment output with replica sets and events', async () => {
    const client = new FakeApiClient()
      .get(
        '/api/v1/namespaces/default/events',
        list('EventList', [
          event(now, {
            kind: 'Deployment',
            name: 'web',
            type: 'Normal',
            reason: 'ScalingReplicaSet',
            message: 'Scaled up replica set web-7d4b9c8f5 from 0 to 3',
            component: 'deployment-controller',
            first: 3600,
            last: 3600,
          }),
        ]),
      )
      .get('/apis/apps/v1/namespaces/default/replicasets', list('ReplicaSetList', [webReplicaSet(now), webReplicaSet(now, 'web-5f6d8b7c9', 0, 'nginx:1.24')]));
    const out = await describeDeployment(env(client), webDeployment(now));
    expect(out).toBe(
      [
        'Name:                   web',
        'Namespace:              default',
        'CreationTimestamp:      Sun, 31 Dec 2023 23:00:00 +0000',
        'Labels:                 app=web',
        'Annotations:            deployment.kubernetes.io/revision: 1',
        'Selector:               app=web',
        'Replicas:               3 desired | 3 updated | 3 total | 3 available | 0 unavailable',
        'StrategyType:           RollingUpdate',
        'MinReadySeconds:        0',
        'RollingUpdateStrategy:  25% max unavailable, 25% max surge',
        'Pod Template:',
        '  Labels:  app=web',
        '  Containers:',
        '   nginx:',
        '    Image:         nginx:1.25',
        '    Port:          80/TCP',
        '    Host Port:     0/TCP',
        '    Environment:   <none>',
        '    Mounts:        <none>',
        '  Volumes:         <none>',
        '  Node-Selectors:  <none>',
        '  Tolerations:     <none>',
        'Conditions:',
        '  Type           Status  Reason',
        '  ----           ------  ------',
        '  Available      True    MinimumReplicasAvailable',
        '  Progressing    True    NewReplicaSetAvailable',
        'OldReplicaSets:  <none>',
        'NewReplicaSet:   web-7d4b9c8f5 (3/3 replicas created)',
        'Events:',
        '  Type    Reason             Age   From                   Message',
        '  ----    ------             ----  ----                   -------',
        '  Normal  ScalingReplicaSet  60m   deployment-controller  Scaled up replica set web-7d4b9c8f5 from 0 to 3',
        '',
      ].join('\n'),
    );
    expect(client.requests.map((r) => [r.path, r.query])).toEqual([
      ['/api/v1/namespaces/default/events', { fieldSelector: 'involvedObject.kind=Deployment,involvedObject.name=web,involvedObject.namespace=default,involvedObject.uid=deploy-uid', limit: '500' }],
      ['/apis/apps/v1/namespaces/default/replicasets', { labelSelector: 'app=web', limit: '500' }],
    ]);
  });

  it('lists scaled-up old replica sets and says Events: <none>', async () => {
    const d = webDeployment(now);
    (d.spec as { template: { spec: { containers: { image: string }[] } } }).template.spec.containers[0].image = 'nginx:1.26';
    const client = new FakeApiClient()
      .get('/api/v1/namespaces/default/events', list('EventList', []))
      .get('/apis/apps/v1/namespaces/default/replicasets', list('ReplicaSetList', [webReplicaSet(now), webReplicaSet(now, 'web-6c8f9d7b5', 1, 'nginx:1.26')]));
    const lines = (await describeDeployment(env(client), d)).split('\n');
    expect(lines.slice(-4)).toEqual(['OldReplicaSets:  web-7d4b9c8f5 (3/3 replicas created)', 'NewReplicaSet:   web-6c8f9d7b5 (1/1 replicas created)', 'Events:          <none>', '']);
  });
});

describe('describeReplicaSet', () => {
  it('counts the pods it controls by phase', async () => {
    const pod = (name: string, phase: string, owner = 'web-7d4b9c8f5-uid') => ({
      metadata: { name, ownerReferences: [{ kind: 'ReplicaSet', name: 'x', uid: owner, controller: true }] },
      status: { phase },
    });
    const client = new FakeApiClient()
      .get('/api/v1/namespaces/default/pods', list('PodList', [pod('a', 'Running'), pod('b', 'Pending'), pod('c', 'Running', 'other')]))
      .get('/api/v1/namespaces/default/events', list('EventList', []));
    const out = await describeReplicaSet(env(client), webReplicaSet(now));
    expect(out.split('\n').slice(0, 9)).toEqual([
      'Name:           web-7d4b9c8f5',
      'Namespace:      default',
      'Selector:       app=web,pod-template-hash=7d4b9c8f5',
      'Labels:         app=web',
      '                pod-template-hash=7d4b9c8f5',
      'Annotations:    <none>',
      'Controlled By:  Deployment/web',
      'Replicas:       3 current / 3 desired',
      'Pods Status:    1 Running / 1 Waiting / 0 Succeeded / 0 Failed',
    ]);
    expect(client.requests[0].query).toEqual({ labelSelector: 'app=web,pod-template-hash=7d4b9c8f5', limit: '500' });
  });
});
