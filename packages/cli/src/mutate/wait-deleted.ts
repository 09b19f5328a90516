/**
 * Waits until an object is gone, as kubectl delete's wait (pkg/cmd/wait/delete.go IsDeleted):
 * GET it (gone, or a new UID, means done), then list+watch by `metadata.name` until a DELETED event,
 * re-listing whenever the watch ends.
 */
import type { KObject } from '@mk/api';
import { isNotFound, type ApiClient, type WatchHandle } from '@mk/client';
import { targetPath, type Target } from './targets';

/** wait.ErrWaitTimeout extended with the object, as kubectl's wait and delete report a timeout. */
export function timeoutError(target: Target): Error {
  return new Error(`timed out waiting for the condition on ${target.resource.plural}/${target.name}`);
}

/** Waits for one deleted object to disappear; rejects with kubectl's timeout message when `signal` aborts. */
export async function waitDeleted(client: ApiClient, target: Target, deletedUid: string | undefined, signal: AbortSignal): Promise<void> {
  const timedOut = (): Error => timeoutError(target);
  if (signal.aborted) throw timedOut();
  let current: KObject;
  try {
    current = await client.request<KObject>('GET', targetPath(client, target), { signal });
  } catch (err) {
    if (isNotFound(err)) return;
    if (signal.aborted) throw timedOut();
    throw err;
  }
  if (deletedUid && current.metadata?.uid && current.metadata.uid !== deletedUid) return;

  const collection = client.path({ group: target.resource.group, version: target.resource.version, plural: target.resource.plural, namespace: target.namespace || undefined });
  const fieldSelector = `metadata.name=${target.name}`;
  try {
    for (;;) {
      const list = await client.request<{ metadata?: { resourceVersion?: string }; items?: KObject[] }>('GET', collection, {
        query: { fieldSelector, limit: 500, resourceVersion: '0' },
        signal,
      });
      if (!list?.items?.length) return;
      let deleted = false;
      let handle: WatchHandle | undefined;
      handle = await client.watch(collection, {
        query: { allowWatchBookmarks: true, fieldSelector, resourceVersion: list.metadata?.resourceVersion ?? '0' },
        signal,
        onEvent: (event) => {
          if (event.type === 'DELETED') {
            deleted = true;
            handle?.close();
          }
        },
      });
      if (deleted) handle.close();
      const opened = handle;
      const onAbort = (): void => opened.close();
      signal.addEventListener('abort', onAbort, { once: true });
      try {
        await opened.done;
      } finally {
        signal.removeEventListener('abort', onAbort);
      }
      if (deleted) return;
      if (signal.aborted) throw timedOut();
    }
  } catch (err) {
    if (signal.aborted) throw timedOut();
    throw err;
  }
}
