/** Choosing a context from merged kubeconfig and applying flag overrides, as clientcmd does, to get a ClientConfig. */
import { isAbsolute, dirname, resolve as resolvePath } from 'node:path';
import type { ClientConfig } from '../types';
import { EMPTY_CONFIG_MESSAGE, KubeconfigError } from './errors';
import type { KubeCluster, MergedKubeconfig } from './types';

/** Flags that override what the kubeconfig says (kubectl's --context, --server, --token, --namespace). */
export interface KubeconfigOverrides {
  context?: string;
  server?: string;
  token?: string;
  namespace?: string;
  requestTimeoutMs?: number;
}

/**
 * resolveClientConfig picks --context or current-context, follows it to its
 * cluster and user, and applies overrides. A user's tokenFile (relative to the
 * kubeconfig file that defined the user) wins over its token, as in client-go.
 */
export function resolveClientConfig(merged: MergedKubeconfig, overrides: KubeconfigOverrides, readFile: (path: string) => string): ClientConfig {
  const contextName = overrides.context || merged.currentContext || '';
  const context = contextName ? merged.contexts.get(contextName) : undefined;
  if (contextName && !context) {
    throw new KubeconfigError(`context was not found for specified context: ${contextName}`, true);
  }
  const cluster = context?.value.cluster ? merged.clusters.get(context.value.cluster) : undefined;
  const user = context?.value.user ? merged.users.get(context.value.user) : undefined;
  const server = overrides.server || cluster?.value.server;
  if (!server) {
    if (!context) throw new KubeconfigError(EMPTY_CONFIG_MESSAGE);
    throw new KubeconfigError('cluster has no server defined', true);
  }
  let token = overrides.token || undefined;
  if (!token && user?.value.tokenFile) {
    const path = isAbsolute(user.value.tokenFile) ? user.value.tokenFile : resolvePath(dirname(user.file), user.value.tokenFile);
    try {
      token = readFile(path).trim();
    } catch (err) {
      throw new KubeconfigError(`open ${path}: ${(err as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file or directory' : (err as Error).message}`);
    }
  }
  if (!token && user?.value.token) token = user.value.token;
  const caData = cluster ? clusterCA(cluster.value, cluster.file, readFile) : undefined;
  const config: ClientConfig = {
    server,
    namespace: overrides.namespace || context?.value.namespace || 'default',
    source: { kubeconfig: context?.file ?? merged.files[0], context: contextName || undefined },
  };
  if (token) config.token = token;
  if (caData) config.caData = caData;
  if (cluster?.value['insecure-skip-tls-verify'] === true) config.insecureSkipTLSVerify = true;
  if (overrides.requestTimeoutMs) config.requestTimeoutMs = overrides.requestTimeoutMs;
  return config;
}

/** clusterCA reads certificate-authority-data (base64 PEM) or the certificate-authority file (relative to its kubeconfig). */
function clusterCA(cluster: KubeCluster, file: string, readFile: (path: string) => string): string | undefined {
  const data = cluster['certificate-authority-data'];
  if (data) return Buffer.from(data, 'base64').toString('utf8');
  const path = cluster['certificate-authority'];
  if (!path) return undefined;
  const full = isAbsolute(path) ? path : resolvePath(dirname(file), path);
  try {
    return readFile(full);
  } catch (err) {
    throw new KubeconfigError(`unable to read certificate-authority ${full} for ${JSON.stringify(file)} due to ${(err as NodeJS.ErrnoException).code === 'ENOENT' ? `open ${full}: no such file or directory` : (err as Error).message}`);
  }
}
