/**
 * What a namespace gets when it is created: its `default` ServiceAccount (the
 * service-account controller's job upstream; done here until controllers
 * exist, so pods that name no service account are valid at once).
 */
import { findKind } from '@mk/api';
import { randomUUID } from 'node:crypto';
import { StatusError } from '../errors';
import type { ServerContext } from '../context';
import { isoSeconds } from '../admission/object-meta';

export async function afterNamespaceCreated(ctx: ServerContext, namespace: string): Promise<void> {
  const info = findKind('', 'v1', 'serviceaccounts')!;
  try {
    await ctx.resources.create(info, {
      apiVersion: 'v1',
      kind: 'ServiceAccount',
      metadata: { name: 'default', namespace, uid: randomUUID(), creationTimestamp: isoSeconds(ctx.now()) },
    });
  } catch (e) {
    if (!(e instanceof StatusError && e.reason === 'AlreadyExists')) throw e;
  }
}
