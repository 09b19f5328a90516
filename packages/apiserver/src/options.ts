import type { Store } from '@mk/store';

/** How the API server is built; everything time- or environment-dependent is injected. */
export interface ApiServerOptions {
  store: Store;
  /** Bearer token every request except /healthz, /readyz, /livez and /version must carry. Unset = no auth (tests). */
  token?: string;
  /** Clock for timestamps (creationTimestamp, deletionTimestamp, Table ages). */
  now?: () => Date;
  /** Fastify logger on/off. */
  logger?: boolean;
  /** Service cluster IP range (CIDR) for ClusterIP allocation. */
  serviceCIDR?: string;
  /** NodePort range, e.g. "30000-32767". */
  nodePortRange?: string;
  /** Port the API server listens on (the `kubernetes` Service's targetPort). */
  apiPort?: number;
  /** DefaultTolerationSeconds admission: tolerationSeconds of the default not-ready/unreachable tolerations (default 300). */
  defaultTolerationSeconds?: number;
}
