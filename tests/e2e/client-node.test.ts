/**
 * Wire compatibility beyond kubectl: the official JavaScript client
 * (@kubernetes/client-node 1.4) loads the cluster's kubeconfig and uses the
 * API unchanged — typed CRUD, a patch, label-selected lists and a watch.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as k8s from '@kubernetes/client-node';
import { startCluster, type Cluster } from './harness';

let cluster: Cluster;
let kc: k8s.KubeConfig;

beforeAll(async () => {
  cluster = await startCluster();
  kc = new k8s.KubeConfig();
  kc.loadFromFile(cluster.kubeconfig);
}, 120_000);
afterAll(async () => cluster?.stop());

describe('@kubernetes/client-node against the daemon', () => {
  it('reads the system namespaces and the kubernetes Service', async () => {
    const core = kc.makeApiClient(k8s.CoreV1Api);
    const ns = await core.listNamespace();
    expect(ns.items.map((n) => n.metadata?.name).sort()).toEqual(['default', 'kube-node-lease', 'kube-public', 'kube-system']);
    const svc = await core.readNamespacedService({ name: 'kubernetes', namespace: 'default' });
    expect(svc.spec?.clusterIP).toBe('10.96.0.1');
  });

  it('creates, patches, lists by label and deletes a Deployment', async () => {
    const apps = kc.makeApiClient(k8s.AppsV1Api);
    const created = await apps.createNamespacedDeployment({
      namespace: 'default',
      body: {
        metadata: { name: 'web', labels: { app: 'web' } },
        spec: {
          replicas: 1,
          selector: { matchLabels: { app: 'web' } },
          template: { metadata: { labels: { app: 'web' } }, spec: { containers: [{ name: 'nginx', image: 'nginx:1.27' }] } },
        },
      },
    });
    expect(created.metadata?.generation).toBe(1);
    expect(created.spec?.strategy?.rollingUpdate?.maxSurge).toBe('25%');
    const patched = await apps.patchNamespacedDeployment(
      { name: 'web', namespace: 'default', body: { spec: { replicas: 3 } } },
      k8s.setHeaderOptions('Content-Type', k8s.PatchStrategy.MergePatch),
    );
    expect(patched.spec?.replicas).toBe(3);
    expect(patched.metadata?.generation).toBe(2);
    const listed = await apps.listNamespacedDeployment({ namespace: 'default', labelSelector: 'app=web' });
    expect(listed.items.map((d) => d.metadata?.name)).toEqual(['web']);
    await apps.deleteNamespacedDeployment({ name: 'web', namespace: 'default' });
    await expect(apps.readNamespacedDeployment({ name: 'web', namespace: 'default' })).rejects.toMatchObject({ code: 404 });
  });

  it('watches ConfigMaps and sees ADDED, MODIFIED and DELETED', async () => {
    const core = kc.makeApiClient(k8s.CoreV1Api);
    const seen: string[] = [];
    const done = new Promise<void>((resolve, reject) => {
      const watch = new k8s.Watch(kc);
      void watch
        .watch(
          '/api/v1/namespaces/default/configmaps',
          { resourceVersion: '0' },
          (type: string, obj: k8s.V1ConfigMap) => {
            if (obj.metadata?.name !== 'watched') return;
            seen.push(type);
            if (type === 'DELETED') resolve();
          },
          (err: unknown) => (err ? reject(err) : undefined),
        )
        .then(async (req) => {
          await core.createNamespacedConfigMap({ namespace: 'default', body: { metadata: { name: 'watched' }, data: { a: '1' } } });
          await core.patchNamespacedConfigMap(
            { name: 'watched', namespace: 'default', body: { data: { a: '2' } } },
            k8s.setHeaderOptions('Content-Type', k8s.PatchStrategy.MergePatch),
          );
          await core.deleteNamespacedConfigMap({ name: 'watched', namespace: 'default' });
          await done;
          req.abort();
        }, reject);
    });
    await done;
    expect(seen).toEqual(['ADDED', 'MODIFIED', 'DELETED']);
  });
});
