import { describe, expect, it } from 'vitest';
import type { KObject } from '../registry/types';
import { findKind } from '../registry';
import {
  applyDaemonSetDefaults,
  applyDeploymentDefaults,
  applyReplicaSetDefaults,
  applyReplicationControllerDefaults,
  applyStatefulSetDefaults,
} from './apps';

const template = () => ({ metadata: { labels: { app: 'web' } }, spec: { containers: [{ name: 'web', image: 'nginx:1.27' }] } });

const defaultedTemplate = {
  metadata: { labels: { app: 'web' }, creationTimestamp: null },
  spec: {
    containers: [
      { name: 'web', image: 'nginx:1.27', imagePullPolicy: 'IfNotPresent', terminationMessagePath: '/dev/termination-log', terminationMessagePolicy: 'File', resources: {} },
    ],
    dnsPolicy: 'ClusterFirst',
    restartPolicy: 'Always',
    securityContext: {},
    terminationGracePeriodSeconds: 30,
    schedulerName: 'default-scheduler',
  },
};

describe('apps/v1 defaults', () => {
  it('Deployment', () => {
    const d: KObject = { spec: { selector: { matchLabels: { app: 'web' } }, template: template() } };
    applyDeploymentDefaults(d);
    expect(d.spec).toEqual({
      selector: { matchLabels: { app: 'web' } },
      template: defaultedTemplate,
      replicas: 1,
      strategy: { type: 'RollingUpdate', rollingUpdate: { maxUnavailable: '25%', maxSurge: '25%' } },
      revisionHistoryLimit: 10,
      progressDeadlineSeconds: 600,
    });
  });

  it('Deployment with Recreate gets no rollingUpdate', () => {
    const d: KObject = { spec: { strategy: { type: 'Recreate' }, replicas: 0 } };
    applyDeploymentDefaults(d);
    expect(d.spec).toMatchObject({ strategy: { type: 'Recreate' }, replicas: 0 });
  });

  it('ReplicaSet', () => {
    const rs: KObject = { spec: { template: template() } };
    applyReplicaSetDefaults(rs);
    expect(rs.spec).toEqual({ template: defaultedTemplate, replicas: 1 });
  });

  it('StatefulSet, including claim templates', () => {
    const sts: KObject = {
      spec: {
        serviceName: 'web',
        template: template(),
        volumeClaimTemplates: [{ metadata: { name: 'www' }, spec: { accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '1Gi' } } } }],
      },
    };
    applyStatefulSetDefaults(sts);
    expect(sts.spec).toEqual({
      serviceName: 'web',
      template: defaultedTemplate,
      podManagementPolicy: 'OrderedReady',
      updateStrategy: { type: 'RollingUpdate', rollingUpdate: { partition: 0 } },
      persistentVolumeClaimRetentionPolicy: { whenDeleted: 'Retain', whenScaled: 'Retain' },
      replicas: 1,
      revisionHistoryLimit: 10,
      volumeClaimTemplates: [
        {
          apiVersion: 'v1',
          kind: 'PersistentVolumeClaim',
          metadata: { name: 'www', creationTimestamp: null },
          spec: { accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '1Gi' } }, volumeMode: 'Filesystem' },
          status: { phase: 'Pending' },
        },
      ],
    });
  });

  it('StatefulSet OnDelete gets no partition; an unset serviceName prints as ""', () => {
    const sts: KObject = { spec: { updateStrategy: { type: 'OnDelete' } } };
    applyStatefulSetDefaults(sts);
    expect(sts.spec).toMatchObject({ updateStrategy: { type: 'OnDelete' }, serviceName: '' });
  });

  it('DaemonSet', () => {
    const ds: KObject = { spec: { template: template() } };
    applyDaemonSetDefaults(ds);
    expect(ds.spec).toEqual({
      template: defaultedTemplate,
      updateStrategy: { type: 'RollingUpdate', rollingUpdate: { maxUnavailable: 1, maxSurge: 0 } },
      revisionHistoryLimit: 10,
    });
  });

  it('ReplicationController takes selector and labels from its template', () => {
    const rc: KObject = { metadata: { name: 'rc' }, spec: { template: template() } };
    applyReplicationControllerDefaults(rc);
    expect(rc.metadata!.labels).toEqual({ app: 'web' });
    expect(rc.spec).toEqual({ template: defaultedTemplate, selector: { app: 'web' }, replicas: 1 });
  });
});

describe('create-time status', () => {
  it.each([
    ['deployments', {}],
    ['replicasets', { replicas: 0 }],
    ['statefulsets', { availableReplicas: 0, replicas: 0 }],
    ['daemonsets', { currentNumberScheduled: 0, desiredNumberScheduled: 0, numberMisscheduled: 0, numberReady: 0 }],
  ])('%s', (plural, status) => {
    const obj: KObject = { metadata: { name: 'x' }, spec: { template: template() }, status: { replicas: 9 } };
    findKind('apps', 'v1', plural)!.prepareForCreate!(obj);
    expect(obj.status).toEqual(status);
  });
});
