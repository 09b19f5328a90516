/** Informer targets of the resources mk's controllers read (all namespaces unless narrowed). */
import type { InformerTarget } from '@mk/client';

export const NODES: InformerTarget = { group: '', version: 'v1', plural: 'nodes' };
export const PODS: InformerTarget = { group: '', version: 'v1', plural: 'pods' };
export const NAMESPACES: InformerTarget = { group: '', version: 'v1', plural: 'namespaces' };
export const PERSISTENT_VOLUME_CLAIMS: InformerTarget = { group: '', version: 'v1', plural: 'persistentvolumeclaims' };
export const REPLICATION_CONTROLLERS: InformerTarget = { group: '', version: 'v1', plural: 'replicationcontrollers' };
export const LEASES: InformerTarget = { group: 'coordination.k8s.io', version: 'v1', plural: 'leases' };
export const REPLICA_SETS: InformerTarget = { group: 'apps', version: 'v1', plural: 'replicasets' };
export const DEPLOYMENTS: InformerTarget = { group: 'apps', version: 'v1', plural: 'deployments' };
export const STATEFUL_SETS: InformerTarget = { group: 'apps', version: 'v1', plural: 'statefulsets' };
export const DAEMON_SETS: InformerTarget = { group: 'apps', version: 'v1', plural: 'daemonsets' };
export const CONTROLLER_REVISIONS: InformerTarget = { group: 'apps', version: 'v1', plural: 'controllerrevisions' };
export const JOBS: InformerTarget = { group: 'batch', version: 'v1', plural: 'jobs' };
export const CRON_JOBS: InformerTarget = { group: 'batch', version: 'v1', plural: 'cronjobs' };
export const POD_DISRUPTION_BUDGETS: InformerTarget = { group: 'policy', version: 'v1', plural: 'poddisruptionbudgets' };
