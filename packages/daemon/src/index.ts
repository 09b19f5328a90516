/** @mk/daemon: the process that runs one cluster (store, API server, controllers, scheduler, node agents). */
export { runDaemon, type DaemonHandle, type DaemonInfo, type DaemonOptions } from './run-daemon';
export { parseDaemonArgs, type DaemonArgs } from './cli-args';
export { runSchedulerProcess, type SchedulerProcessOptions } from './process/scheduler-process';
export type { ClusterSpec, NodeSpec } from './cluster/cluster-spec';
export type { NodeInfo } from './nodes/node-manager';
