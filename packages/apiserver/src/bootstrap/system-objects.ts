/**
 * The objects every cluster starts with: the system namespaces (each with its
 * default ServiceAccount) and the `kubernetes` Service in `default`. Idempotent,
 * so a restarted daemon resumes without duplicating anything.
 */
import { findKind, type KObject } from '@mk/api';
import { randomUUID } from 'node:crypto';
import type { ServerContext } from '../context';
import { StatusError } from '../errors';
import { isoSeconds } from '../admission/object-meta';
import { firstServiceIP } from '../admission/service-addresses';
import { afterNamespaceCreated } from './namespace-defaults';

export const systemNamespaces = ['default', 'kube-system', 'kube-public', 'kube-node-lease'];

async function createIfMissing(ctx: ServerContext, plural: string, obj: KObject): Promise<void> {
  const info = findKind('', 'v1', plural)!;
  info.prepareForCreate?.(obj);
  info.applyDefaults(obj);
  try {
    await ctx.resources.create(info, obj);
  } catch (e) {
    if (!(e instanceof StatusError && e.reason === 'AlreadyExists')) throw e;
  }
}

export async function ensureSystemObjects(ctx: ServerContext, apiPort?: number): Promise<void> {
  const created = isoSeconds(ctx.now());
  for (const name of systemNamespaces) {
    await createIfMissing(ctx, 'namespaces', {
      apiVersion: 'v1',
      kind: 'Namespace',
      metadata: { name, uid: randomUUID(), creationTimestamp: created, labels: { 'kubernetes.io/metadata.name': name } },
    });
    await afterNamespaceCreated(ctx, name);
  }
  const ip = firstServiceIP(ctx.serviceCIDR);
  await createIfMissing(ctx, 'services', {
    apiVersion: 'v1',
    kind: 'Service',
    metadata: { name: 'kubernetes', namespace: 'default', uid: randomUUID(), creationTimestamp: created, labels: { component: 'apiserver', provider: 'kubernetes' } },
    spec: { type: 'ClusterIP', clusterIP: ip, clusterIPs: [ip], ports: [{ name: 'https', port: 443, protocol: 'TCP', targetPort: apiPort ?? 6443 }], sessionAffinity: 'None' },
  });
}
