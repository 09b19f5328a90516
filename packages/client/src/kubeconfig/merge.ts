/** Merging several kubeconfig files the way clientcmd does: for every name, the first file that defines it wins. */
import type { KubeconfigDoc, MergedKubeconfig } from './types';

/** mergeKubeconfigs merges documents given highest precedence first; current-context comes from the first file that sets one. */
export function mergeKubeconfigs(docs: { file: string; doc: KubeconfigDoc }[]): MergedKubeconfig {
  const merged: MergedKubeconfig = { clusters: new Map(), users: new Map(), contexts: new Map(), files: docs.map((d) => d.file) };
  for (const { file, doc } of docs) {
    if (!merged.currentContext && doc['current-context']) merged.currentContext = doc['current-context'];
    for (const c of doc.clusters ?? []) if (c?.name && !merged.clusters.has(c.name)) merged.clusters.set(c.name, { value: c.cluster ?? {}, file });
    for (const u of doc.users ?? []) if (u?.name && !merged.users.has(u.name)) merged.users.set(u.name, { value: u.user ?? {}, file });
    for (const c of doc.contexts ?? []) if (c?.name && !merged.contexts.has(c.name)) merged.contexts.set(c.name, { value: c.context ?? {}, file });
  }
  return merged;
}
