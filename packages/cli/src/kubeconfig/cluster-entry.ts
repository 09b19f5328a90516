/**
 * Adding and removing one mk cluster's entries (cluster, user and context, all
 * named mk-<name>) in a user's kubeconfig document, leaving every other entry
 * exactly as it was. Pure: documents in, documents out.
 */
import type { KubeconfigDoc } from '@mk/client';

type Named = { name: string };

function upsert<T extends Named>(list: T[] | undefined, entry: T | undefined): T[] {
  const items = [...(list ?? [])];
  if (!entry) return items;
  const i = items.findIndex((e) => e?.name === entry.name);
  if (i >= 0) items[i] = entry;
  else items.push(entry);
  return items;
}

/**
 * upsertClusterEntry copies the entries named `entryName` from the cluster's own
 * kubeconfig into `target`, replacing same-named ones, and makes the context
 * current if asked. Returns the new document and the context that was current before.
 */
export function upsertClusterEntry(target: KubeconfigDoc, source: KubeconfigDoc, entryName: string, makeCurrent: boolean): { doc: KubeconfigDoc; previousContext?: string } {
  const doc: KubeconfigDoc = {
    ...target,
    apiVersion: target.apiVersion ?? 'v1',
    kind: target.kind ?? 'Config',
    clusters: upsert(target.clusters, source.clusters?.find((c) => c.name === entryName)),
    users: upsert(target.users, source.users?.find((u) => u.name === entryName)),
    contexts: upsert(target.contexts, source.contexts?.find((c) => c.name === entryName)),
  };
  const previousContext = target['current-context'] || undefined;
  if (makeCurrent) doc['current-context'] = entryName;
  return { doc, previousContext };
}

/**
 * removeClusterEntry drops the entries named `entryName`. If that context was
 * current, the one current before `mk up` comes back when it still exists;
 * otherwise current-context is cleared (as `kind delete cluster` does).
 */
export function removeClusterEntry(target: KubeconfigDoc, entryName: string, previousContext?: string): { doc: KubeconfigDoc; removed: boolean } {
  const without = <T extends Named>(list: T[] | undefined): T[] | undefined => list?.filter((e) => e?.name !== entryName);
  const doc: KubeconfigDoc = { ...target, clusters: without(target.clusters), users: without(target.users), contexts: without(target.contexts) };
  const removed =
    (doc.clusters?.length ?? 0) !== (target.clusters?.length ?? 0) ||
    (doc.users?.length ?? 0) !== (target.users?.length ?? 0) ||
    (doc.contexts?.length ?? 0) !== (target.contexts?.length ?? 0);
  if (target['current-context'] === entryName) {
    const back = previousContext && previousContext !== entryName && doc.contexts?.some((c) => c.name === previousContext);
    doc['current-context'] = back ? previousContext : '';
  }
  return { doc, removed };
}
