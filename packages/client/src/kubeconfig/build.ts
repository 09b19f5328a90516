/** The kubeconfig of one mk cluster, and the names of its entries. */
import type { KubeconfigDoc } from './types';

/** mkEntryName is the cluster, user and context name of cluster `name` (kind uses kind-<name>). */
export function mkEntryName(clusterName: string): string {
  return `mk-${clusterName}`;
}

/** What a cluster's kubeconfig says. */
export interface ClusterKubeconfigSpec {
  clusterName: string;
  server: string;
  token: string;
  /** PEM of the cluster CA, for an https server. */
  caPem?: string;
  namespace?: string;
}

/** buildClusterKubeconfig is the standalone kubeconfig written to MK_HOME/<name>/kubeconfig. */
export function buildClusterKubeconfig(spec: ClusterKubeconfigSpec): KubeconfigDoc {
  const entry = mkEntryName(spec.clusterName);
  return {
    apiVersion: 'v1',
    kind: 'Config',
    preferences: {},
    'current-context': entry,
    clusters: [{ name: entry, cluster: { ...(spec.caPem ? { 'certificate-authority-data': Buffer.from(spec.caPem).toString('base64') } : {}), server: spec.server } }],
    contexts: [{ name: entry, context: { cluster: entry, user: entry, namespace: spec.namespace ?? 'default' } }],
    users: [{ name: entry, user: { token: spec.token } }],
  };
}
