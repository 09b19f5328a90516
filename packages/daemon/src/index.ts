/** @mk/daemon: the process that runs one cluster (store + API server). */
export { runDaemon, type DaemonHandle, type DaemonInfo, type DaemonOptions } from './run-daemon';
export { parseDaemonArgs, type DaemonArgs } from './cli-args';
