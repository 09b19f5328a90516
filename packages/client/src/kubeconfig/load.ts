/** loadKubeconfig: kubectl's loading rules from files to a ClientConfig. */
import { readFileSync } from 'node:fs';
import type { ClientConfig } from '../types';
import { readKubeconfigFile, requireKubeconfigFile } from './file';
import { mergeKubeconfigs } from './merge';
import { kubeconfigReadOrder, type KubeconfigLocation } from './paths';
import { resolveClientConfig, type KubeconfigOverrides } from './resolve';
import type { KubeconfigDoc, MergedKubeconfig } from './types';

/** Options of loadKubeconfig: where to read, plus kubectl's overriding flags. */
export type LoadKubeconfigOptions = KubeconfigLocation & KubeconfigOverrides;

/**
 * readMergedKubeconfig reads --kubeconfig (must exist), else every $KUBECONFIG
 * file (missing ones skipped), else ~/.kube/config (may be missing), and merges them.
 */
export function readMergedKubeconfig(loc: KubeconfigLocation): MergedKubeconfig {
  const { files, explicit } = kubeconfigReadOrder(loc);
  const docs: { file: string; doc: KubeconfigDoc }[] = [];
  for (const file of files) {
    const doc = explicit ? requireKubeconfigFile(file) : readKubeconfigFile(file);
    if (doc) docs.push({ file, doc });
  }
  const merged = mergeKubeconfigs(docs);
  // Keep the candidate list even when files are missing, so messages can name them.
  merged.files = files;
  return merged;
}

/** loadKubeconfig resolves the ClientConfig kubectl would use for the same flags and environment. */
export function loadKubeconfig(opts: LoadKubeconfigOptions): ClientConfig {
  const merged = readMergedKubeconfig(opts);
  return resolveClientConfig(merged, opts, (path) => readFileSync(path, 'utf8'));
}
