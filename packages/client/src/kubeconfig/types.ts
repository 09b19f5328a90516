/** The kubeconfig file format (clientcmd/api/v1), the parts mk reads and writes; unknown fields are kept. */

/** A cluster entry: where the API server is. */
export interface KubeCluster {
  server?: string;
  'certificate-authority'?: string;
  'certificate-authority-data'?: string;
  'insecure-skip-tls-verify'?: boolean;
  [key: string]: unknown;
}

/** A user entry: credentials. mk understands bearer tokens (`token`, `tokenFile`). */
export interface KubeUser {
  token?: string;
  tokenFile?: string;
  [key: string]: unknown;
}

/** A context entry: cluster + user + default namespace. */
export interface KubeContext {
  cluster?: string;
  user?: string;
  namespace?: string;
  [key: string]: unknown;
}

/** A kubeconfig document as it sits in a file. */
export interface KubeconfigDoc {
  apiVersion?: string;
  kind?: string;
  preferences?: Record<string, unknown>;
  'current-context'?: string;
  clusters?: { name: string; cluster: KubeCluster }[];
  users?: { name: string; user: KubeUser }[];
  contexts?: { name: string; context: KubeContext }[];
  [key: string]: unknown;
}

/** Several kubeconfig files merged as clientcmd does; each entry remembers the file it came from. */
export interface MergedKubeconfig {
  currentContext?: string;
  clusters: Map<string, { value: KubeCluster; file: string }>;
  users: Map<string, { value: KubeUser; file: string }>;
  contexts: Map<string, { value: KubeContext; file: string }>;
  /** The files that were read, in precedence order. */
  files: string[];
}
