/** Merging a cluster into, and removing it from, the kubeconfig files kubectl uses. */
import { readKubeconfigFile, writeKubeconfigFile, type KubeconfigDoc } from '@mk/client';
import { removeClusterEntry, upsertClusterEntry } from './cluster-entry';
import { readMergeRecord, writeMergeRecord } from './merge-record';

/** What to merge where. */
export interface MergeRequest {
  /** The kubeconfig file kubectl would write to. */
  target: string;
  /** The cluster's own kubeconfig document. */
  cluster: KubeconfigDoc;
  entryName: string;
  makeCurrent: boolean;
  /** MK_HOME/<name>/merged-kubeconfig.json */
  recordPath: string;
}

/**
 * mergeClusterIntoKubeconfig writes the cluster's entries into `target` (0600)
 * and remembers the file and the previously current context. Re-running it is
 * harmless: the first previous context is kept.
 */
export function mergeClusterIntoKubeconfig(req: MergeRequest): void {
  const current = readKubeconfigFile(req.target) ?? {};
  const { doc, previousContext } = upsertClusterEntry(current, req.cluster, req.entryName, req.makeCurrent);
  writeKubeconfigFile(req.target, doc);
  const record = readMergeRecord(req.recordPath);
  const files = record.files.includes(req.target) ? record.files : [...record.files, req.target];
  const keepPrevious = record.previousContext ?? (previousContext !== req.entryName ? previousContext : undefined);
  writeMergeRecord(req.recordPath, { files, previousContext: keepPrevious });
}

/** removeClusterFromKubeconfigs drops the entries from each file that has them; returns the files changed. */
export function removeClusterFromKubeconfigs(files: string[], entryName: string, previousContext?: string): string[] {
  const changed: string[] = [];
  for (const file of new Set(files)) {
    const doc = readKubeconfigFile(file);
    if (!doc) continue;
    const { doc: next, removed } = removeClusterEntry(doc, entryName, previousContext);
    if (!removed && doc['current-context'] === next['current-context']) continue;
    writeKubeconfigFile(file, next);
    changed.push(file);
  }
  return changed;
}
