/**
 * The NamespaceLifecycle admission plugin: content may only be created in a
 * namespace that exists and is not terminating, and the system namespaces
 * cannot be deleted.
 */
import type { KindInfo } from '@mk/api';
import { findKind } from '@mk/api';
import { errors } from '../errors';
import type { ServerContext } from '../context';

export const immortalNamespaces = new Set(['default', 'kube-system', 'kube-public']);

export async function checkNamespaceForCreate(ctx: ServerContext, info: KindInfo, namespace: string | undefined, name: string): Promise<void> {
  if (!info.namespaced || namespace === undefined) return;
  const nsInfo = findKind('', 'v1', 'namespaces')!;
  const ns = await ctx.resources.tryGet(nsInfo, undefined, namespace);
  if (!ns) throw errors.notFound({ group: '', plural: 'namespaces' }, namespace);
  if (ns.obj.metadata?.deletionTimestamp || (ns.obj.status as { phase?: string } | undefined)?.phase === 'Terminating') {
    const why = `unable to create new content in namespace ${namespace} because it is being terminated`;
    // The NamespaceTerminating cause lets controllers tell this refusal from others (upstream does the same).
    throw errors.forbidden(info, name, why, [{ reason: 'NamespaceTerminating', message: why, field: 'metadata.namespace' }]);
  }
}
